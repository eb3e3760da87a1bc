import SKMCore

/// BAB V Penutup: the conclusions in a few sentences, what happens next, and the signature.
enum ClosingChapter {
    static func build(_ c: ContentContext, _ n: inout Numbering) -> Chapter {
        n.start("5")
        let d = c.data
        let r = d.overall
        var blocks: [Block] = [.heading("5.1 Kesimpulan", id: "kesimpulan")]
        var points: [[Inline]] = []
        if let ikm = r.ikm, let band = r.band {
            points.append(
                [.text("IKM ")] + c.office + [
                    .text(" tahun \(d.year) adalah "), .strong(Words.ikm(ikm)), .text(" dengan mutu "), .strong(band.mutu),
                    .text(" (kinerja \(band.kinerja)), dihitung dari \(Words.count(r.respondents)) responden."),
                ])
        } else {
            points.append([.text("IKM tahun \(d.year) belum dapat dihitung: \(d.wording.reason(r) ?? "belum ada responden.")")])
        }
        if let sample = d.sample {
            points.append([
                .text(
                    sample.sufficient
                        ? "Jumlah responden memenuhi batas minimal Krejcie–Morgan (\(Words.count(sample.minimum)) responden)."
                        : "Jumlah responden belum memenuhi batas minimal Krejcie–Morgan (\(Words.count(sample.minimum)) responden)."
                )
            ])
        }
        if let best = c.strongest, c.ranked.count >= 2 {
            let weak = Words.list(c.weakest.map(Words.unsurWithValue))
            points.append([
                .text("Unsur terkuat adalah \(Words.unsurWithValue(best)); unsur yang paling perlu diperbaiki adalah \(weak).")
            ])
        }
        if let change = c.changeFromPreviousYear {
            points.append([.text("Dibandingkan tahun \(change.year), IKM \(change.phrase).")])
        }
        for line in d.iku {
            let e = line.evaluation
            guard let target = e.target, let capaian = e.capaian, let met = e.targetMet else { continue }
            points.append([
                .text(
                    "Target \(e.indicator.code) sebesar \(Words.ikm(target)) \(met ? "tercapai" : "belum tercapai") (capaian \(Words.percent(capaian)), kategori \(e.category ?? "–"))."
                )
            ])
        }
        blocks.append(.bullets(points))
        blocks.append(.heading("5.2 Tindak Lanjut", id: "tindak-lanjut"))
        blocks.append(
            .paragraph([
                .text(
                    "Hasil survei ini perlu diumumkan kepada masyarakat, misalnya melalui papan pengumuman dan laman resmi kantor; infografis IKM disertakan bersama laporan ini untuk keperluan tersebut. Rencana tindak lanjut pada Bab IV dilaksanakan dan dipantau setiap triwulan, dan survei tahun berikutnya akan menunjukkan apakah perbaikan tersebut dirasakan oleh masyarakat."
                )
            ]))
        blocks.append(
            .paragraph([
                .text(
                    "Terima kasih kepada masyarakat yang telah meluangkan waktu mengisi kuesioner, serta kepada semua pihak yang membantu pelaksanaan survei ini."
                )
            ]))
        blocks.append(.signature(signature(d)))
        return Chapter(id: "bab-5", title: "BAB V PENUTUP", blocks: blocks)
    }

    static func signature(_ d: ReportData) -> Signature {
        let o = d.office
        let place = o.city.map { "\($0), \(d.generatedOn.indonesian)" } ?? d.generatedOn.indonesian
        let position: [Inline] =
            o.position.map { [.text($0)] } ?? o.name.map { [.text("Kepala \($0)")] } ?? [.placeholder(Placeholder.position)]
        return Signature(
            placeAndDate: [.text(place)], position: position,
            name: o.head.map { [.strong($0)] } ?? [.placeholder(Placeholder.head)],
            nip: o.nip.map { [.text("NIP. \(groupedNIP($0))")] } ?? [.text("NIP. "), .placeholder(Placeholder.nip)])
    }

    /// A civil servant's 18-digit NIP in its usual printed groups (birth date, appointment
    /// month, sex, number: `19800101 200501 1 001`); anything else as written.
    static func groupedNIP(_ nip: String) -> String {
        let digits = nip.filter { $0 != " " && $0 != "." && $0 != "-" }
        guard digits.count == 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nip }
        let d = Array(digits)
        return String(d[0..<8]) + " " + String(d[8..<14]) + " " + String(d[14]) + " " + String(d[15..<18])
    }
}

/// Lampiran: the questionnaire, the computation table and the method note.
enum AppendixChapter {
    static func build(_ c: ContentContext, _ n: inout Numbering) -> Chapter {
        n.start("L")
        let d = c.data
        let q = d.questionnaire
        var blocks: [Block] = [.heading("Lampiran A. Kuesioner", id: "lampiran-kuesioner")]
        blocks.append(
            .paragraph([
                .text(
                    "\(q.title). Pertanyaan ditulis dalam urutan formulir; kolom Unsur menunjukkan unsur yang diukur oleh setiap pertanyaan (urutan pertanyaan tidak selalu sama dengan urutan unsur). Jawaban diberi nilai \(q.scale.lowerBound) sampai \(q.scale.upperBound) dari kiri ke kanan."
                )
            ]))
        let optionCount = q.questions.map(\.options.count).max() ?? 0
        let letters = ["a", "b", "c", "d", "e", "f", "g", "h"]
        var columns: [(String, ReportTable.Alignment)] = [("No", .right), ("Pertanyaan", .left), ("Unsur", .left)]
        for i in 0..<min(optionCount, letters.count) {
            columns.append(("\(letters[i]) (\(q.scale.lowerBound + i))", .left))
        }
        let rows: [[Cell]] = q.questions.map { question in
            let name = q.unsur.first { $0.code == question.unsur }.map { "\($0.code) \($0.name)" } ?? question.unsur
            let options: [Cell] = (0..<min(optionCount, letters.count)).map { i in
                i < question.options.count ? .text(question.options[i]) : .text("")
            }
            return [.integer(question.number), .text(question.text), .text(name)] + options
        }
        blocks.append(
            .table(ReportTable(id: "kuesioner", caption: n.table("Pertanyaan kuesioner"), columns: columns, rows: rows)))
        var profile: [[Inline]] = []
        for key in ProfileKey.allCases {
            guard let f = q.profile.choiceField(key) else { continue }
            profile.append([.text("\(f.label): \(f.choices.map(\.label).joined(separator: ", ")).")])
        }
        if let f = q.profile.age { profile.append([.text("\(f.label): \(f.min)–\(f.max) tahun.")]) }
        if !q.timeSlots.isEmpty { profile.append([.text("Jam survei: \(q.timeSlots.map(\.label).joined(separator: ", ")).")]) }
        if !profile.isEmpty {
            blocks.append(.paragraph([.text("Keterangan responden yang ditanyakan (tanpa nama dan nomor identitas):")]))
            blocks.append(.bullets(profile))
        }
        blocks += computation(c, &n)
        blocks += MethodNote.blocks(c, &n)
        blocks.append(.heading("Lampiran D. Infografis IKM", id: "lampiran-infografis"))
        blocks.append(
            .paragraph([
                .text(
                    "Infografis berikut disertakan juga sebagai berkas SVG tersendiri untuk dicetak atau diunggah ke laman kantor."
                )
            ]))
        blocks.append(
            .figure(
                Figure(
                    id: "infografis", caption: n.figure("Infografis IKM tahun \(d.year)"), svg: Infographic.render(d),
                    fullPage: true)))
        return Chapter(id: "lampiran", title: "LAMPIRAN", blocks: blocks)
    }

    static func computation(_ c: ContentContext, _ n: inout Numbering) -> [Block] {
        let d = c.data
        let r = d.overall
        let factor = IndonesianNumber.format(d.questionnaire.conversionFactor, decimals: 0)
        var blocks: [Block] = [.heading("Lampiran B. Tabel Olah Data", id: "lampiran-olah-data")]
        blocks.append(
            .paragraph([
                .text(
                    "NRR = jumlah nilai / jumlah responden yang menjawab; NRR tertimbang = NRR × bobot; indeks = Σ NRR tertimbang; IKM = indeks × \(factor). Angka ditampilkan empat desimal (IKM dua desimal); perhitungan memakai angka penuh."
                )
            ]))
        let rows: [[Cell]] = r.unsur.map { u in
            [
                .text(u.code), .text(u.name), .integer(u.sum), .integer(u.answered),
                u.nrr.map { .number($0, decimals: 4) } ?? .missing, .number(u.weight, decimals: 4),
                u.weighted.map { .number($0, decimals: 4) } ?? .missing,
            ]
        }
        let footer: [[Cell]] = [
            [
                .text("Indeks"), .text("Σ NRR tertimbang"), .missing, .missing, .missing, .missing,
                r.indeks.map { .number($0, decimals: 4) } ?? .missing,
            ],
            [
                .text("IKM"), .text("Indeks × \(factor)"), .missing, .missing, .missing, .missing,
                r.ikm.map { .number($0, decimals: 2) } ?? .missing,
            ],
        ]
        var notes: [[Inline]] = []
        if r.ikm == nil { notes.append([.text(d.wording.reason(r) ?? "IKM tidak dapat dihitung.")]) }
        blocks.append(
            .table(
                ReportTable(
                    id: "olah-data", caption: n.table("Perhitungan IKM"),
                    columns: [
                        ("Kode", .left), ("Unsur", .left), ("Jumlah nilai", .right), ("Menjawab", .right), ("NRR", .right),
                        ("Bobot", .right), ("NRR tertimbang", .right),
                    ], rows: rows, footer: footer, notes: notes)))
        return blocks
    }
}
