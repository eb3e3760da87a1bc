import Foundation
import SKMCore
import SKMReport
import SKMService
import Testing

/// An empty year, one respondent, a service without responses, an unsur nobody answered: each is
/// a marked section or a clear sentence, never a crash, NaN or an empty chart without a word.
@Suite struct ReportEdgeCaseTests {
    /// Text that would betray a number that was never there.
    static func expectNoBadNumbers(_ text: String, _ what: String) {
        let pattern = try? NSRegularExpression(pattern: #"\b(nan|inf|infinity)\b|-0,00\b"#, options: [.caseInsensitive])
        let match = pattern?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
        #expect(match == nil, "\(what) contains \(match.flatMap { Range($0.range, in: text).map { String(text[$0]) } } ?? "")")
    }

    func everyFormat(_ data: ReportData) -> [(String, String)] {
        let document = ReportContent.document(data)
        let csv = CSVTables.tables(document, prefix: "t").flatMap { $0.rows.flatMap { $0 } }.map { "\($0)" }.joined(
            separator: "\n")
        return [
            ("HTML", HTMLReport.render(document)), ("Markdown", MarkdownReport.render(document)),
            ("SVG", Infographic.render(data)), ("CSV", csv),
        ]
    }

    @Test func aYearWithoutResponsesIsAMarkedSkeleton() throws {
        let f = try ReportFixture()
        try f.typicalYear(2024)
        let (data, notes) = try f.service.annualReportData(ReportRequest(year: 2025))
        #expect(data.isEmpty)
        #expect(notes.contains { $0.contains("Belum ada responden tahun 2025") })
        for (name, text) in everyFormat(data) { Self.expectNoBadNumbers(text, name) }
        let html = HTMLReport.render(ReportContent.document(data))
        #expect(html.contains("Belum ada responden pada tahun 2025."))
        #expect(html.contains("IKM tahun 2025 belum dapat dihitung."))
        #expect(html.contains("Tidak ada data: belum ada responden tahun 2025"))
        // Every chart with nothing to draw says so; the trend still shows 2024.
        let emptyCharts = html.components(separatedBy: "Tidak ada data").count - 1
        #expect(emptyCharts >= 10)
        let years = ReadBack.htmlRows(html, table: "ikm-tahunan")
        #expect(years.map { $0[0] } == ["2024", "2025"])
        #expect(years[1][3] == "–")
        #expect(Infographic.render(data).contains("belum dapat dihitung"))
        #expect(ReadBack.htmlRows(html, table: "nrr-unsur").allSatisfy { $0[4] == "–" && $0[6] == "–" })
    }

    @Test func aDatabaseWithNoResponsesAtAllStillGivesAReport() throws {
        let f = try ReportFixture()
        let report = try f.service.generateReport(ReportRequest(year: 2025, formats: [.html, .infographic]))
        #expect(report.files.count == 2)
        #expect(report.result.respondents == 0)
        #expect(report.notes.contains { $0.contains("Belum ada responden") })
        Self.expectNoBadNumbers(try f.read(report.files[0].path), "HTML")
    }

    @Test func aSingleRespondentHasNoIntervalAndSaysWhy() throws {
        let f = try ReportFixture()
        try f.submit("434343434", service: "SKET")
        let data = try f.data(ReportRequest(year: 2025))
        for (name, text) in everyFormat(data) { Self.expectNoBadNumbers(text, name) }
        let html = HTMLReport.render(ReportContent.document(data))
        #expect(html.contains("Selang kepercayaan memerlukan sedikitnya 2 responden."))
        #expect(ReadBack.htmlRows(html, table: "responden-jenis-kelamin").last == ["Jumlah", "1", "100,00 %"])
        let overall = ReadBack.htmlRows(html, table: "ikm-unit")
        #expect(
            overall.first { $0.first == "IKM (indeks × 25)" }?.last == IndonesianNumber.format(data.overall.ikm ?? 0, decimals: 2)
        )
        #expect(overall.first { $0.first?.hasSuffix("batas bawah") == true }?.last == "–")
    }

    @Test func aServiceWithoutResponsesIsListedAndMarked() throws {
        let f = try ReportFixture()
        try f.typicalYear()
        let html = try f.html(ReportRequest(year: 2025))
        #expect(html.contains("Belum ada responden tahun 2025 untuk Perizinan"))
        let chart = html.components(separatedBy: "<figure id=\"grafik-ikm-layanan\">").last ?? ""
        #expect(chart.prefix(4000).contains("belum ada responden"))
        let infographic = Infographic.render(try f.data(ReportRequest(year: 2025)))
        #expect(infographic.contains("belum ada responden"))
    }

    @Test func anUnsurNobodyAnsweredIsExplainedThroughTheStore() throws {
        let f = try ReportFixture()
        // Question 9 asks about U8 (pengaduan): always left blank.
        for (i, answers) in ["44344443-", "33334333-", "43434344-"].enumerated() {
            try f.submit(answers, date: "2025-0\(i + 1)-10")
        }
        let data = try f.data(ReportRequest(year: 2025))
        #expect(data.overall.ikm == nil)
        for (name, text) in everyFormat(data) { Self.expectNoBadNumbers(text, name) }
        let html = HTMLReport.render(ReportContent.document(data))
        #expect(html.contains("IKM tahun 2025 belum dapat dihitung."))
        #expect(html.contains("unsur U8 tidak dijawab oleh satu responden pun"))
        let u8 = ReadBack.htmlRows(html, table: "nrr-unsur").first { $0[1].hasPrefix("U8 ") }
        #expect(u8?[4] == "–")
        #expect(u8?[8] == "Tidak dijawab")
        let rtl = ReadBack.htmlRows(html, table: "rtl")
        #expect(rtl.count == 3)
        #expect(!rtl.contains { $0[1].hasPrefix("U8") })
        #expect(html.contains("tidak dijawab</text>"))
    }

    /// The renderers alone, on hand-made tallies and a custom three-unsur questionnaire.
    @Test func anUnsurNobodyAnsweredInACustomQuestionnaire() throws {
        let bands = BandTable([
            Band(mutu: "D", kinerja: "Tidak Baik", minimum: 25), Band(mutu: "C", kinerja: "Kurang Baik", minimum: 65),
            Band(mutu: "B", kinerja: "Baik", minimum: 76.61), Band(mutu: "A", kinerja: "Sangat Baik", minimum: 88.31),
        ])
        let q = Questionnaire(
            id: "puskesmas-2026", title: "SKM Puskesmas", regulation: "", status: "custom", note: nil, scale: 1...4,
            conversionFactor: 25, bands: bands,
            unsur: [
                Unsur(code: "P1", name: "Pendaftaran"), Unsur(code: "P2", name: "Ruang tunggu"),
                Unsur(code: "P3", name: "Apotek"),
            ],
            questions: [
                Question(number: 1, unsur: "P1", text: "Pendaftaran?", options: ["a", "b", "c", "d"]),
                Question(number: 2, unsur: "P2", text: "Ruang tunggu?", options: ["a", "b", "c", "d"]),
                Question(number: 3, unsur: "P3", text: "Apotek?", options: ["a", "b", "c", "d"]),
            ],
            timeSlots: [], profile: RespondentProfileSpec(gender: nil, education: nil, occupation: nil, age: nil))
        let tally = Tally(
            respondents: 4,
            unsur: [
                UnsurTally(answered: 4, sum: 14, sumOfSquares: 50), UnsurTally(answered: 3, sum: 9, sumOfSquares: 27),
                UnsurTally(),
            ])
        let result = IKMScorer.score(tally, questionnaire: q)
        let empty = IKMScorer.score(Tally(unsurCount: 3), questionnaire: q)
        let data = ReportData(
            year: 2026, scopeDescription: "Tahun 2026",
            generatedOn: CivilDate(year: 2027, month: 1, day: 5) ?? CivilDate(dayNumber: 0),
            office: OfficeProfile(name: "Puskesmas Uji"), pelaksana: nil, rtl: [], questionnaire: q, overall: result,
            services: [GroupResult(key: "PKM/UMUM", label: "Poli umum", result: result)],
            quarters: (1...4).map { GroupResult(key: "Q\($0)", label: "Triwulan \($0)", result: $0 == 1 ? result : empty) },
            years: [YearSummary(year: 2026, result: result)], demographics: [], sample: nil,
            surveySpan: nil, iku: [], ikuNote: nil, comments: [], commentCount: 0, wording: IKMWording.forReport)
        #expect(result.ikm == nil)
        for (name, text) in everyFormat(data) { Self.expectNoBadNumbers(text, name) }
        let html = HTMLReport.render(ReportContent.document(data))
        #expect(html.contains("Unsur P3 Apotek tidak dijawab oleh satu responden pun"))
        #expect(ReadBack.htmlRows(html, table: "nrr-unsur").map { $0[4] } == ["3,5000", "3,0000", "–"])
        #expect(html.contains("Tiga unsur") == false)
        #expect(html.contains("Dua unsur dengan nilai terendah"))
        let markdown = MarkdownReport.render(ReportContent.document(data))
        #expect(markdown.contains("| 3 | P3 Apotek | 0 | 0 | – | – | – | – | Tidak dijawab |"))
    }
}
