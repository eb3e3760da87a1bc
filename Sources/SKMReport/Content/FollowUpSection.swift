import SKMCore

/// BAB IV's parts that come from the follow-up register: the RTL table made from registered
/// items, and the section on how far the RTL were done and where the results were published
/// (what the PEKPPP evaluation asks for).
enum FollowUpSection {
    /// The RTL table from the register: each weakest unsur with its items (a marked row when it
    /// has none), then items for other unsur as "Tambahan".
    static func registerTable(_ c: ContentContext, _ n: inout Numbering) -> [Block] {
        let d = c.data
        let items = d.followUp.items
        var rows: [[Cell]] = []
        var usedPlaceholder = false
        for (i, u) in c.weakest.enumerated() {
            let matching = items.filter { $0.unsur.caseInsensitiveEquals(u.code) }
            if matching.isEmpty {
                usedPlaceholder = true
                rows.append([
                    .text(String(i + 1)), .text(Words.unsur(u)), u.converted.map { .number($0, decimals: 2) } ?? .missing,
                    .placeholder("Belum ada RTL untuk unsur ini di register (skm rtl add)"), .missing,
                    .placeholder(Placeholder.responsible), .missing,
                ])
            }
            for item in matching { rows.append(row(String(i + 1), Words.unsur(u), u.converted, item)) }
        }
        let others = items.filter { item in !c.weakest.contains { $0.code.caseInsensitiveEquals(item.unsur) } }
        for item in others {
            let u = d.overall.unsur.first { $0.code.caseInsensitiveEquals(item.unsur) }
            rows.append(row("Tambahan", u.map(Words.unsur) ?? item.unsur, u?.converted, item))
        }
        var notes: [[Inline]] = [[.text("Sumber: register RTL skm (skm rtl list); status per tanggal laporan dibuat.")]]
        if usedPlaceholder {
            notes.append([.text("Baris bertanda [ … ] adalah unsur prioritas yang belum mempunyai RTL di register.")])
        }
        if !others.isEmpty {
            notes.append([.text("Baris \u{201C}Tambahan\u{201D} adalah RTL untuk unsur di luar unsur prioritas.")])
        }
        return [
            .table(
                ReportTable(
                    id: "rtl", caption: n.table("Rencana tindak lanjut (RTL) hasil survei tahun \(d.year)"),
                    columns: [
                        ("Prioritas", .center), ("Unsur", .left), ("Nilai", .right), ("Program/kegiatan", .left),
                        ("Target", .left), ("Penanggung jawab", .left), ("Status", .left),
                    ], rows: rows, notes: notes))
        ]
    }

    static func row(_ priority: String, _ unsur: String, _ value: Double?, _ item: RTLItem) -> [Cell] {
        [
            .text(priority), .text(unsur), value.map { .number($0, decimals: 2) } ?? .missing, .text(item.program),
            .text(item.target.indonesian),
            item.penanggungJawab.map { .text($0) } ?? .placeholder(Placeholder.responsible), .text(status(item)),
        ]
    }

    static func status(_ item: RTLItem) -> String {
        guard let done = item.doneOn else { return "Belum selesai" }
        return "Selesai \(done.indonesian)" + (item.doneOnTime ? "" : " (melewati target)")
    }

    /// "4.6 Tindak Lanjut dan Publikasi Hasil Survei": shares done, speed and the media.
    static func build(_ c: ContentContext, _ n: inout Numbering) -> [Block] {
        let d = c.data
        var blocks: [Block] = [.heading("4.6 Tindak Lanjut dan Publikasi Hasil Survei", id: "tindak-lanjut")]
        let years = d.followUp.years
        if years.allSatisfy({ $0.total.figures.items == 0 }) {
            blocks.append(
                .paragraph([
                    .text(
                        "Belum ada RTL yang dicatat di register tindak lanjut, sehingga capaian tindak lanjut belum dapat disajikan."
                    )
                ]))
        } else {
            if let current = years.first(where: { $0.year == d.year }), current.total.figures.items > 0 {
                blocks.append(.paragraph([.text(sentence(current.total))]))
            }
            var rows: [[Cell]] = []
            for y in years where y.total.figures.items > 0 {
                for line in [y.total] + y.services {
                    let f = line.figures
                    rows.append([
                        .text(String(y.year)), .text(line.serviceCode.map { "\(line.unitCode ?? "")/\($0)" } ?? "Semua layanan"),
                        .integer(f.items), .integer(f.done), .integer(f.doneOnTime),
                        f.shareDone.map { .percent($0) } ?? .missing, f.shareOnTime.map { .percent($0) } ?? .missing,
                        f.meanDays.map { .number($0, decimals: 1) } ?? .missing,
                    ])
                }
            }
            blocks.append(
                .table(
                    ReportTable(
                        id: "capaian-rtl", caption: n.table("Capaian tindak lanjut hasil survei"),
                        columns: [
                            ("Tahun survei", .left), ("Layanan", .left), ("RTL", .right), ("Selesai", .right),
                            ("Tepat waktu", .right), ("% selesai", .right), ("% tepat waktu", .right), ("Rata-rata hari", .right),
                        ], rows: rows,
                        notes: [
                            [
                                .text(
                                    "Tepat waktu: selesai paling lambat pada tanggal targetnya. Rata-rata hari dihitung dari akhir periode survei (hari terakhir ada responden pada tahun itu) sampai RTL selesai; yang selesai lebih awal dihitung 0 hari. RTL yang dibatalkan tidak dihitung."
                                )
                            ]
                        ])))
        }
        let published = d.followUp.publications
        let media = d.followUp.years.first { $0.year == d.year }?.media ?? []
        if published.isEmpty {
            blocks.append(
                .paragraph([
                    .text("Belum ada publikasi hasil survei tahun \(d.year) yang dicatat (skm publish add).")
                ]))
            return blocks
        }
        blocks.append(
            .paragraph([
                .text(
                    "Hasil survei tahun \(d.year) dipublikasikan melalui \(Words.count(media.count)) media: \(Words.list(media.map { $0.label.lowercased() }))."
                )
            ]))
        blocks.append(
            .table(
                ReportTable(
                    id: "publikasi", caption: n.table("Publikasi hasil survei tahun \(d.year)"),
                    columns: [("No", .right), ("Media", .left), ("Tanggal", .left), ("Tautan/keterangan", .left)],
                    rows: published.enumerated().map { i, p in
                        [
                            .integer(i + 1), .text(p.medium.label), .text(p.publishedOn.indonesian),
                            .text([p.link, p.note].compactMap { $0 }.joined(separator: " — ")),
                        ]
                    })))
        return blocks
    }

    static func sentence(_ line: RTLSummaryLine) -> String {
        let f = line.figures
        var s =
            "Dari \(Words.count(f.items)) RTL hasil survei tahun \(line.year), \(Words.count(f.done)) telah selesai (\(f.shareDone.map(Words.percent) ?? "–")) dan \(Words.count(f.doneOnTime)) di antaranya selesai tepat waktu (\(f.shareOnTime.map(Words.percent) ?? "–"))."
        if let mean = f.meanDays {
            s +=
                " Rata-rata RTL selesai \(IndonesianNumber.format(mean, decimals: 1)) hari setelah periode survei berakhir (\(line.periodEnd.indonesian))."
        }
        return s
    }
}
