import SKMCore

/// BAB III Hasil: the respondents, the NRR of every unsur, the IKM per service, per quarter and per semester,
/// and the office's IKM with its mutu and kinerja.
enum ResultsChapter {
    static func build(_ c: ContentContext, _ n: inout Numbering) -> Chapter {
        n.start("3")
        var blocks = respondents(c, &n)
        blocks += unsurSection(c, &n)
        blocks += groupSection(
            c, &n, heading: "3.3 IKM per Jenis Layanan", id: "ikm-layanan", tableID: "ikm-layanan",
            what: "jenis layanan", by: "oleh layanan", groups: c.data.services, horizontal: true)
        blocks += groupSection(
            c, &n, heading: "3.4 IKM per Triwulan", id: "ikm-triwulan", tableID: "ikm-triwulan",
            what: "triwulan", by: "pada", groups: c.data.quarters, horizontal: false)
        if !c.data.semesters.isEmpty {
            blocks += groupSection(
                c, &n, heading: "3.5 IKM per Semester", id: "ikm-semester", tableID: "ikm-semester",
                what: "semester", by: "pada", groups: c.data.semesters, horizontal: false)
        }
        blocks += overallSection(c, &n)
        return Chapter(id: "bab-3", title: "BAB III HASIL SURVEI", blocks: blocks)
    }

    static func respondents(_ c: ContentContext, _ n: inout Numbering) -> [Block] {
        let d = c.data
        var blocks: [Block] = [.heading("3.1 Profil Responden", id: "profil-responden")]
        if d.isEmpty {
            blocks.append(
                .notice([.text("Belum ada responden pada tahun \(d.year); tabel profil responden di bawah masih kosong.")]))
        } else {
            blocks.append(
                .paragraph([
                    .text(
                        "Pada tahun \(d.year) sebanyak \(Words.count(d.overall.respondents)) responden mengisi kuesioner. Profil mereka menurut jenis kelamin, pendidikan, pekerjaan, usia, jenis layanan dan waktu pengisian disajikan pada tabel dan grafik berikut. Responden yang tidak mengisi suatu keterangan dihitung pada baris \u{201C}Tidak diisi\u{201D}."
                    )
                ]))
        }
        for table in d.demographics {
            let total = table.total
            let rows: [[Cell]] = table.rows.map { row in
                [.text(row.label), .integer(row.count), Words.share(row.count, of: total).map { .percent($0) } ?? .missing]
            }
            blocks.append(
                .table(
                    ReportTable(
                        id: "responden-\(table.id)", caption: n.table("Responden menurut \(table.title.lowercased())"),
                        columns: [(table.title, .left), ("Jumlah", .right), ("Persentase", .right)], rows: rows,
                        footer: [[.text("Jumlah"), .integer(total), total > 0 ? .percent(100) : .missing]])))
            if let largest = table.rows.filter({ $0.count > 0 }).max(by: { $0.count < $1.count }),
                let share = Words.share(largest.count, of: total)
            {
                blocks.append(
                    .paragraph([
                        .text(
                            "Menurut \(table.title.lowercased()), kelompok terbesar adalah \(largest.label): \(Words.count(largest.count)) responden (\(Words.percent(share)))."
                        )
                    ]))
            }
            let bars = table.rows.map { row in
                let share = Words.share(row.count, of: total)
                return ChartBar(
                    label: row.label, value: share,
                    valueText: share.map { "\(Words.percent($0)) (\(Words.count(row.count)))" } ?? "",
                    note: "tidak ada responden")
            }
            let caption = n.figure("Responden menurut \(table.title.lowercased()) (persen)")
            blocks.append(
                .figure(
                    Figure(
                        id: "grafik-responden-\(table.id)", caption: caption,
                        svg: SVGCharts.horizontalBars(
                            bars, title: caption, axis: 0...100, tickStep: 20,
                            emptyText: "Tidak ada data: belum ada responden tahun \(d.year)"))))
        }
        return blocks
    }

    static func unsurSection(_ c: ContentContext, _ n: inout Numbering) -> [Block] {
        let d = c.data
        let factor = IndonesianNumber.format(d.questionnaire.conversionFactor, decimals: 0)
        var blocks: [Block] = [.heading("3.2 Nilai per Unsur Pelayanan", id: "nilai-unsur")]
        blocks.append(
            .paragraph([
                .text(
                    "Tabel berikut menyajikan nilai setiap unsur. NRR adalah nilai rata-rata pada skala \(d.questionnaire.scale.lowerBound)–\(d.questionnaire.scale.upperBound); nilai konversi adalah NRR × \(factor), sehingga dapat dibandingkan langsung dengan nilai IKM dan tabel mutu."
                )
            ]))
        let rows: [[Cell]] = d.overall.unsur.enumerated().map { i, u in
            [
                .integer(i + 1), .text(Words.unsur(u)), .integer(u.answered), .integer(u.sum),
                u.nrr.map { .number($0, decimals: 4) } ?? .missing, u.weighted.map { .number($0, decimals: 4) } ?? .missing,
                u.converted.map { .number($0, decimals: 2) } ?? .missing, .text(u.band?.mutu ?? "–"),
                .text(u.band?.kinerja ?? (u.answered == 0 ? "Tidak dijawab" : "–")),
            ]
        }
        var notes: [[Inline]] = []
        if !c.unanswered.isEmpty {
            notes.append([
                .text(
                    "Unsur \(Words.list(c.unanswered.map(Words.unsur))) tidak dijawab oleh satu responden pun, sehingga NRR-nya tidak ada (–)."
                )
            ])
        }
        blocks.append(
            .table(
                ReportTable(
                    id: "nrr-unsur", caption: n.table("Nilai rata-rata (NRR) per unsur pelayanan"),
                    columns: [
                        ("No", .right), ("Unsur", .left), ("Menjawab", .right), ("Jumlah nilai", .right), ("NRR", .right),
                        ("NRR tertimbang", .right), ("Nilai konversi (NRR × \(factor))", .right), ("Mutu", .center),
                        ("Kinerja", .left),
                    ], rows: rows, notes: notes)))
        let bars = d.overall.unsur.map { c.bar(Words.unsur($0), $0) }
        let caption = n.figure("Nilai konversi per unsur dengan batas mutu")
        blocks.append(
            .figure(
                Figure(
                    id: "grafik-nrr-unsur", caption: caption,
                    svg: SVGCharts.horizontalBars(
                        bars, title: caption, axis: c.axis, tickStep: 20, thresholds: c.thresholds, legend: c.legend,
                        emptyText: "Tidak ada data: belum ada responden tahun \(d.year)"))))
        if let low = c.ranked.first, let high = c.ranked.last, c.ranked.count >= 2 {
            blocks.append(
                .paragraph([
                    .text(
                        "Nilai tertinggi ada pada unsur \(Words.unsurWithValue(high)) dan nilai terendah pada unsur \(Words.unsurWithValue(low))."
                    )
                ]))
        }
        return blocks
    }

    static func groupSection(
        _ c: ContentContext, _ n: inout Numbering, heading: String, id: String, tableID: String, what: String,
        by: String, groups: [GroupResult], horizontal: Bool
    ) -> [Block] {
        var blocks: [Block] = [.heading(heading, id: id)]
        let rows: [[Cell]] = groups.enumerated().map { i, g in
            let r = g.result
            return [
                .integer(i + 1), .text(g.label), .integer(r.respondents), r.ikm.map { .number($0, decimals: 2) } ?? .missing,
                .text(r.band?.mutu ?? "–"), .text(r.band?.kinerja ?? groupReason(r)),
                r.ci95.map { .number($0.low, decimals: 2) } ?? .missing, r.ci95.map { .number($0.high, decimals: 2) } ?? .missing,
            ]
        }
        var notes: [[Inline]] = []
        let empty = groups.filter { $0.result.respondents == 0 }
        if !empty.isEmpty {
            notes.append([
                .text(
                    "Belum ada responden tahun \(c.data.year) untuk \(Words.list(empty.map(\.label))); nilainya ditulis \u{201C}–\u{201D}."
                )
            ])
        }
        for g in groups where g.result.respondents > 0 && g.result.ikm == nil {
            notes.append([.text("\(g.label): \(c.data.wording.reason(g.result) ?? "IKM tidak dapat dihitung.")")])
        }
        if groups.contains(where: { $0.result.ikm != nil && $0.result.ci95 == nil }) {
            notes.append([
                .text("Selang kepercayaan 95 % (SK) memerlukan sedikitnya 2 responden; tanpa itu ditulis \u{201C}–\u{201D}.")
            ])
        }
        blocks.append(
            .table(
                ReportTable(
                    id: tableID, caption: n.table("IKM per \(what)"),
                    columns: [
                        ("No", .right), (what.prefix(1).uppercased() + what.dropFirst(), .left), ("Responden", .right),
                        ("IKM", .right),
                        ("Mutu", .center), ("Kinerja", .left), ("SK 95 % bawah", .right), ("SK 95 % atas", .right),
                    ], rows: rows, notes: notes)))
        let bars = groups.map { c.bar($0.label, $0.result) }
        let caption = n.figure("IKM per \(what)")
        let emptyText =
            groups.isEmpty
            ? "Tidak ada data: tidak ada \(what) yang terdaftar" : "Tidak ada data: belum ada responden tahun \(c.data.year)"
        let svg =
            horizontal
            ? SVGCharts.horizontalBars(
                bars, title: caption, axis: c.axis, tickStep: 20, thresholds: c.thresholds, legend: c.legend, emptyText: emptyText
            )
            : SVGCharts.columns(
                bars, title: caption, axis: c.axis, tickStep: 20, thresholds: c.thresholds, legend: c.legend, emptyText: emptyText
            )
        blocks.append(.figure(Figure(id: "grafik-\(tableID)", caption: caption, svg: svg)))
        let scored = groups.filter { $0.result.ikm != nil }
        if scored.count >= 2, let best = scored.max(by: { ($0.result.ikm ?? 0) < ($1.result.ikm ?? 0) }),
            let worst = scored.min(by: { ($0.result.ikm ?? 0) < ($1.result.ikm ?? 0) })
        {
            blocks.append(
                .paragraph([
                    .text(
                        "IKM tertinggi dicapai \(by) \(best.label) (\(Words.ikm(best.result.ikm))) dan terendah \(by) \(worst.label) (\(Words.ikm(worst.result.ikm)))."
                    )
                ]))
        }
        return blocks
    }

    static func groupReason(_ r: IKMResult) -> String {
        if r.respondents == 0 { return "Belum ada responden" }
        return r.ikm == nil ? "Tidak dapat dihitung" : "–"
    }

    static func overallSection(_ c: ContentContext, _ n: inout Numbering) -> [Block] {
        let d = c.data
        let r = d.overall
        var blocks: [Block] = [
            .heading("\(d.semesters.isEmpty ? "3.5" : "3.6") Indeks Kepuasan Masyarakat Tahun \(d.year)", id: "ikm")
        ]
        guard let ikm = r.ikm, let indeks = r.indeks, let band = r.band else {
            blocks.append(
                .notice([
                    .strong("IKM tahun \(d.year) belum dapat dihitung. "), .text(d.wording.reason(r) ?? "Belum ada responden."),
                ]))
            return blocks
        }
        blocks.append(
            .notice(
                [.text(d.isCombined && d.office.name != nil ? "IKM gabungan " : "IKM ")] + c.office + [
                    .text(" tahun \(d.year) adalah "), .strong(Words.ikm(ikm)), .text(" dengan mutu pelayanan "),
                    .strong(band.mutu),
                    .text(" dan kinerja unit pelayanan "), .strong(band.kinerja), .text("."),
                ]))
        let factor = IndonesianNumber.format(d.questionnaire.conversionFactor, decimals: 0)
        var text =
            "Nilai ini diperoleh dari indeks \(Words.nrr(indeks)) (jumlah NRR tertimbang) dikalikan \(factor), dari \(Words.count(r.respondents)) responden. "
        if let ci = r.ci95 {
            text +=
                "Dengan tingkat kepercayaan 95 %, IKM sebenarnya diperkirakan berada di antara \(Words.ikm(ci.low)) dan \(Words.ikm(ci.high))."
        } else if let reason = d.wording.intervalReason(r) {
            text += reason
        }
        blocks.append(.paragraph([.text(text)]))
        blocks.append(
            .table(
                ReportTable(
                    id: "ikm-unit", caption: n.table("IKM unit pelayanan"),
                    columns: [("Uraian", .left), ("Nilai", .right)],
                    rows: [
                        [.text("Responden"), .integer(r.respondents)],
                        [.text("Indeks (Σ NRR tertimbang)"), .number(indeks, decimals: 4)],
                        [.text("IKM (indeks × \(factor))"), .number(ikm, decimals: 2)],
                        [.text("Mutu pelayanan"), .text(band.mutu)],
                        [.text("Kinerja unit pelayanan"), .text(band.kinerja)],
                        [
                            .text("Selang kepercayaan 95 % — batas bawah"),
                            r.ci95.map { .number($0.low, decimals: 2) } ?? .missing,
                        ],
                        [
                            .text("Selang kepercayaan 95 % — batas atas"),
                            r.ci95.map { .number($0.high, decimals: 2) } ?? .missing,
                        ],
                    ])))
        return blocks
    }
}
