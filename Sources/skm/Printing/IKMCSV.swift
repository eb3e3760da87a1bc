import SKMCore
import SKMJSON
import SKMService

/// `skm ikm --csv`: the per-unsur table (with the result as a last row), or the breakdown table.
///
/// With several breakdowns (`--by service,quarter`) the groups of all of them form one table, in
/// the order asked, with a first column `rincian` naming each row's breakdown (`layanan`,
/// `triwulan`…): one rectangular table a spreadsheet can filter or pivot. With one breakdown the
/// table has no such column, as before. Column headers are Indonesian words (the JSON output keeps
/// its English keys).
enum IKMCSV {
    static func text(_ report: IKMReport, separator: Character) -> String {
        let csv = CSVWriter(separator: separator)
        let number: (Double?) -> CSVCell = { CSVCell.decimal($0) }
        var out = csv.byteOrderMark
        if !report.breakdowns.isEmpty {
            let named = report.breakdowns.count > 1
            let header = [
                "kunci", "label", "responden", "indeks", "ikm", "ikm_tampil", "mutu", "kinerja", "ki95_bawah", "ki95_atas",
            ]
            out += csv.line(((named ? ["rincian"] : []) + header).map { .text($0) })
            for (breakdown, groups) in report.breakdowns {
                for g in groups {
                    let r = g.result
                    let cells: [CSVCell] = [
                        .text(g.key), .text(g.label), .number(String(r.respondents)), number(r.indeks), number(r.ikm),
                        number(r.ikmDisplayed), .optionalText(r.band?.mutu), .optionalText(r.band?.kinerja), number(r.ci95?.low),
                        number(r.ci95?.high),
                    ]
                    out += csv.line((named ? [.text(breakdown.indonesianName)] : []) + cells)
                }
            }
            return out
        }
        let r = report.result
        out += csv.line(["kode", "nama", "menjawab", "jumlah", "nrr", "bobot", "tertimbang", "ikm", "mutu"].map { .text($0) })
        for u in r.unsur {
            out += csv.line([
                .text(u.code), .text(u.name), .number(String(u.answered)), .number(String(u.sum)), number(u.nrr),
                number(u.weight), number(u.weighted), number(u.converted), .optionalText(u.band?.mutu),
            ])
        }
        out += csv.line([
            .text("IKM"), .text("\(r.respondents) responden; bobot \(r.appliedWeightLabel)"), .number(""), .number(""),
            .number(""), .number(""), number(r.indeks), number(r.ikm), .optionalText(r.band?.mutu),
        ])
        return out
    }
}
