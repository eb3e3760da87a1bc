import SKMCore
import SKMJSON
import SKMService
import SKMTestSupport
import Testing

@Suite struct ComputeTests {
    /// The worked example stored as 29 real responses, in the first quarter of 2025.
    func workedExample(_ f: ServiceFixture) throws {
        var drafts: [ResponseDraft] = []
        let sums = [105, 101, 100, 116, 102, 105, 106, 105, 115]
        for r in 0..<29 {
            // unsur order → question order (q8 = U9, q9 = U8)
            let byUnsur = sums.map { r < $0 - 87 ? 4 : 3 }
            let byQuestion = [0, 1, 2, 3, 4, 5, 6, 8, 7].map { byUnsur[$0] }
            drafts.append(f.draft(byQuestion.map(String.init).joined(), date: "2025-02-\(10 + r % 10)"))
        }
        _ = try f.service.submitMany(drafts)
    }

    @Test func theWorkedExampleThroughTheStore() throws {
        let f = try ServiceFixture()
        try workedExample(f)
        for (weighting, shown) in [(Weighting.exact, 91.48), (.threeDecimals, 91.38), (.twoDecimals, 90.56)] {
            let report = try f.service.computeIKM(IKMRequest(filter: SurveyFilter(year: 2025), weighting: weighting))
            #expect(report.result.ikmDisplayed == shown)
            #expect(report.result.respondents == 29)
        }
        let json = IKMJSON.report(try f.service.computeIKM(IKMRequest(filter: SurveyFilter(year: 2025))))
        #expect(json["weighting"] == "exact")
        #expect(json["mutu"] == "A")
        #expect(json["unsur"]?.arrayValue?[8]["sum"] == 115)
        #expect(json["unsur"]?.arrayValue?[8]["name"] == "Sarana dan Prasarana")
        #expect(json["ci95"]?["low"]?.numberValue?.double ?? 0 < 91.48)
    }

    @Test func filtersSelectPeriodsUnitsAndServices() throws {
        let f = try ServiceFixture()
        _ = try f.service.submitMany([
            f.draft("444444444", date: "2025-01-15"), f.draft("333333333", service: "SKET", date: "2025-05-15"),
            f.draft("222222222", date: "2025-08-15"), f.draft("111111111", date: "2024-12-31"),
        ])
        func ikm(_ filter: SurveyFilter) throws -> Double? {
            try f.service.computeIKM(IKMRequest(filter: filter)).result.ikm
        }
        #expect(try ikm(SurveyFilter(year: 2025)) == 75)
        #expect(try ikm(SurveyFilter(year: 2025, quarter: 1)) == 100)
        #expect(try ikm(SurveyFilter(year: 2025, semester: 2)) == 50)
        #expect(try ikm(SurveyFilter(year: 2025, month: 5)) == 75)
        #expect(try ikm(SurveyFilter(year: 2025, services: ["ktp"])) == 75)
        #expect(try ikm(SurveyFilter(from: "2024-12-01", to: "2025-01-31")) == 62.5)
        #expect(try ikm(SurveyFilter(units: ["KEC"])) == 62.5)
        #expect(skmError { _ = try ikm(SurveyFilter(quarter: 2)) }?.code == .invalidFilter)
        #expect(skmError { _ = try ikm(SurveyFilter(year: 2025, quarter: 5)) }?.code == .invalidFilter)
        #expect(skmError { _ = try ikm(SurveyFilter(from: "2025-02-30")) }?.code == .invalidDate)
        #expect(skmError { _ = try ikm(SurveyFilter(from: "2025-03-01", to: "2025-01-01")) }?.code == .invalidFilter)
        #expect(skmError { _ = try ikm(SurveyFilter(units: ["NONE"])) }?.code == .unknownUnit)
        #expect(skmError { _ = try ikm(SurveyFilter(services: ["NONE"])) }?.code == .unknownService)
    }

    @Test func breakdownsAndMeanOfServices() throws {
        let f = try ServiceFixture()
        _ = try f.service.submitMany([
            f.draft("444444444", date: "2025-01-15"), f.draft("222222222", service: "SKET", date: "2025-05-15"),
            f.draft("222222222", service: "SKET", date: "2025-05-16"), f.draft("222222222", service: "SKET", date: "2025-11-16"),
        ])
        let pooled = try f.service.computeIKM(IKMRequest(filter: SurveyFilter(year: 2025), breakdowns: [.service, .quarter]))
        #expect(pooled.result.ikm == 62.5)
        let services = pooled.breakdowns[0].groups
        #expect(services.map(\.key) == ["KEC/KTP", "KEC/SKET"])
        #expect(services.map(\.result.ikm) == [100, 50])
        #expect(pooled.breakdowns[1].groups.map(\.label) == ["Triwulan I 2025", "Triwulan II 2025", "Triwulan IV 2025"])
        let mean = try f.service.computeIKM(IKMRequest(filter: SurveyFilter(year: 2025), aggregation: .meanOfServices))
        #expect(mean.result.ikm == 75)
        #expect(mean.result.aggregation == .meanOfServices)
        #expect(IKMJSON.report(mean)["aggregation"] == "mean-of-services")
        _ = try f.service.addService(unit: "KEC", code: "PBB", name: "PBB")
        let withEmpty = try f.service.computeIKM(IKMRequest(filter: SurveyFilter(year: 2025), aggregation: .meanOfServices))
        #expect(withEmpty.servicesWithoutRespondents.map(\.code) == ["PBB"])
        #expect(withEmpty.result.ikm == 75)
    }

    @Test func dataFromTwoQuestionnairesIsNotMixed() throws {
        let f = try ServiceFixture()
        _ = try f.service.submit(f.draft("444444444"))
        var old = f.draft("44444444444444")
        old.questionnaire = "kepmenpan-25-2004"
        _ = try f.service.submit(old)
        let e = skmError { _ = try f.service.computeIKM(IKMRequest()) }
        #expect(e?.code == .mixedQuestionnaires)
        #expect(e?.message.contains("kepmenpan-25-2004 (1 responden)") == true)
        let only2004 = try f.service.computeIKM(IKMRequest(filter: SurveyFilter(questionnaire: "kepmenpan-25-2004")))
        #expect(only2004.result.unsur.count == 14)
        #expect(only2004.result.ikm == 100)
    }

    @Test func sampleCheckAndEmptyPeriods() throws {
        let f = try ServiceFixture()
        _ = try f.service.submit(f.draft("444444444"))
        let report = try f.service.computeIKM(IKMRequest(filter: SurveyFilter(year: 2025), population: 500))
        #expect(report.sample == SampleCheck(population: 500, minimum: 217, respondents: 1))
        #expect(report.sample?.sufficient == false)
        let empty = try f.service.computeIKM(IKMRequest(filter: SurveyFilter(year: 2023)))
        #expect(empty.result.ikm == nil)
        #expect(empty.result.respondents == 0)
        #expect(IKMJSON.report(empty)["ikm"] == .null)
        #expect(skmError { _ = try f.service.computeIKM(IKMRequest(population: 0)) }?.code == .invalidPopulation)
    }

    @Test func scoringWithoutTheStore() throws {
        let f = try ServiceFixture(registry: false)
        let sheets: [AnswerSheet] = [
            .byQuestion(AnswerText.parse("444444444")), .byUnsur((1...9).map { (code: "U\($0)", answer: .value(2)) }),
        ]
        let (result, q) = try f.service.score(questionnaire: nil, sheets: sheets, weighting: .exact)
        #expect(q.id == "permenpanrb-14-2017")
        #expect(result.ikm == 75)
        #expect(!f.service.databaseExists)
        let e = skmError {
            _ = try f.service.score(questionnaire: nil, sheets: [.byQuestion(AnswerText.parse("44444444x"))], weighting: .exact)
        }
        #expect(e?.field == "answers[0][8]")
        #expect(e?.message.hasPrefix("Responden ke-1") == true)
        #expect(try f.service.classify(ikm: 88.305, questionnaire: nil).0.mutu == "A")
        #expect(skmError { _ = try f.service.classify(ikm: 101, questionnaire: nil) }?.code == .invalidNumber)
    }

    @Test func readingWithoutADatabaseIsAClearError() throws {
        let f = try ServiceFixture(registry: false)
        let e = skmError { _ = try f.service.computeIKM(IKMRequest()) }
        #expect(e?.message.contains("belum ada") == true)
        #expect(!f.service.databaseExists)
    }
}
