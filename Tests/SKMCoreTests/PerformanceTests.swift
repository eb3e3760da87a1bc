import ExamplePlans
import SKMJSON
import SKMTestSupport
import Testing

@testable import SKMCore

@Suite struct CapaianTests {
    @Test func bothPolaritiesByHand() {
        // Higher is better: 80,78 / 78 × 100 = 103,5641…
        #expect(abs((Capaian.percent(realisasi: 80.78, target: 78, polarity: .higher) ?? 0) - 103.564_102_564) < 1e-6)
        // Lower is better: (2 − 8/10) × 100 = 120; (2 − 12/10) × 100 = 80.
        #expect(Capaian.percent(realisasi: 8, target: 10, polarity: .lower) == 120)
        #expect(abs((Capaian.percent(realisasi: 12, target: 10, polarity: .lower) ?? 0) - 80) < 1e-12)
        #expect(Capaian.percent(realisasi: 5, target: 0, polarity: .higher) == nil)
    }

    @Test(arguments: [
        (91.0, "Sangat Tinggi"), (90.995, "Sangat Tinggi"), (90.5, "Tinggi"), (76.0, "Tinggi"), (75.99, "Sedang"),
        (66.0, "Sedang"), (65.99, "Rendah"), (51.0, "Rendah"), (50.99, "Sangat Rendah"), (0.0, "Sangat Rendah"),
        (140.0, "Sangat Tinggi"),
    ])
    func bandEdges(capaian: Double, category: String) {
        #expect(CapaianBands.standard.category(of: capaian) == category)
    }

    @Test func ratioRealisasi() {
        #expect(Realisasi.ratio(numerator: 45, denominator: 50)?.value == 90)
        #expect(Realisasi.ratio(numerator: 3, denominator: 0) == nil)
    }

    func plan(_ targets: [Int: Double], polarity: Indicator.Polarity = .higher) -> PerformancePlan {
        PerformancePlan(
            id: "uji", organisation: "Uji", document: nil, source: nil, firstYear: 2024, lastYear: 2026, note: nil,
            indicators: [
                Indicator(
                    code: "IKU-1", kind: .iku, jabatan: nil, sasaran: nil, name: "Uji", satuan: "%", polarity: polarity,
                    formula: nil, responsible: nil, dataSource: nil, baseline: nil, targets: targets, realisasi: .value)
            ])
    }

    @Test func everyAbsentCaseHasAReasonAndNoZero() {
        let values: [Int: Double] = [2024: 70, 2025: 80]
        let realisasiOf: (Indicator, Int) -> Result<Realisasi, RealisasiUnavailable> = { _, year in
            values[year].map { .success(Realisasi(value: $0)) } ?? .failure(.notEntered(year))
        }
        let noTarget = PlanEvaluator.evaluate(plan([2026: 90]), year: 2025, realisasiOf: realisasiOf).indicators[0]
        #expect(noTarget.capaian == nil)
        #expect(noTarget.realisasi?.value == 80)
        #expect(noTarget.reason?.contains("Tidak ada target") == true)
        let noRealisasi = PlanEvaluator.evaluate(plan([2026: 90]), year: 2026, realisasiOf: realisasiOf).indicators[0]
        #expect(noRealisasi.capaian == nil)
        #expect(noRealisasi.reason == "Belum ada realisasi tahun 2026.")
        let zero = PlanEvaluator.evaluate(plan([2025: 0]), year: 2025, realisasiOf: realisasiOf).indicators[0]
        #expect(zero.capaian == nil)
        #expect(zero.reason?.contains("bernilai 0") == true)
        let full = PlanEvaluator.evaluate(plan([2025: 100, 2026: 90]), year: 2025, realisasiOf: realisasiOf)
        let line = full.indicators[0]
        #expect(line.capaian == 80)
        #expect(line.category == "Tinggi")
        #expect(line.previous == 70)
        #expect(line.change == 10)
        #expect(line.finalTarget == 90)
        #expect(abs((line.progressToFinal ?? 0) - 88.888_888_9) < 1e-6)
        #expect(full.summary.first { $0.label == "Tinggi" }?.count == 1)
        let lower = PlanEvaluator.evaluate(plan([2025: 100], polarity: .lower), year: 2025, realisasiOf: realisasiOf).indicators[
            0]
        #expect(lower.capaian == 120)
    }
}

@Suite struct PlanDecodingTests {
    static func examplePlan(_ id: String) -> PlanDecoder.Outcome {
        let bytes = ExamplePlanFiles.all.first { $0.name == id + ".json" }?.bytes ?? []
        return PlanDecoder.decode(text: String(decoding: bytes, as: UTF8.self))
    }

    @Test(arguments: [
        ("tomoni-timur-2021-2026", 2, 0), ("rawa-jitu-timur-2023-2026", 2, 0), ("ciruas-2022", 0, 48), ("widang-2021", 3, 15),
    ])
    func theSeedPlansLoad(id: String, iku: Int, iki: Int) throws {
        let outcome = Self.examplePlan(id)
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        let plan = try #require(outcome.plan)
        #expect(plan.id == id)
        #expect(plan.indicators.filter { $0.kind == .iku }.count == iku)
        #expect(plan.indicators.filter { $0.kind == .iki }.count == iki)
        // Round trip: the stored form decodes to the same plan.
        #expect(PlanDecoder.decode(plan.json).plan == plan)
    }

    @Test func tomoniTimurAsTheDocumentStatesIt() throws {
        let plan = try #require(Self.examplePlan("tomoni-timur-2021-2026").plan)
        let ikm = try #require(plan.indicator("IKU-1"))
        #expect(ikm.targets == [2021: 76, 2022: 76.9, 2023: 77, 2024: 77.5, 2025: 78, 2026: 78.5])
        #expect(ikm.realisasi == .skm(units: [], services: [], questionnaire: nil))
        let lakip = try #require(plan.indicator("iku-2"))
        #expect(lakip.realisasi == .value)
        #expect(lakip.targets[2021] == 65.92)
        let rawa = try #require(Self.examplePlan("rawa-jitu-timur-2023-2026").plan)
        #expect(rawa.indicators.map(\.realisasi.name) == ["value", "akip"])
        #expect(rawa.indicators[1].baseline?.value == 58)
    }

    @Test func badPlansAreExplained() {
        let outcome = PlanDecoder.decode(
            text:
                #"{"id":"x","organisation":"O","period":{"from":2025,"to":2024},"indicators":[{"code":"A","name":"N","targets":{"20x5":1,"2030":2},"realisasi":{"source":"tebakan"}},{"code":"A","name":"M","realisasi":{"source":"count"},"polarity":"naik"}]}"#
        )
        #expect(outcome.plan == nil)
        let messages = outcome.errors.map(\.description).joined(separator: "\n")
        #expect(messages.contains("period"))
        #expect(messages.contains("tahun empat angka"))
        #expect(messages.contains("harus skm, akip, ratio, count atau value"))
        #expect(messages.contains("higher"))
        let missing = PlanDecoder.decode(text: #"{"id":"y","period":{"from":2024,"to":2026},"indicators":[]}"#)
        #expect(missing.errors.contains { $0.path == "organisation" })
        #expect(missing.errors.contains { $0.path == "indicators" })
    }
}

@Suite struct AKIPTests {

    @Test func aHandComputedEvaluation() throws {
        // Perencanaan 95 % × 6 + 80 % × 9 + 70 % × 15 = 5,7 + 7,2 + 10,5 = 23,4
        // Pengukuran 90 % × 6 + 80 % × 9 + 65 % × 15 = 5,4 + 7,2 + 9,75 = 22,35
        // Pelaporan 100 % × 3 + 90 % × 4,5 + 80 % × 7,5 = 3 + 4,05 + 6 = 13,05
        // Evaluasi 90 % × 5 + 70 % × 7,5 + 50 % × 12,5 = 4,5 + 5,25 + 6,25 = 16
        let result = try #require(AKIPEvaluator.evaluate(AKIPSample.mixed).result)
        #expect(result.components.map { DisplayRounding.round($0.score, decimals: 4) } == [23.4, 22.35, 13.05, 16])
        #expect(abs(result.total - 74.8) < 1e-9)
        #expect(result.predikat?.predikat == "BB")
        #expect(result.predikat?.label == "Sangat Baik")
        #expect(result.year == 2025)
        #expect(result.components[0].subScores[0].criteria == 2)
    }

    @Test(arguments: [
        (100.0, "AA"), (90.01, "AA"), (90.0, "A"), (80.01, "A"), (80.0, "BB"), (70.0, "B"), (60.0, "CC"), (50.01, "CC"),
        (50.0, "C"), (30.01, "C"), (30.0, "D"), (0.0, "D"), (90.004, "A"), (90.005, "AA"),
    ])
    func predikatEdgesAreExclusiveBelow(nilai: Double, predikat: String) {
        #expect(AKIPPredikat.of(nilai)?.predikat == predikat)
    }

    @Test func outOfRangeHasNoPredikat() {
        #expect(AKIPPredikat.of(100.5) == nil)
        #expect(AKIPPredikat.of(-1) == nil)
    }

    @Test func theEarlierSchemeIsSelectable() throws {
        let json: JSONValue = [
            "scheme": "lke-2015",
            "components": [
                "perencanaan": 80, "pengukuran": ["A", "B"], "pelaporan": ["percent": 60], "evaluasi": ["E"], "capaian": 50,
            ],
        ]
        let result = try #require(AKIPEvaluator.evaluate(json).result)
        // 30 × 0,8 + 25 × 0,8 + 15 × 0,6 + 10 × 0 + 20 × 0,5 = 24 + 20 + 9 + 0 + 10 = 63
        #expect(abs(result.total - 63) < 1e-9)
        #expect(result.predikat?.predikat == "B")
    }

    @Test func badEvaluationsAreExplained() {
        let json: JSONValue = [
            "scheme": "permenpanrb-88-2021",
            "components": [
                "perencanaan": ["keberadaan": ["AAA"], "kualitas": ["percent": 120], "pemanfaatan": []],
                "pengukuran": ["keberadaan": ["A"], "kualitas": ["A"]],
                "lainnya": 5,
            ],
        ]
        let outcome = AKIPEvaluator.evaluate(json)
        #expect(outcome.result == nil)
        let text = outcome.errors.map(\.description).joined(separator: "\n")
        #expect(text.contains("nilai \"AAA\" tidak dikenal"))
        #expect(text.contains("persentase harus 0–100"))
        #expect(text.contains("sub-komponen Pemanfaatan Pengukuran Kinerja tidak ada"))
        #expect(text.contains("komponen Pelaporan Kinerja tidak ada"))
        #expect(outcome.problems.contains { $0.path == "components.lainnya" })
    }

    @Test func theGradeMappingIsData() throws {
        var json = AKIPSample.mixed
        if case .object(var o) = json {
            o["grades"] = ["AA": 100, "A": 95, "BB": 85, "B": 75, "CC": 65, "C": 55, "D": 35, "E": 0]
            json = .object(o)
        }
        let result = try #require(AKIPEvaluator.evaluate(json).result)
        #expect(result.total > 74.8)
    }
}
