import SKMCore
import SKMService

/// The results screen for a public monitor (`/layar`): today's and the year's IKM of each
/// service with its mutu, in large type, reloading itself every `refreshSeconds`.
struct LayarPage {
    let board: ResultsBoard
    let officeName: String?
    let refreshSeconds: Int

    var html: String {
        let style = """
            body{max-width:none;font-size:28px}h1{font-size:2.4rem}table{width:100%;border-collapse:collapse}\
            th,td{padding:.5rem;border-bottom:2px solid #ccc;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
            """
        var body = "<h1>Indeks Kepuasan Masyarakat</h1>\n"
        if let officeName { body += "<p>\(HTML.escape(officeName))</p>\n" }
        body += """
            <p>Hari ini \(HTML.escape(board.date.iso)) · tahun \(board.date.year)</p>
            <table><thead><tr><th>Layanan</th><th>Hari ini</th><th>Mutu</th><th>Tahun ini</th><th>Mutu</th>\
            <th>Responden (tahun)</th></tr></thead><tbody>

            """
        for line in board.lines {
            body += """
                <tr><td>\(HTML.escape(line.service.name))<br><small>\(HTML.escape(line.service.unitCode))</small></td>\
                \(cells(line.today))\(cells(line.year))<td class="n">\(line.year.respondents)</td></tr>

                """
        }
        body += "</tbody></table>\n<p class=\"note\">Diperbarui otomatis setiap \(refreshSeconds) detik.</p>\n"
        return HTML.page(title: "Hasil Survei Kepuasan Masyarakat", body: body, refreshSeconds: refreshSeconds, extraStyle: style)
    }

    /// The IKM shown (two decimals, Indonesian comma) and its mutu; dashes without an IKM.
    static func ikmText(_ result: IKMResult) -> String {
        result.ikmDisplayed.map { IndonesianNumber.format($0) } ?? "–"
    }

    private func cells(_ result: IKMResult) -> String {
        "<td class=\"n\">\(HTML.escape(Self.ikmText(result)))</td><td>\(HTML.escape(result.band?.mutu ?? "–"))</td>"
    }
}
