public import SKMCore

/// The one-page Zona Integritas summary: for IPKP and IPAK a table of the index, the value × 25,
/// mutu, kinerja and the LKE value per quarter, semester and year.
public enum ZIPage {
    /// The page as a document of one chapter, rendered by `HTMLReport.renderPage`.
    public static func document(_ summary: ZISummary) -> ReportDocument {
        var blocks: [Block] = [
            .paragraph([
                .text(
                    "\(summary.scopeDescription). Skala 1–4, nilai = indeks × 25, mutu menurut tabel SKM; nilai LKE menurut tabel mutu kuesioner. Dibuat \(summary.generatedOn.indonesian)."
                )
            ])
        ]
        for (i, survey) in summary.surveys.enumerated() {
            blocks.append(.heading(survey.questionnaire.title, id: "zi-\(survey.name)"))
            blocks.append(.table(table(survey, number: i + 1)))
        }
        let reconstructed = summary.surveys.filter { $0.questionnaire.wording == "reconstructed" }
        if !reconstructed.isEmpty {
            blocks.append(
                .notice([
                    .text(
                        "Rumusan butir \(Words.list(reconstructed.map { $0.questionnaire.id })) disusun ulang dari praktik lapangan, bukan teks peraturan."
                    )
                ]))
        }
        let chapter = Chapter(id: "zona-integritas", title: "Survei Zona Integritas Tahun \(summary.year)", blocks: blocks)
        return ReportDocument(
            title: "Survei Zona Integritas \(summary.year)",
            cover: Cover(lines: [], office: [], address: [], logo: .none, notices: [], highlights: []), chapters: [chapter])
    }

    static func table(_ survey: ZISummary.Survey, number: Int) -> ReportTable {
        let rows: [[Cell]] = survey.periods.map { g in
            let r = g.result
            return [
                .text(g.label), .integer(r.respondents), r.indeks.map { .number($0, decimals: 2) } ?? .missing,
                r.ikm.map { .number($0, decimals: 2) } ?? .missing, .text(r.band?.mutu ?? "–"),
                .text(r.band?.kinerja ?? (r.respondents == 0 ? "Belum ada responden" : "Tidak dapat dihitung")),
                r.band?.lke.map { .number($0, decimals: 2) } ?? .missing,
            ]
        }
        return ReportTable(
            id: "zi-\(survey.name)", caption: "Tabel \(number). \(survey.name.uppercased()) per triwulan, semester dan tahun",
            columns: [
                ("Periode", .left), ("Responden", .right), ("Indeks", .right), ("Nilai", .right), ("Mutu", .center),
                ("Kinerja", .left), ("Nilai LKE", .right),
            ], rows: rows)
    }
}

extension HTMLReport {
    /// A document of a single page: no cover, no table of contents (the Zona Integritas summary).
    public static func renderPage(_ document: ReportDocument) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n"
        out +=
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"skm\">\n"
        out += "<title>\(Escape.html(document.title))</title>\n<style>\n\(HTMLStyle.css)</style>\n</head>\n<body>\n"
        for chapter in document.chapters {
            out += "<section id=\"\(chapter.id)\">\n<h1>\(Escape.html(chapter.title))</h1>\n"
            for block in chapter.blocks { render(block, into: &out) }
            out += "</section>\n"
        }
        return out + "</body>\n</html>\n"
    }
}
