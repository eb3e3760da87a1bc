import Foundation
import SKMCore
import SKMJSON
import SKMService
import SKMTestSupport
import Testing

@Suite struct PerformanceServiceTests {
    static let examples = PackagePaths.root + "/Examples/iku/"

    @Test func everySeedPlanLoadsAndEvaluatesWithSampleRealisasi() throws {
        let f = try ServiceFixture()
        for id in ["tomoni-timur-2021-2026", "rawa-jitu-timur-2023-2026", "ciruas-2022", "widang-2021"] {
            let (plan, changed) = try f.service.loadPlan(path: Self.examples + id + ".json")
            #expect(changed)
            let year = plan.firstYear
            for indicator in plan.indicators {
                switch indicator.realisasi {
                case .ratio:
                    _ = try f.service.setRealisasi(
                        plan: id, indicator: indicator.code, year: year, value: nil, numerator: 45, denominator: 50)
                case .count:
                    _ = try f.service.setRealisasi(
                        plan: id, indicator: indicator.code, year: year, value: 4, numerator: nil, denominator: nil)
                case .value:
                    _ = try f.service.setRealisasi(
                        plan: id, indicator: indicator.code, year: year, value: 71.5, numerator: nil, denominator: nil)
                case .skm, .akip: break
                }
            }
            let evaluation = try f.service.evaluatePlan(id: id, year: year)
            #expect(evaluation.indicators.count == plan.indicators.count)
            for line in evaluation.indicators {
                if line.realisasi == nil || line.target == nil {
                    #expect(line.capaian == nil && line.reason != nil, "\(id) \(line.indicator.code)")
                }
                if case .ratio = line.indicator.realisasi { #expect(line.realisasi?.value == 90) }
            }
        }
        #expect(try f.service.plans().count == 4)
    }

    @Test func surveyIKMAndAKIPFeedTheirIndicators() throws {
        let f = try ServiceFixture()
        _ = try f.service.submitMany([f.draft("444444443", date: "2025-02-01"), f.draft("333333333", date: "2025-03-01")])
        _ = try f.service.loadPlan(path: Self.examples + "rawa-jitu-timur-2023-2026.json")
        _ = try f.service.loadPlan(path: Self.examples + "tomoni-timur-2021-2026.json")
        let ikm = try f.service.computeIKM(IKMRequest(filter: SurveyFilter(year: 2025))).result.ikmDisplayed
        let tomoni = try f.service.evaluatePlan(id: "tomoni-timur-2021-2026", year: 2025)
        #expect(tomoni.indicators[0].realisasi?.value == ikm)
        #expect(abs((tomoni.indicators[0].capaian ?? 0) - (ikm ?? 0) / 78 * 100) < 1e-9)
        #expect(tomoni.indicators[1].reason == "Belum ada realisasi tahun 2025.")
        // Rawa Jitu Timur IKU-2 reads the AKIP evaluation saved for the year.
        let before = try f.service.evaluatePlan(id: "rawa-jitu-timur-2023-2026", year: 2025)
        #expect(before.indicators[1].reason?.contains("Belum ada evaluasi AKIP") == true)
        let (_, stored) = try f.service.evaluateAKIP(json: AKIPSample.mixed, year: nil, save: true, enteredBy: "Tim SAKIP")
        #expect(stored?.year == 2025)
        let after = try f.service.evaluatePlan(id: "rawa-jitu-timur-2023-2026", year: 2025)
        #expect(after.indicators[1].realisasi.map { abs($0.value - 74.8) < 1e-9 } == true)
        #expect(abs((after.indicators[1].capaian ?? 0) - 74.8 / 70 * 100) < 1e-9)
    }

    @Test func aCorrectionKeepsTheHistory() throws {
        let f = try ServiceFixture()
        _ = try f.service.loadPlan(path: Self.examples + "tomoni-timur-2021-2026.json")
        _ = try f.service.setRealisasi(
            plan: "tomoni-timur-2021-2026", indicator: "IKU-2", year: 2025, value: 70, numerator: nil, denominator: nil,
            enteredBy: "A")
        _ = try f.service.setRealisasi(
            plan: "tomoni-timur-2021-2026", indicator: "iku-2", year: 2025, value: 74.2, numerator: nil, denominator: nil,
            note: "koreksi", enteredBy: "B")
        let history = try f.service.realisasiHistory(plan: "tomoni-timur-2021-2026")
        #expect(history.map(\.realisasi.value) == [70, 74.2])
        #expect(history.map(\.enteredBy) == ["A", "B"])
        let e = try f.service.evaluatePlan(id: "tomoni-timur-2021-2026", year: 2025)
        #expect(e.indicators[1].realisasi?.value == 74.2)
    }

    @Test func badValuesAreRefusedAndNothingIsStored() throws {
        let f = try ServiceFixture()
        _ = try f.service.loadPlan(path: Self.examples + "tomoni-timur-2021-2026.json")
        _ = try f.service.loadPlan(path: Self.examples + "ciruas-2022.json")
        func code(_ body: () throws -> Void) -> ErrorCode? { skmError(body)?.code }
        #expect(
            code {
                _ = try f.service.setRealisasi(
                    plan: "tomoni-timur-2021-2026", indicator: "IKU-1", year: 2025, value: 80, numerator: nil, denominator: nil)
            } == .realisasiComputed)
        #expect(
            code {
                _ = try f.service.setRealisasi(
                    plan: "tomoni-timur-2021-2026", indicator: "IKU-9", year: 2025, value: 80, numerator: nil, denominator: nil)
            } == .unknownIndicator)
        #expect(
            code {
                _ = try f.service.setRealisasi(
                    plan: "tidak-ada", indicator: "IKU-1", year: 2025, value: 80, numerator: nil, denominator: nil)
            } == .unknownPlan)
        #expect(
            code {
                _ = try f.service.setRealisasi(
                    plan: "tomoni-timur-2021-2026", indicator: "IKU-2", year: 2030, value: 80, numerator: nil, denominator: nil)
            } == .invalidFilter)
        #expect(
            code {
                _ = try f.service.setRealisasi(
                    plan: "tomoni-timur-2021-2026", indicator: "IKU-2", year: 2025, value: nil, numerator: nil, denominator: nil)
            } == .missingField)
        #expect(
            code {
                _ = try f.service.setRealisasi(
                    plan: "ciruas-2022", indicator: "IKI-SEKCAM-2", year: 2022, value: 90, numerator: nil, denominator: nil)
            } == .missingField)
        let zero = skmError {
            _ = try f.service.setRealisasi(
                plan: "ciruas-2022", indicator: "IKI-SEKCAM-2", year: 2022, value: nil, numerator: 3, denominator: 0)
        }
        #expect(zero?.code == .invalidNumber)
        #expect(zero?.message.contains("Penyebut") == true)
        #expect(try f.service.realisasiHistory(plan: "ciruas-2022").isEmpty)
        #expect(try f.service.realisasiHistory(plan: "tomoni-timur-2021-2026").isEmpty)
        // A plan whose id is not its file name is refused, and nothing is loaded.
        let renamed = try f.file(
            "lain.json", try String(contentsOfFile: Self.examples + "tomoni-timur-2021-2026.json", encoding: .utf8))
        #expect(code { _ = try f.service.loadPlan(path: renamed) } == .invalidPlan)
        #expect(try f.service.plans().count == 2)
        #expect(code { _ = try f.service.evaluatePlan(id: "tomoni-timur-2021-2026", year: 2019) } == .invalidFilter)
    }

    @Test func akipIsStoredPerYearAndClassified() throws {
        let f = try ServiceFixture()
        #expect(skmError { _ = try f.service.akip(year: 2025) }?.code == .noEvaluation)
        _ = try f.service.evaluateAKIP(json: AKIPSample.mixed, year: 2024, save: true)
        let (result, stored) = try f.service.akip(year: 2024)
        #expect(abs(result.total - 74.8) < 1e-9)
        #expect(stored.predikat == "BB")
        #expect(try f.service.classifyAKIP(nilai: 90).predikat == "A")
        #expect(skmError { _ = try f.service.classifyAKIP(nilai: 101) }?.code == .invalidNumber)
        #expect(
            skmError { _ = try f.service.evaluateAKIP(json: ["components": [:]], year: 2024, save: true) }?.code
                == .invalidEvaluation)
        #expect(try f.service.akip(year: 2024).1.id == stored.id)
    }
}
