import SKMCore
import SKMService

/// `skm rekap` for people: the method, the consolidated IKM, the units with their IKM and
/// weakest unsur, the NRR matrix, the ranking and the coverage list.
enum RekapPrinter {
    static func text(_ rekap: RekapReport) -> String {
        let q = rekap.questionnaire
        let c = rekap.consolidated
        var lines: [String] = []
        let scope = rekap.parent.map { "unit di bawah \($0.code) — \($0.name)" } ?? "unit puncak"
        lines.append("Rekap IKM tahun \(rekap.year) — \(scope)")
        lines.append("Kuesioner: \(q.id)   Unit: \(rekap.units.count)   Responden: \(IndonesianNumber.format(c.respondents))")
        lines.append("Metode: \(rekap.method.indonesianName). \(rekap.method.indonesianExplanation)")
        lines.append(
            "IKM gabungan (\(rekap.method.rawValue)): \(display(c.ikm))  mutu \(c.band?.mutu ?? "–") (\(c.band?.kinerja ?? "tanpa data"))"
        )
        for other in rekap.byMethod where other.method != rekap.method {
            lines.append("  Pembanding, metode \(other.method.rawValue): \(display(other.result.ikm)) (tidak dipakai di atas)")
        }
        lines.append("")
        var table = TextTable(
            ["Kode", "Nama", "Unit", "Responden", "IKM", "Mutu", "Peringkat", "Unsur terlemah", "Sampel"],
            alignments: [.left, .left, .right, .right, .right, .left, .right, .left, .left])
        for row in rekap.units {
            let r = row.result
            table.add([
                row.unit.code, row.ownDataOnly ? "\(row.unit.name) (induk sendiri)" : row.unit.name,
                IndonesianNumber.format(row.unitCount), IndonesianNumber.format(r.respondents), display(r.ikm),
                r.band?.mutu ?? "–", row.rank.map(String.init) ?? "–",
                row.weakestUnsur.map { "\(q.unsur[$0].code) \(q.unsur[$0].name)" } ?? "–", sample(row),
            ])
        }
        lines.append(table.rendered)
        lines.append("Matriks NRR (unit × unsur):")
        var matrix = TextTable(
            ["Kode"] + q.unsur.map(\.code), alignments: [.left] + q.unsur.map { _ in TextTable.Alignment.right })
        for row in rekap.units {
            matrix.add([row.unit.code] + row.result.unsur.map { $0.nrr.map { IndonesianNumber.format($0, decimals: 2) } ?? "–" })
        }
        lines.append(matrix.rendered)
        lines.append(
            "Peringkat: "
                + rekap.ranking.map { "\($0.rank ?? 0). \($0.unit.code) \(display($0.result.ikm))" }.joined(separator: ", "))
        let gaps = rekap.coverageGaps
        lines.append(
            gaps.isEmpty
                ? "Cakupan: semua unit punya data dengan sampel cukup atau populasi belum dicatat."
                : "Cakupan kurang: " + gaps.map { "\($0.unit.code) (\($0.coverage.indonesianLabel))" }.joined(separator: ", "))
        return lines.joined(separator: "\n") + "\n"
    }

    static func display(_ ikm: Double?) -> String { ikm.map { IndonesianNumber.format($0) } ?? "–" }

    static func sample(_ row: RekapUnit) -> String {
        guard let s = row.sample else { return row.coverage.indonesianLabel }
        return "\(row.coverage.indonesianLabel) (\(IndonesianNumber.format(s.respondents))/\(IndonesianNumber.format(s.minimum)))"
    }
}
