import SKMCore
import SKMOffice

/// Where sheet "Olah Data" keeps what other sheets' formulas read.
struct IKMOlahDataCells {
    static let name = "Olah Data"
    /// Rows of the per-unsur table (1-based), in unsur order.
    let unsurRows: [Int]
    /// 0-based column of the bobot in the per-unsur table.
    let weightColumn: Int
    /// The band table: rows, highest band first; column of the threshold and of mutu and kinerja.
    let bandRows: [Int]

    /// `'Olah Data'!$G$6`: the bobot of unsur `i`.
    func weight(_ i: Int) -> String {
        XlsxReference.sheet(Self.name) + "!" + XlsxReference.cell(column: weightColumn, row: unsurRows[i], absolute: true)
    }

    /// A nested IF reading `value` (a displayed IKM) against the band table: the mutu letter
    /// (`labelColumn` 1) or the kinerja (2). Values below the lowest threshold get the lowest band, as in skm.
    func bandFormula(_ value: String, labelColumn: Int, sheetPrefix: Bool) -> String {
        let prefix = sheetPrefix ? XlsxReference.sheet(Self.name) + "!" : ""
        guard let lowest = bandRows.last else { return "\"\"" }
        var formula = prefix + XlsxReference.cell(column: labelColumn, row: lowest, absolute: true)
        for row in bandRows.dropLast().reversed() {
            let threshold = prefix + XlsxReference.cell(column: 0, row: row, absolute: true)
            let label = prefix + XlsxReference.cell(column: labelColumn, row: row, absolute: true)
            formula = "IF(\(value)>=\(threshold),\(label),\(formula))"
        }
        return formula
    }
}

/// Writes sheet "Olah Data": the IKM of the whole selection as formulas over sheet "Data", each
/// beside skm's own value, then the band table the mutu formulas read.
struct IKMWorkbookOlahData {
    let book: XlsxWriter
    let report: IKMReport
    let data: IKMDataSheet
    let mean: IKMResult?

    static let headerRow = 5

    func write() throws -> IKMOlahDataCells {
        let q = report.questionnaire
        let result = report.result
        let n = q.unsur.count
        try book.beginSheet(
            XlsxSheetLayout(
                name: IKMOlahDataCells.name, columnWidths: [26, 34, 12, 12, 12, 12, 12, 14, 16, 16, 14, 18],
                frozenRows: Self.headerRow))
        try book.appendRow([.text("Olah Data IKM — \(q.title)", style: .title)])
        try book.appendRow([.text("Data: \(report.filter.indonesianDescription); kuesioner \(q.id) (\(q.regulation)).")])
        try book.appendRow([
            .text(
                "Rumus di lembar ini membaca lembar Data (jawaban kosong tidak dihitung). Kolom \"skm\" berisi nilai yang dihitung skm, untuk dibandingkan."
            )
        ])
        try book.appendRow([.text("Bobot: \(result.appliedWeightingDescription).")])
        let header = [
            "Kode", "Unsur", "Menjawab", "Jumlah nilai", "NRR", "Bobot", "NRR × bobot", "Menjawab (skm)", "Jumlah (skm)",
            "NRR (skm)", "NRR × bobot (skm)",
        ]
        try book.appendRow(header.map { .text($0, style: .bold) })
        let firstUnsurRow = book.nextRow
        let unsurRows = Array(firstUnsurRow..<(firstUnsurRow + n))
        let weightColumn = 5
        let equalExact = result.weighting == .exact && q.unsur.allSatisfy { $0.weight == nil }
        for (i, unsur) in q.unsur.enumerated() {
            let r = unsurRows[i]
            let u = i < result.unsur.count ? result.unsur[i] : nil
            let answers = data.answers(i)
            let weight: XlsxCell =
                equalExact
                ? .formula("1/\(n)", cached: .number(u?.weight ?? 1 / Double(n)), style: .decimal4)
                : .number(u?.weight ?? q.weights[i], style: .decimal4)
            try book.appendRow([
                .text(unsur.code), .text(unsur.name),
                .formula("COUNT(\(answers))", cached: .number(Double(u?.answered ?? 0))),
                .formula("SUM(\(answers))", cached: .number(Double(u?.sum ?? 0))),
                .formula("D\(r)/C\(r)", cached: .number(u?.nrr, orError: "#DIV/0!"), style: .decimal4),
                weight,
                .formula("E\(r)*F\(r)", cached: .number(u?.weighted, orError: "#DIV/0!"), style: .decimal4),
                .integer(u?.answered ?? 0), .integer(u?.sum ?? 0), .number(u?.nrr, style: .decimal4),
                .number(u?.weighted, style: .decimal4),
            ])
        }
        book.skipRows(1)
        try book.appendRow(["Hasil", "Rumus", "Nilai skm", "Keterangan"].map { .text($0, style: .bold) })
        let respondentsRow = book.nextRow
        let indeksRow = respondentsRow + 1
        let ikmRow = respondentsRow + 2
        let shownRow = respondentsRow + 3
        let mutuRow = respondentsRow + 4
        let kinerjaRow = respondentsRow + 5
        let bandTitleRow = kinerjaRow + (mean == nil ? 2 : 6)
        let bandRows = Array((bandTitleRow + 2)..<(bandTitleRow + 2 + q.bands.bands.count))
        let cells = IKMOlahDataCells(unsurRows: unsurRows, weightColumn: weightColumn, bandRows: bandRows)
        let factor = IKMWorkbookNumbers.text(q.conversionFactor)
        let weightedRange = "G\(firstUnsurRow):G\(firstUnsurRow + n - 1)"
        try book.appendRow([
            .text("Responden"),
            .formula("COUNT(\(data.range(IKMDataSheet.idColumn)))", cached: .number(Double(result.respondents))),
            .integer(result.respondents), .text("baris pada lembar Data"),
        ])
        try book.appendRow([
            .text("Indeks"),
            .formula("SUM(\(weightedRange))", cached: .number(result.indeks, orError: "#DIV/0!"), style: .decimal4),
            .number(result.indeks, style: .decimal4), .text("Σ NRR × bobot"),
        ])
        try book.appendRow([
            .text("IKM"), .formula("B\(indeksRow)*\(factor)", cached: .number(result.ikm, orError: "#DIV/0!"), style: .decimal4),
            .number(result.ikm, style: .decimal4), .text("indeks × \(IndonesianNumber.format(q.conversionFactor, decimals: 0))"),
        ])
        try book.appendRow([
            .text("IKM (tampil)"),
            .formula("ROUND(B\(ikmRow),2)", cached: .number(result.ikmDisplayed, orError: "#DIV/0!"), style: .boldDecimal2),
            .number(result.ikmDisplayed, style: .boldDecimal2), .text("2 desimal, pembulatan setengah menjauhi nol"),
        ])
        try book.appendRow([
            .text("Mutu"),
            .formula(
                cells.bandFormula("B\(shownRow)", labelColumn: 1, sheetPrefix: false), cached: Self.cached(result.band?.mutu)),
            .text(result.band?.mutu), .text("dibaca dari IKM yang ditampilkan"),
        ])
        try book.appendRow([
            .text("Kinerja"),
            .formula(
                cells.bandFormula("B\(shownRow)", labelColumn: 2, sheetPrefix: false), cached: Self.cached(result.band?.kinerja)),
            .text(result.band?.kinerja),
        ])
        book.defineName("IKM_Responden", refersTo: Self.absolute(1, respondentsRow))
        book.defineName("IKM_Indeks", refersTo: Self.absolute(1, indeksRow))
        book.defineName("IKM_Nilai", refersTo: Self.absolute(1, ikmRow))
        book.defineName("IKM_Tampil", refersTo: Self.absolute(1, shownRow))
        book.defineName("IKM_Mutu", refersTo: Self.absolute(1, mutuRow))
        if let mean {
            try writeMean(mean, cells: cells)
        }
        book.skipRows(1)
        // The mutu formulas above point at these rows: they must be where they were promised.
        guard book.nextRow == bandTitleRow else { throw OfficeError.writerMisuse("band table at row \(book.nextRow)") }
        try book.appendRow([.text("Tabel mutu: batas bawah IKM yang ditampilkan (\(q.id))", style: .bold)])
        try book.appendRow(["Batas bawah", "Mutu", "Kinerja"].map { .text($0, style: .bold) })
        for band in q.bands.bands.reversed() {
            try book.appendRow([.number(band.minimum, style: .decimal2), .text(band.mutu), .text(band.kinerja)])
        }
        try book.endSheet()
        return cells
    }

    /// The unweighted mean of the services' IKM (`--aggregation mean-of-services`), over sheet "Per Layanan".
    func writeMean(_ mean: IKMResult, cells: IKMOlahDataCells) throws {
        book.skipRows(1)
        let row = book.nextRow
        let column = IKMWorkbookGroups.ikmColumn(unsurCount: report.questionnaire.unsur.count, keyColumns: 3)
        let services = report.breakdowns.first { $0.breakdown == .service }?.groups.count ?? 0
        let first = IKMWorkbookGroups.firstGroupRow
        let range =
            XlsxReference.sheet(IKMWorkbookGroups.servicesSheet) + "!"
            + XlsxReference.cell(column: column, row: first, absolute: true)
            + ":" + XlsxReference.cell(column: column, row: max(first + services - 1, first), absolute: true)
        try book.appendRow([
            .text("IKM rata-rata layanan"),
            .formula("_xlfn.AGGREGATE(1,6,\(range))", cached: .number(mean.ikm, orError: "#DIV/0!"), style: .decimal4),
            .number(mean.ikm, style: .decimal4), .text("rata-rata tak berbobot IKM tiap layanan; tidak diatur peraturan"),
        ])
        try book.appendRow([
            .text("IKM rata-rata (tampil)"),
            .formula("ROUND(B\(row),2)", cached: .number(mean.ikmDisplayed, orError: "#DIV/0!"), style: .boldDecimal2),
            .number(mean.ikmDisplayed, style: .boldDecimal2),
        ])
        try book.appendRow([
            .text("Mutu rata-rata"),
            .formula(cells.bandFormula("B\(row + 1)", labelColumn: 1, sheetPrefix: false), cached: Self.cached(mean.band?.mutu)),
            .text(mean.band?.mutu),
        ])
        book.defineName("IKM_RataRataLayanan", refersTo: Self.absolute(1, row))
    }

    static func cached(_ text: String?) -> XlsxCachedValue {
        text.map { .text($0) } ?? .error("#DIV/0!")
    }

    static func absolute(_ column: Int, _ row: Int) -> String {
        XlsxReference.sheet(IKMOlahDataCells.name) + "!" + XlsxReference.cell(column: column, row: row, absolute: true)
    }
}

/// Numbers written into formulas: plain decimal notation with a point, as formulas are stored.
enum IKMWorkbookNumbers {
    static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
