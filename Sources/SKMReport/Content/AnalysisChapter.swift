import SKMCore

/// BAB IV Analisis: the weakest unsur and the RTL, the strongest unsur, the trend across years,
/// the IKU target, the respondents' comments, and the follow-up and publication of the results.
enum AnalysisChapter {
    static func build(_ c: ContentContext, _ n: inout Numbering) -> Chapter {
        n.start("4")
        var blocks = rtl(c, &n)
        blocks += strongest(c)
        blocks += trend(c, &n)
        blocks += iku(c, &n)
        blocks += comments(c, &n)
        blocks += FollowUpSection.build(c, &n)
        return Chapter(id: "bab-4", title: "BAB IV ANALISIS DAN RENCANA TINDAK LANJUT", blocks: blocks)
    }

    static func rtl(_ c: ContentContext, _ n: inout Numbering) -> [Block] {
        let d = c.data
        var blocks: [Block] = [.heading("4.1 Unsur Prioritas Perbaikan dan Rencana Tindak Lanjut", id: "rtl")]
        let weakest = c.weakest
        if weakest.isEmpty {
            blocks.append(
                .paragraph([
                    .text(
                        "Belum ada unsur yang dapat dinilai pada tahun \(d.year), sehingga prioritas perbaikan belum dapat ditentukan dari hasil survei."
                    )
                ]))
        } else {
            let count = weakest.count == 3 ? "Tiga unsur" : (weakest.count == 2 ? "Dua unsur" : "Unsur")
            blocks.append(
                .paragraph([
                    .text(
                        "\(count) dengan nilai terendah dijadikan prioritas perbaikan: \(Words.list(weakest.map { "\(Words.unsur($0)) (\(Words.ikm($0.converted)))" })). Rencana tindak lanjut (RTL) untuk unsur tersebut disajikan pada tabel berikut."
                    )
                ]))
        }
        if !c.unanswered.isEmpty {
            blocks.append(
                .paragraph([
                    .text(
                        "Unsur \(Words.list(c.unanswered.map(Words.unsur))) tidak dijawab oleh satu responden pun sehingga tidak dapat dinilai; sebaiknya diperiksa mengapa pertanyaannya selalu dilewati."
                    )
                ]))
        }
        if !d.followUp.items.isEmpty { return blocks + FollowUpSection.registerTable(c, &n) }
        var rows: [[Cell]] = []
        var usedPlaceholder = false
        for (i, u) in weakest.enumerated() {
            let entries = d.rtl.filter { $0.unsur.caseInsensitiveEquals(u.code) }
            if entries.isEmpty {
                usedPlaceholder = true
                rows.append(
                    [
                        .text(String(i + 1)), .text(Words.unsur(u)), u.converted.map { .number($0, decimals: 2) } ?? .missing,
                        .placeholder(Placeholder.program),
                    ]
                        + (1...4).map { _ in Cell.check(false) } + [.placeholder(Placeholder.responsible)])
            }
            for entry in entries {
                rows.append(rtlRow(String(i + 1), Words.unsur(u), u.converted, entry))
            }
        }
        let others = d.rtl.filter { entry in !weakest.contains { $0.code.caseInsensitiveEquals(entry.unsur) } }
        for entry in others {
            let u = d.overall.unsur.first { $0.code.caseInsensitiveEquals(entry.unsur) }
            rows.append(rtlRow("Tambahan", u.map(Words.unsur) ?? entry.unsur, u?.converted, entry))
        }
        var notes: [[Inline]] = []
        if usedPlaceholder {
            notes.append([
                .text(
                    "Baris bertanda [ … ] belum diisi kantor. Tulis program/kegiatan, waktu (TW I–IV) dan penanggung jawab untuk setiap unsur prioritas di bagian \"rtl\" berkas skm-report.json."
                )
            ])
        }
        if !others.isEmpty {
            notes.append([.text("Baris \u{201C}Tambahan\u{201D} adalah rencana kantor untuk unsur di luar tiga unsur terendah.")])
        }
        if !rows.isEmpty {
            blocks.append(
                .table(
                    ReportTable(
                        id: "rtl", caption: n.table("Rencana tindak lanjut (RTL) perbaikan pelayanan tahun \(d.year + 1)"),
                        columns: [
                            ("Prioritas", .center), ("Unsur", .left), ("Nilai", .right), ("Program/kegiatan", .left),
                            ("TW I", .center),
                            ("TW II", .center), ("TW III", .center), ("TW IV", .center), ("Penanggung jawab", .left),
                        ], rows: rows, notes: notes)))
        }
        return blocks
    }

    static func rtlRow(_ priority: String, _ unsur: String, _ value: Double?, _ entry: RTLEntry) -> [Cell] {
        [.text(priority), .text(unsur), value.map { .number($0, decimals: 2) } ?? .missing, .text(entry.program)]
            + (1...4).map { Cell.check(entry.quarters.contains($0)) }
            + [entry.penanggungJawab.map { .text($0) } ?? .placeholder(Placeholder.responsible)]
    }

    static func strongest(_ c: ContentContext) -> [Block] {
        var blocks: [Block] = [.heading("4.2 Unsur Terkuat", id: "unsur-terkuat")]
        guard let best = c.strongest, c.ranked.count >= 2 else {
            blocks.append(.paragraph([.text("Belum ada cukup unsur yang dinilai untuk menentukan unsur terkuat.")]))
            return blocks
        }
        var text = "Unsur dengan nilai tertinggi adalah \(Words.unsurWithValue(best))"
        if c.ranked.count >= 3 {
            let second = c.ranked[c.ranked.count - 2]
            text += ", disusul \(Words.unsurWithValue(second))"
        }
        text +=
            ". Kekuatan ini perlu dipertahankan, antara lain dengan menjaga standar pelayanan dan kebiasaan kerja yang sudah berjalan baik."
        blocks.append(.paragraph([.text(text)]))
        return blocks
    }

    static func trend(_ c: ContentContext, _ n: inout Numbering) -> [Block] {
        let d = c.data
        var blocks: [Block] = [.heading("4.3 Perbandingan dengan Tahun Sebelumnya", id: "tren")]
        let earlier = d.years.filter { $0.year < d.year }
        guard !earlier.isEmpty else {
            blocks.append(
                .paragraph([
                    .text(
                        "Hasil survei tahun-tahun sebelum \(d.year) belum tersedia, sehingga perbandingan antartahun belum dapat disajikan. Perbandingan akan muncul pada laporan tahun berikutnya."
                    )
                ]))
            return blocks
        }
        var rows: [[Cell]] = []
        var previous: Double?
        for y in d.years {
            let shown = y.result.ikmDisplayed
            let change: Cell = (shown != nil && previous != nil) ? .number((shown ?? 0) - (previous ?? 0), decimals: 2) : .missing
            rows.append([
                .text(String(y.year)), .text(y.questionnaireTitle), .integer(y.result.respondents),
                y.result.ikm.map { .number($0, decimals: 2) } ?? .missing, .text(y.result.band?.mutu ?? "–"), change,
            ])
            previous = shown ?? previous
        }
        var notes: [[Inline]] = [
            [
                .text(
                    "Perubahan dihitung dari nilai IKM yang ditampilkan (dua desimal) terhadap tahun sebelumnya yang mempunyai IKM."
                )
            ]
        ]
        let other = d.years.filter { $0.questionnaireID != d.questionnaire.id }
        if !other.isEmpty {
            notes.append([
                .text(
                    "Tahun \(Words.list(other.map { String($0.year) })) memakai kuesioner lain; nilainya tidak sepenuhnya sebanding."
                )
            ])
        }
        blocks.append(
            .table(
                ReportTable(
                    id: "ikm-tahunan", caption: n.table("IKM dari tahun ke tahun"),
                    columns: [
                        ("Tahun", .left), ("Kuesioner", .left), ("Responden", .right), ("IKM", .right), ("Mutu", .center),
                        ("Perubahan", .right),
                    ],
                    rows: rows, notes: notes)))
        let caption = n.figure("IKM dari tahun ke tahun")
        blocks.append(
            .figure(
                Figure(
                    id: "grafik-ikm-tahunan", caption: caption,
                    svg: SVGCharts.columns(
                        d.years.map { c.bar(String($0.year), $0.result) }, title: caption, axis: c.axis, tickStep: 20,
                        thresholds: c.thresholds, legend: c.legend))))
        if let change = c.changeFromPreviousYear {
            blocks.append(
                .paragraph([
                    .text(
                        "Dibandingkan tahun \(change.year) (\(Words.ikm(change.before))), IKM tahun \(d.year) (\(Words.ikm(change.now))) \(change.phrase)."
                    )
                ]))
        }
        return blocks
    }

    static func iku(_ c: ContentContext, _ n: inout Numbering) -> [Block] {
        let d = c.data
        var blocks: [Block] = [.heading("4.4 Perbandingan dengan Target Kinerja (IKU)", id: "iku")]
        guard !d.iku.isEmpty else {
            blocks.append(
                .paragraph([
                    .text(
                        d.ikuNote
                            ?? "Tidak ada target Indikator Kinerja Utama (IKU) berbasis IKM tahun \(d.year) untuk unit yang dilaporkan, sehingga perbandingan dengan target tidak disajikan di sini."
                    )
                ]))
            return blocks
        }
        var rows: [[Cell]] = []
        var sentences: [String] = []
        for line in d.iku {
            let e = line.evaluation
            rows.append([
                .text(line.organisation), .text("\(e.indicator.code) \(e.indicator.name)"),
                e.target.map { .number($0, decimals: 2) } ?? .missing,
                e.realisasi.map { .number($0.value, decimals: 2) } ?? .missing,
                e.capaian.map { .percent($0) } ?? .missing, .text(e.category ?? "–"),
            ])
            var s = "\(e.indicator.code) \(e.indicator.name): "
            if let target = e.target {
                s += "target tahun \(d.year) sebesar \(Words.ikm(target))"
            } else {
                s += "tidak ada target tahun \(d.year)"
            }
            if let realisasi = e.realisasi {
                s += " dan realisasinya \(Words.ikm(realisasi.value))"
                if let capaian = e.capaian, let met = e.targetMet {
                    s +=
                        ", sehingga capaian \(Words.percent(capaian)) (kategori \(e.category ?? "–")); target \(met ? "tercapai" : "belum tercapai")."
                } else {
                    s += "."
                }
            } else {
                s += "; \(e.reason ?? "belum ada realisasi.")"
            }
            if let reason = e.reason, e.realisasi != nil { s += " " + reason }
            sentences.append(s)
        }
        blocks.append(
            .paragraph([.text("IKM dipakai sebagai realisasi indikator kinerja berikut; capaian = realisasi / target × 100 %.")]))
        blocks.append(
            .table(
                ReportTable(
                    id: "iku", caption: n.table("IKM terhadap target IKU tahun \(d.year)"),
                    columns: [
                        ("Rencana", .left), ("Indikator", .left), ("Target", .right), ("Realisasi", .right), ("Capaian", .right),
                        ("Kategori", .left),
                    ],
                    rows: rows)))
        blocks.append(.bullets(sentences.map { [.text($0)] }))
        return blocks
    }

    /// Comments shown in HTML and Markdown; the CSV file always has all of them.
    static let commentPrintLimit = 300

    static func comments(_ c: ContentContext, _ n: inout Numbering) -> [Block] {
        let d = c.data
        var blocks: [Block] = [.heading("4.5 Saran dan Masukan Responden", id: "saran")]
        guard d.commentCount > 0 else {
            blocks.append(.paragraph([.text("Tidak ada responden yang menuliskan saran atau masukan pada tahun \(d.year).")]))
            return blocks
        }
        blocks.append(
            .paragraph([
                .text(
                    "\(Words.count(d.commentCount)) responden menuliskan saran atau masukan. Saran yang isinya sama dihitung sekali beserta jumlahnya, diurutkan dari yang paling sering ditulis. Saran dikutip apa adanya."
                )
            ]))
        let rows: [[Cell]] = d.comments.enumerated().map { i, g in
            [
                .integer(i + 1), .text(g.text), .integer(g.count), .text(g.services.joined(separator: ", ")),
                .text(Words.span(g.first, g.last)),
            ]
        }
        var table = ReportTable(
            id: "saran", caption: n.table("Saran dan masukan responden"),
            columns: [("No", .right), ("Saran dan masukan", .left), ("Jumlah", .right), ("Layanan", .left), ("Tanggal", .left)],
            rows: rows)
        if rows.count > commentPrintLimit {
            table.printLimit = commentPrintLimit
            table.notes.append([
                .text(
                    "Ditampilkan \(commentPrintLimit) dari \(Words.count(rows.count)) saran yang berbeda; daftar lengkapnya ada pada berkas CSV tabel saran."
                )
            ])
        }
        blocks.append(.table(table))
        return blocks
    }
}
