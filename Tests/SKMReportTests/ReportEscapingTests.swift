import Foundation
import SKMCore
import SKMJSON
import SKMReport
import SKMService
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Hostile text from respondents, service names and the office profile reaches no format raw.
@Suite struct ReportEscapingTests {
    static let script = "<script>alert(1)</script>"
    static let formula = #"=HYPERLINK("http://contoh.invalid/x","klik")"#
    static let markdownLink = "[klik](javascript:alert(1)) ![x](http://pelacak.invalid/p.png) | kolom"

    func hostileStore() throws -> ReportFixture {
        let f = try ReportFixture()
        _ = try f.service.addService(unit: "KEC", code: "JAHAT", name: "<img src=x onerror=alert(2)> & \"layanan\"")
        try f.submit("444444444", comment: Self.script)
        try f.submit("333333333", comment: Self.formula)
        try f.submit("343434343", service: "JAHAT", comment: Self.markdownLink + "\nbaris kedua")
        try f.submit("343434343", comment: "@SUM(A1:A9)")
        return f
    }

    static let hostileProfile: JSONValue = [
        "office": ["name": "Kantor <b>Uji</b> \"&\" </title><script>x()</script>", "head": "=cmd|' /C calc'!A0"],
        "rtl": [["unsur": "U3", "program": "<iframe src=//x>", "waktu": ["TW I"], "penanggungJawab": "+SUM(1)"]],
    ]

    @Test func htmlAndTheInfographicEscapeEverything() throws {
        let f = try hostileStore()
        let report = try f.service.generateReport(
            ReportRequest(year: 2025, formats: [.html, .infographic], profile: .json(Self.hostileProfile)))
        for file in report.files {
            let text = try f.read(file.path)
            #expect(!text.contains("<script"), "\(file.path)")
            #expect(!text.contains("<img src=x"), "\(file.path)")
            #expect(!text.contains("<iframe"), "\(file.path)")
            #expect(!text.contains("<b>Uji"), "\(file.path)")
            #expect(text.contains("&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;"), "\(file.path)")
        }
        let html = try f.read(report.files[0].path)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(2)&gt; &amp; &quot;layanan&quot;"))
        #expect(html.contains("&lt;iframe src=//x&gt;"))
        let comments = ReadBack.htmlRows(html, table: "saran").map { $0[1] }
        #expect(comments.contains(Self.script))
        #expect(comments.contains(Self.formula))
        let svg = try f.read(report.files[1].path)
        #expect(svg.contains("Kantor &lt;b&gt;Uji&lt;/b&gt;"))
        // The SVG is well-formed XML even with that name in it.
        #expect(XMLDocumentCheck.isWellFormed(svg))
    }

    @Test func markdownEscapesTableCellsAndMarkup() throws {
        let f = try hostileStore()
        let markdown = try f.markdown(ReportRequest(year: 2025, profile: .json(Self.hostileProfile)))
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains(#"\<script\>alert(1)\</script\>"#))
        #expect(!markdown.contains("[klik](javascript"))
        #expect(markdown.contains(#"\[klik\](javascript:alert(1)) \!\[x\](http://pelacak.invalid/p.png) \| kolom baris kedua"#))
        // Every table row still has as many cells as its header.
        let rows = ReadBack.markdownRows(markdown, caption: "Saran dan masukan")
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0.count == 5 })
        #expect(rows.contains { $0[1] == Self.markdownLink + " baris kedua" })
    }

    @Test func csvNeutralisesFormulas() throws {
        let f = try hostileStore()
        for separator: Character in [",", ";"] {
            let out = f.directory + "/csv\(separator == ";" ? "-semicolon" : "")"
            let report = try f.service.generateReport(
                ReportRequest(
                    year: 2025, formats: [.csv], outputDirectory: out, profile: .json(Self.hostileProfile), separator: separator))
            let all = try report.files.map { try f.read($0.path) }.joined(separator: "\n")
            #expect(all.contains("'=HYPERLINK("))
            #expect(all.contains("'@SUM(A1:A9)"))
            #expect(all.contains("'+SUM(1)"))
            for line in all.components(separatedBy: "\r\n") {
                for cell in line.components(separatedBy: String(separator)) {
                    let trimmed = cell.hasPrefix("\"") ? String(cell.dropFirst()) : cell
                    #expect(!(trimmed.hasPrefix("=") || trimmed.hasPrefix("+") || trimmed.hasPrefix("@")), "\(cell)")
                }
            }
            let saran = try Data(
                contentsOf: URL(fileURLWithPath: report.files.first { $0.path.hasSuffix("-saran.csv") }?.path ?? ""))
            #expect(saran.starts(with: [0xEF, 0xBB, 0xBF]))
            #expect(
                String(decoding: saran.dropFirst(3), as: UTF8.self).hasPrefix("No\(separator)Saran dan masukan\(separator)Jumlah")
            )
        }
    }
}

@Suite struct EscapeTests {
    @Test func htmlEntitiesAndForbiddenCharacters() {
        #expect(Escape.html(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(Escape.html("a\u{0}b\u{1B}c\td\ne") == "a\u{FFFD}b\u{FFFD}c\td\ne")
        #expect(Escape.html("Pelayanan baik 😀") == "Pelayanan baik 😀")
    }

    @Test func markdownSpecialsAndLineBreaks() {
        #expect(Escape.markdown("a|b") == #"a\|b"#)
        #expect(Escape.markdown("*tebal* _miring_ `kode`") == #"\*tebal\* \_miring\_ \`kode\`"#)
        #expect(Escape.markdown("baris\r\nkedua\n\nketiga") == "baris kedua ketiga")
        #expect(Escape.markdown("<b>&amp;") == #"\<b\>\&amp;"#)
        #expect(Escape.markdown("88,31 – 100,00 (A)") == "88,31 – 100,00 (A)")
    }
}

/// A minimal well-formedness check with Foundation's XML parser.
enum XMLDocumentCheck {
    static func isWellFormed(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }
}
