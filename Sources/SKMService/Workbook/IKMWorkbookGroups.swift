import SKMCore
import SKMOffice

/// Writes sheets "Per Layanan" and "Per Triwulan": one row per group, its respondents, per-unsur
/// NRR, indeks, IKM and mutu as COUNTIFS/SUMIFS formulas over sheet "Data", then skm's values.
struct IKMWorkbookGroups {
    let book: XlsxWriter
    let report: IKMReport
    let data: IKMDataSheet
    let olah: IKMOlahDataCells

    static let servicesSheet = "Per Layanan"
    static let quartersSheet = "Per Triwulan"
    static let weightRow = 3
    static let headerRow = 4
    static let firstGroupRow = 5

    /// 0-based column of the IKM formula, after the key columns, respondents, NRR per unsur and indeks.
    static func ikmColumn(unsurCount: Int, keyColumns: Int) -> Int { keyColumns + 1 + unsurCount + 1 }

    /// One row per service: unit and service codes are the criteria.
    func writeServices(_ groups: [GroupResult]) throws {
        let rows = groups.map { g -> (cells: [XlsxCell], result: IKMResult) in
            switch g.group {
            case .service(let unit, let code):
                return ([.text(unit), .text(code), .text(g.label)], g.result)
            default:
                return ([.text(g.key), .text(g.key), .text(g.label)], g.result)
            }
        }
        try write(
            name: Self.servicesSheet, title: "IKM per layanan", keyHeaders: ["Unit", "Layanan", "Nama"], rows: rows,
            criteria: { r in
                [
                    (data.range(IKMDataSheet.unitColumn), "$A\(r)"),
                    (data.range(IKMDataSheet.serviceColumn), "$B\(r)"),
                ]
            })
    }

    /// One row per quarter: the first and last day are the criteria on the date column.
    func writeQuarters(_ groups: [GroupResult]) throws {
        let rows = groups.compactMap { g -> (cells: [XlsxCell], result: IKMResult)? in
            guard case .quarter(let q) = g.group else { return nil }
            let firstMonth = (q.quarter - 1) * 3 + 1
            let lastMonth = firstMonth + 2
            let first = XlsxDate.serial(year: q.year, month: firstMonth, day: 1)
            let last = XlsxDate.serial(year: q.year, month: lastMonth, day: CivilDate.daysIn(month: lastMonth, year: q.year))
            return ([.text(g.label), .integer(first, style: .date), .integer(last, style: .date)], g.result)
        }
        try write(
            name: Self.quartersSheet, title: "IKM per triwulan", keyHeaders: ["Triwulan", "Dari", "Sampai"], rows: rows,
            criteria: { r in
                [
                    (data.range(IKMDataSheet.dateColumn), "\">=\"&$B\(r)"),
                    (data.range(IKMDataSheet.dateColumn), "\"<=\"&$C\(r)"),
                ]
            })
    }

    private func write(
        name: String, title: String, keyHeaders: [String], rows: [(cells: [XlsxCell], result: IKMResult)],
        criteria: (Int) -> [(range: String, criterion: String)]
    ) throws {
        let q = report.questionnaire
        let n = q.unsur.count
        let k = keyHeaders.count
        let nrrColumn = k + 1
        let indeksColumn = nrrColumn + n
        let ikmColumn = Self.ikmColumn(unsurCount: n, keyColumns: k)
        let widths: [Double?] = [18, 12, 30, 11] + Array(repeating: 9, count: n) + [10, 10, 11, 7]
        try book.beginSheet(XlsxSheetLayout(name: name, columnWidths: widths, frozenRows: Self.headerRow))
        try book.appendRow([
            .text("\(title) — rumus COUNTIFS/SUMIFS atas lembar Data; kolom \"skm\" berisi nilai yang dihitung skm", style: .bold)
        ])
        try book.appendRow([.text("Bobot tiap unsur dibaca dari lembar Olah Data. Jawaban kosong tidak dihitung.")])
        var weightRow: [XlsxCell] = Array(repeating: .empty, count: nrrColumn)
        weightRow[0] = .text("Bobot", style: .bold)
        for i in 0..<n {
            let u = report.result.unsur.count > i ? report.result.unsur[i].weight : q.weights[i]
            weightRow.append(.formula(olah.weight(i), cached: .number(u), style: .decimal4))
        }
        try book.appendRow(weightRow)
        var header = keyHeaders + ["Responden"] + q.unsur.map { "NRR \($0.code)" } + ["Indeks", "IKM", "IKM (tampil)", "Mutu"]
        header += ["Responden (skm)"] + q.unsur.map { "NRR \($0.code) (skm)" } + ["Indeks (skm)", "IKM (skm)", "Mutu (skm)"]
        try book.appendRow(header.map { .text($0, style: .bold) })
        let firstNRR = XlsxReference.column(nrrColumn)
        let lastNRR = XlsxReference.column(nrrColumn + n - 1)
        let weights = "$\(firstNRR)$\(Self.weightRow):$\(lastNRR)$\(Self.weightRow)"
        for row in rows {
            let r = book.nextRow
            let result = row.result
            let conditions = criteria(r).map { "\($0.range),\($0.criterion)" }.joined(separator: ",")
            var cells = row.cells
            cells.append(.formula("COUNTIFS(\(conditions))", cached: .number(Double(result.respondents))))
            for i in 0..<n {
                let u = result.unsur.count > i ? result.unsur[i] : nil
                let answers = data.answers(i)
                cells.append(
                    .formula(
                        "SUMIFS(\(answers),\(conditions))/COUNTIFS(\(answers),\">0\",\(conditions))",
                        cached: .number(u?.nrr, orError: "#DIV/0!"), style: .decimal4))
            }
            let nrrs = "\(firstNRR)\(r):\(lastNRR)\(r)"
            cells.append(
                .formula("SUMPRODUCT(\(nrrs),\(weights))", cached: .number(result.indeks, orError: "#DIV/0!"), style: .decimal4))
            let indeks = XlsxReference.cell(column: indeksColumn, row: r)
            let factor = IKMWorkbookNumbers.text(q.conversionFactor)
            cells.append(.formula("\(indeks)*\(factor)", cached: .number(result.ikm, orError: "#DIV/0!"), style: .decimal4))
            let ikm = XlsxReference.cell(column: ikmColumn, row: r)
            cells.append(
                .formula("ROUND(\(ikm),2)", cached: .number(result.ikmDisplayed, orError: "#DIV/0!"), style: .boldDecimal2))
            let shown = XlsxReference.cell(column: ikmColumn + 1, row: r)
            cells.append(
                .formula(
                    olah.bandFormula(shown, labelColumn: 1, sheetPrefix: true),
                    cached: IKMWorkbookOlahData.cached(result.band?.mutu)))
            cells.append(.integer(result.respondents))
            for i in 0..<n { cells.append(.number(result.unsur.count > i ? result.unsur[i].nrr : nil, style: .decimal4)) }
            cells += [.number(result.indeks, style: .decimal4), .number(result.ikm, style: .decimal4), .text(result.band?.mutu)]
            try book.appendRow(cells)
        }
        try book.endSheet()
    }
}
