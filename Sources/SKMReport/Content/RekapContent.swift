import SKMCore

/// Writes the consolidated report (rekap) once, in Indonesian, as a `ReportDocument`: cover,
/// method, units with IKM and mutu and the ranking chart, the unsur matrix as a heat map and a
/// table, the coverage list, and each unit's trend where earlier years have data.
public enum RekapContent {
    /// The document for `data`; every renderer (HTML, Markdown, CSV) takes it as it is.
    public static func document(_ data: RekapData) -> ReportDocument {
        var n = Numbering()
        let chapters = [
            method(data, &n), units(data, &n), matrix(data, &n), coverage(data, &n), trend(data, &n),
        ]
        return ReportDocument(
            title: "Rekapitulasi IKM Tahun \(data.year) — \(data.scope)", cover: cover(data), chapters: chapters)
    }

    static func cover(_ d: RekapData) -> Cover {
        let c = d.consolidated
        var highlights: [(String, String)] = [
            ("IKM gabungan", Words.ikm(c.ikm)), ("Mutu", c.band.map { "\($0.mutu) (\($0.kinerja))" } ?? "–"),
            ("Unit", Words.count(d.units.count)), ("Responden", Words.count(c.respondents)),
        ]
        if c.ikm == nil { highlights = [("Unit", Words.count(d.units.count)), ("Responden", "0")] }
        return Cover(
            lines: ["REKAPITULASI", "INDEKS KEPUASAN MASYARAKAT", "TAHUN \(d.year)"], office: [.text(d.scope.uppercased())],
            address: [.strong("Metode: "), .text(d.method.name)], logo: .none,
            notices: [[.strong("Metode penggabungan. "), .text(d.method.explanation)]], highlights: highlights)
    }

    static func method(_ d: RekapData, _ n: inout Numbering) -> Chapter {
        n.start("I")
        var blocks: [Block] = [
            .paragraph([
                .text(
                    "Rekapitulasi ini menyajikan IKM tahun \(d.year) untuk \(d.scope). Angka setiap unit mencakup unit itu dan semua unit di bawahnya, dihitung dengan rumus PermenPANRB 14/2017 (NRR per unsur, bobot 1/jumlah unsur, IKM = indeks × 25) dari kuesioner \(d.questionnaire.id)."
                )
            ]),
            .paragraph([
                .text(
                    "Tidak ada peraturan yang menetapkan cara menggabungkan IKM banyak unit. Rekap ini memakai metode "),
                .strong(d.method.name), .text(". \(d.method.explanation)"),
            ]),
        ]
        for other in d.alternatives {
            blocks.append(
                .paragraph([
                    .text(
                        "Sebagai pembanding, metode \(other.name) memberi IKM \(Words.ikm(other.ikm)); angka itu tidak dipakai di rekap ini."
                    )
                ]))
        }
        return Chapter(id: "bab-1", title: "BAB I METODE", blocks: blocks)
    }

    static func units(_ d: RekapData, _ n: inout Numbering) -> Chapter {
        n.start("II")
        let q = d.questionnaire
        let rows: [[Cell]] = d.units.map { u in
            [
                .text(u.code), .text(u.name), .integer(u.unitCount), .integer(u.result.respondents), number(u.result.ikm, 2),
                u.result.band.map { .text($0.mutu) } ?? .missing, u.result.band.map { .text($0.kinerja) } ?? .missing,
                u.rank.map { .integer($0) } ?? .missing,
                u.weakestUnsur.map { .text(Words.unsur(u.result.unsur[$0])) } ?? .missing,
            ]
        }
        let c = d.consolidated
        let table = ReportTable(
            id: "rekap-unit", caption: n.table("IKM per unit"),
            columns: [
                ("Kode", .left), ("Unit", .left), ("Unit tercakup", .right), ("Responden", .right), ("IKM", .right),
                ("Mutu", .center), ("Kinerja", .left), ("Peringkat", .right), ("Unsur terlemah", .left),
            ], rows: rows,
            footer: [
                [
                    .text("REKAP"), .text("IKM gabungan (\(d.method.name))"), .integer(d.units.reduce(0) { $0 + $1.unitCount }),
                    .integer(c.respondents), number(c.ikm, 2), c.band.map { .text($0.mutu) } ?? .missing,
                    c.band.map { .text($0.kinerja) } ?? .missing, .missing, .missing,
                ]
            ])
        let ranked = d.units.filter { $0.rank != nil }.sorted { ($0.rank ?? 0, $0.code) < ($1.rank ?? 0, $1.code) }
        let bars = ranked.map { u in
            ChartBar(
                label: "\(u.rank ?? 0). \(u.name)", value: u.result.ikm, valueText: Words.ikm(u.result.ikm),
                color: Palette.color(of: u.result.band, in: q.bands))
        }
        let legend = q.bands.bands.reversed().map {
            ChartLegendItem(color: Palette.color(of: $0, in: q.bands), label: "\($0.mutu) \($0.kinerja)")
        }
        let chart = SVGCharts.horizontalBars(
            bars, title: "Peringkat IKM unit tahun \(d.year)", axis: 25...100, tickStep: 25,
            thresholds: SVGCharts.thresholds(q.bands), legend: legend, emptyText: "Belum ada unit dengan responden")
        return Chapter(
            id: "bab-2", title: "BAB II HASIL PER UNIT",
            blocks: [
                .table(table),
                .figure(Figure(id: "peringkat", caption: n.figure("Peringkat IKM unit (tertinggi di atas)"), svg: chart)),
            ])
    }

    static func matrix(_ d: RekapData, _ n: inout Numbering) -> Chapter {
        n.start("III")
        let q = d.questionnaire
        let heat = HeatMap.render(
            rows: d.units.map { (label: $0.code, values: $0.result.unsur.map(\.nrr)) }, columns: q.unsur.map(\.code),
            bands: q.bands, factor: q.conversionFactor, title: "Matriks NRR unit × unsur tahun \(d.year)")
        let table = ReportTable(
            id: "matriks-unsur", caption: n.table("NRR per unit dan unsur"),
            columns: [("Kode", .left)] + q.unsur.map { ($0.code, .right) } + [("Terlemah", .left)],
            rows: d.units.map { u in
                [.text(u.code)] + u.result.unsur.map { number($0.nrr, 2) }
                    + [u.weakestUnsur.map { .text(q.unsur[$0].code) } ?? .missing]
            },
            footer: [[.text("REKAP")] + d.consolidated.unsur.map { number($0.nrr, 2) } + [.missing]],
            notes: [q.unsur.map { .text("\($0.code) \($0.name). ") }.reduce(into: []) { $0.append($1) }])
        return Chapter(
            id: "bab-3", title: "BAB III MATRIKS UNSUR",
            blocks: [
                .paragraph([
                    .text(
                        "Warna sel menunjukkan mutu nilai unsur (NRR × 25) menurut tabel mutu kuesioner; sel putih berarti belum ada jawaban."
                    )
                ]),
                .figure(Figure(id: "peta-unsur", caption: n.figure("Peta warna NRR unit × unsur"), svg: heat)),
                .table(table),
            ])
    }

    static func coverage(_ d: RekapData, _ n: inout Numbering) -> Chapter {
        n.start("IV")
        let table = ReportTable(
            id: "cakupan", caption: n.table("Cakupan dan kecukupan sampel (Krejcie–Morgan)"),
            columns: [
                ("Kode", .left), ("Unit", .left), ("Responden", .right), ("Populasi", .right), ("Sampel minimal", .right),
                ("Status", .left),
            ],
            rows: d.units.map { u in
                [
                    .text(u.code), .text(u.name), .integer(u.result.respondents),
                    u.sample.map { .integer($0.population) } ?? .missing,
                    u.sample.map { .integer($0.minimum) } ?? .missing, .text(u.coverageLabel),
                ]
            })
        let gaps = d.units.filter(\.isCoverageGap)
        let summary: Block =
            gaps.isEmpty
            ? .paragraph([.text("Semua unit memiliki data tahun \(d.year); tidak ada unit dengan sampel kurang dari minimal.")])
            : .notice(
                [.strong("Perlu tindak lanjut: ")]
                    + [.text(Words.list(gaps.map { "\($0.name) (\($0.code), \($0.coverageLabel))" }) + ".")])
        return Chapter(id: "bab-4", title: "BAB IV CAKUPAN", blocks: [summary, .table(table)])
    }

    static func trend(_ d: RekapData, _ n: inout Numbering) -> Chapter {
        n.start("V")
        let withTrend = d.units.filter { !$0.trend.isEmpty }
        guard !d.earlierYears.isEmpty, !withTrend.isEmpty else {
            return Chapter(
                id: "bab-5", title: "BAB V TREN",
                blocks: [.paragraph([.text("Belum ada data tahun-tahun sebelumnya untuk unit-unit ini.")])])
        }
        let years = d.earlierYears + [d.year]
        let table = ReportTable(
            id: "tren", caption: n.table("IKM unit per tahun"),
            columns: [("Kode", .left), ("Unit", .left)] + years.map { (String($0), .right) },
            rows: d.units.map { u in
                [.text(u.code), .text(u.name)]
                    + years.map { year in
                        year == d.year
                            ? number(u.result.ikm, 2)
                            : u.trend.first { $0.year == year }.map { number($0.ikm, 2) } ?? .missing
                    }
            })
        return Chapter(id: "bab-5", title: "BAB V TREN", blocks: [.table(table)])
    }

    static func number(_ value: Double?, _ decimals: Int) -> Cell {
        guard let value, value.isFinite else { return .missing }
        return .number(value, decimals: decimals)
    }
}
