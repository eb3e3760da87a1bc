import Foundation
import SKMCore
import SKMJSON
import SKMReport
import SKMService
import Testing

/// The printed report is ready to sign: questionnaire titles instead of ids, the NIP in its usual
/// groups, chart numbers above the mutu lines and a legend for the bar colours. (Page numbers
/// and the contents page are checked on a real print in `ReportPDFTests`.)
@Suite struct ReportPrintTests {
    @Test func theTrendNamesQuestionnairesByTitleAndTheNIPIsGrouped() throws {
        let f = try ReportFixture()
        try f.typicalYear(2024)
        try f.typicalYear(2025)
        let profile: JSONValue = ["office": ["name": "Kantor Uji", "head": "Budi", "nip": "198001012005011001"]]
        let html = try f.html(ReportRequest(year: 2025, profile: .json(profile)))
        let rows = ReadBack.htmlRows(html, table: "ikm-tahunan")
        #expect(rows.count == 2, "\(rows)")
        for row in rows {
            #expect(row.count > 1 && row[1].contains("Survei Kepuasan Masyarakat") && row[1] != "permenpanrb-14-2017", "\(row)")
        }
        #expect(html.contains("NIP. 19800101 200501 1 001"))
        let markdown = try f.markdown(ReportRequest(year: 2025, profile: .json(["office": ["nip": "19800101 2005 01 1 001"]])))
        #expect(markdown.contains("NIP. 19800101 200501 1 001"))
        let other = try f.markdown(ReportRequest(year: 2025, profile: .json(["office": ["nip": "12345"]])))
        #expect(other.contains("NIP. 12345"), "a number that is not an 18-digit NIP is printed as written")
    }

    @Test func chartNumbersAreDrawnOverTheMutuLinesWithALegend() throws {
        let f = try ReportFixture()
        try f.typicalYear(2025)
        let html = try f.html(ReportRequest(year: 2025))
        let start = try #require(html.range(of: "<figure id=\"grafik-nrr-unsur\">"))
        let end = try #require(html.range(of: "</figure>", range: start.upperBound..<html.endIndex))
        let svg = String(html[start.upperBound..<end.lowerBound])
        let lastLine = try #require(svg.range(of: "stroke-dasharray", options: .backwards))
        let firstValue = try #require(svg.range(of: "paint-order=\"stroke\""))
        #expect(lastLine.upperBound < firstValue.lowerBound, "a mutu line drawn over a value label")
        for label in ["A Sangat Baik", "B Baik", "C Kurang Baik", "D Tidak Baik"] {
            #expect(svg.contains(">\(label)</text>"), "legend lacks \(label)")
        }
    }
}
