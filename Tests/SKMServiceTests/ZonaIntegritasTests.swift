import Foundation
import SKMCore
import SKMJSON
import SKMService
import SKMTestSupport
import Testing

/// `skm zi` / `zi.summary`: IPKP and IPAK scored separately per quarter, semester and year, with the
/// LKE value from the questionnaire's band table; and `--by semester` for any IKM.
@Suite struct ZonaIntegritasTests {
    func draft(_ f: ServiceFixture, _ questionnaire: String, _ answers: String, date: String) -> ResponseDraft {
        var d = f.draft(answers, date: date)
        d.questionnaire = questionnaire
        return d
    }

    /// IPKP: all 4 in February, all 3 in May. IPAK: 4,4,4,4,3 in August, all 2 in November.
    /// SKM: one response in March that must not reach either survey.
    func sample(_ f: ServiceFixture) throws {
        _ = try f.service.submitMany([
            draft(f, "ipkp-90-2021", "444444444", date: "2025-02-01"),
            draft(f, "ipkp-90-2021", "333333333", date: "2025-05-01"),
            draft(f, "ipak-90-2021", "44443", date: "2025-08-01"),
            draft(f, "ipak-90-2021", "22222", date: "2025-11-01"),
            f.draft("111111111", date: "2025-03-01"),
        ])
    }

    @Test func perQuarterSemesterAndYearByHand() throws {
        let f = try ServiceFixture()
        try sample(f)
        let summary = try f.service.zonaIntegritas(year: 2025)
        #expect(summary.surveys.map(\.name) == ["ipkp", "ipak"])
        let ipkp = summary.surveys[0]
        let ipak = summary.surveys[1]
        #expect(ipkp.periods.map(\.key) == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2025-S1", "2025-S2", "2025"])
        // IPKP: Q1 100 (A, LKE 1), Q2 75 (C, 0,33), S1 and year (4 + 3) / 2 × 25 = 87,50 (B, 0,67).
        #expect(ipkp.periods.map(\.result.ikmDisplayed) == [100, 75, nil, nil, 87.5, nil, 87.5])
        #expect(ipkp.periods.map { $0.result.band?.lke } == [1, 0.33, nil, nil, 0.67, nil, 0.67])
        #expect(ipkp.year.result.respondents == 2)
        // IPAK: Q3 19 / 5 × 25 = 95 (A, 1), Q4 50 (D, 0), S2 and year: NRR 3, 3, 3, 3, 2,5 → 2,9 × 25 = 72,50 (C, 0,33).
        #expect(ipak.periods.map(\.result.ikmDisplayed) == [nil, nil, 95, 50, nil, 72.5, 72.5])
        #expect(ipak.periods.map { $0.result.band?.mutu } == [nil, nil, "A", "D", nil, "C", "C"])
        #expect(ipak.periods.map { $0.result.band?.lke } == [nil, nil, 1, 0, nil, 0.33, 0.33])

        let json = ZIJSON.summary(summary)
        let s2 = json["surveys"]?.arrayValue?[1]["periods"]?.arrayValue?[5]
        #expect(s2?["kind"] == "semester")
        #expect(s2?["lke"] == 0.33)
        #expect(s2?["mutu"] == "C")
        #expect(json["surveys"]?.arrayValue?[0]["wording"] == "reconstructed")
        let csv = ZIJSON.csv(summary, separator: ";")
        #expect(csv.contains("ipak;2025-S2;Semester II;2;2,9;72,5;72,5;C;Kurang Baik;0,33"))
    }

    @Test func theHTMLPageIsANewFileReplacedOnlyWhenAsked() throws {
        let f = try ServiceFixture()
        try sample(f)
        let summary = try f.service.zonaIntegritas(year: 2025)
        let path = f.directory + "/zi.html"
        try f.service.writeZonaIntegritasPage(summary, to: path, replacing: false)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("<table id=\"tabel-zi-ipak\""))
        #expect(html.contains("<td class=\"r\">72,50</td>"))
        #expect(html.contains("disusun ulang"))
        #expect(skmError { try f.service.writeZonaIntegritasPage(summary, to: path, replacing: false) }?.code == .fileError)
        try f.service.writeZonaIntegritasPage(summary, to: path, replacing: true)
    }

    @Test func aMissingYearOrUnknownQuestionnaireIsRefused() throws {
        let f = try ServiceFixture()
        try sample(f)
        #expect(skmError { _ = try f.service.zonaIntegritas(year: 2025, ipak: "tidak-ada") }?.code == .unknownQuestionnaire)
        #expect(skmError { _ = try f.service.zonaIntegritas(year: 2025, units: ["NONE"]) }?.code == .unknownUnit)
        // An SKM form is not a ZI survey, and one survey cannot be both (found by the walkthrough:
        // both were reported, the SKM data as IPAK without an LKE value).
        let notZI = skmError { _ = try f.service.zonaIntegritas(year: 2025, ipak: "permenpanrb-14-2017") }
        #expect(notZI?.code == .invalidFilter && notZI?.field == "ipak")
        let twice = skmError { _ = try f.service.zonaIntegritas(year: 2025, ipak: "ipkp-90-2021") }
        #expect(twice?.code == .invalidFilter && twice?.field == "ipak")
    }

    @Test func semesterBreakdownMergesMonthsInOrder() throws {
        let f = try ServiceFixture()
        _ = try f.service.submitMany([
            f.draft("444444444", date: "2025-01-15"), f.draft("333333333", date: "2025-06-30"),
            f.draft("222222222", date: "2025-07-01"), f.draft("111111111", date: "2024-12-31"),
        ])
        let report = try f.service.computeIKM(IKMRequest(breakdowns: try Breakdown.parse(["semester"])))
        let groups = report.breakdowns.first?.groups ?? []
        #expect(groups.map(\.key) == ["2024-S2", "2025-S1", "2025-S2"])
        #expect(groups.map(\.label) == ["Semester II 2024", "Semester I 2025", "Semester II 2025"])
        #expect(groups.map(\.result.ikmDisplayed) == [25, 87.5, 50])
        #expect(groups.map(\.result.respondents) == [1, 2, 1])
        #expect(try Breakdown.parse(["Semester", "quarter"]) == [.semester, .quarter])
    }
}
