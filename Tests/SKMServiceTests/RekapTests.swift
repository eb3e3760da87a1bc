import Foundation
import SKMCore
import SKMJSON
import SKMService
import SKMTestSupport
import Testing

@Suite struct RekapTests {
    /// README's worked example: DINKES with 17 respondents answering 4 everywhere (IKM 100) and
    /// KEC-X with 8 answering 3 (IKM 75). Mean of units 87,50; pooled (92 / 25 × 25) 92,00.
    @Test func theReadmeWorkedExample() throws {
        let f = try HierarchyFixture()
        try f.answer("PKM-A", 4, count: 17)
        try f.answer("KEL-1", 3, count: 8)
        let pooled = try f.service.rekap(RekapRequest(year: 2025, parent: "KAB"))
        let mean = try f.service.rekap(RekapRequest(year: 2025, parent: "KAB", method: .meanOfUnits))
        #expect(pooled.method == .pooled)
        #expect(pooled.consolidated.ikmDisplayed == 92.00)
        #expect(pooled.consolidated.unsur.map(\.nrr) == Array(repeating: 3.68, count: 9))
        #expect(mean.consolidated.ikm == 87.5)
        #expect(mean.consolidated.ikmDisplayed == 87.50)
        #expect(pooled.units.map(\.unit.code) == ["DINKES", "KEC-X"])
        #expect(pooled.units.map(\.result.ikm) == [100, 75])
        #expect(pooled.units.map(\.result.respondents) == [17, 8])
        // Pooled is exactly what `skm ikm --unit KAB` gives: the same aggregates, the same scorer.
        #expect(pooled.consolidated.ikm == (try f.ikm(units: ["KAB"]).ikm))
        #expect(pooled.consolidated.band?.mutu == "A")
        #expect(mean.consolidated.band?.mutu == "B")
        // The README states these very figures for this very data.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let shown = [pooled.consolidated, mean.consolidated].map { IndonesianNumber.format($0.ikm ?? 0, decimals: 2) }
        #expect(readme.contains("17\nrespondents who answered 4") || readme.contains("17 respondents who answered 4"))
        #expect(readme.contains("`mean-of-units`: (100,00 + 75,00) / 2 = **\(shown[1])**"))
        #expect(readme.contains("**\(shown[0])** (A, Sangat Baik)"))
    }

    @Test func rowsCoverTheirDescendantsAndRankAndFindTheWeakestUnsur() throws {
        let f = try HierarchyFixture()
        try f.answer("PKM-A", 4, count: 2)
        try f.answer("PKM-B", 2, count: 2)
        _ = try f.service.submitMany([
            ResponseDraft(
                unit: "KEL-1", service: "LYN", date: "2025-06-01", answers: .byQuestion(AnswerText.parse("444414444")))
        ])
        let rekap = try f.service.rekap(RekapRequest(year: 2025))
        #expect(rekap.parent == nil)
        #expect(rekap.units.map(\.unit.code) == ["KAB"])
        #expect(rekap.units[0].unitCount == 6)
        #expect(rekap.units[0].result.respondents == 5)

        let dinkes = try f.service.rekap(RekapRequest(year: 2025, parent: "DINKES"))
        #expect(dinkes.units.map(\.unit.code) == ["PKM-A", "PKM-B"])
        #expect(dinkes.ranking.map(\.unit.code) == ["PKM-A", "PKM-B"])
        #expect(dinkes.units.map(\.rank) == [1, 2])

        let kab = try f.service.rekap(RekapRequest(year: 2025, parent: "KAB"))
        #expect(kab.ranking.map(\.unit.code) == ["KEC-X", "DINKES"])
        // KEL-1 answered question 5 with 1: unsur U5 is KEC-X's weakest.
        #expect(kab.units.first { $0.unit.code == "KEC-X" }?.weakestUnsur == 4)
        #expect(kab.units.first { $0.unit.code == "DINKES" }?.weakestUnsur == 0)  // a tie: the first unsur
    }

    @Test func coverageNamesUnitsWithoutDataOrWithTooFewRespondents() throws {
        let f = try HierarchyFixture()
        try f.answer("PKM-A", 4, count: 10)
        try f.answer("KEL-1", 3, count: 10)
        try f.answer("PKM-B", 3, count: 5, date: "2024-05-05")  // another year
        _ = try f.service.setUnitPopulation("PKM-A", population: 10)  // minimum 10: adequate
        _ = try f.service.setUnitPopulation("PKM-B", population: 100)  // no data this year
        _ = try f.service.setUnitPopulation("KEC-X", population: 100)  // minimum 80: too few
        let dinkes = try f.service.rekap(RekapRequest(year: 2025, parent: "DINKES"))
        #expect(dinkes.units.map(\.coverage) == [.adequate, .noData])
        #expect(dinkes.units[0].sample?.minimum == 10)
        #expect(dinkes.coverageGaps.map(\.unit.code) == ["PKM-B"])
        #expect(dinkes.units[1].rank == nil)
        // mean-of-units leaves the unit without data out instead of counting it as 0.
        let mean = try f.service.rekap(RekapRequest(year: 2025, parent: "DINKES", method: .meanOfUnits))
        #expect(mean.consolidated.ikm == 100)
        let kab = try f.service.rekap(RekapRequest(year: 2025, parent: "KAB"))
        #expect(kab.units.first { $0.unit.code == "KEC-X" }?.coverage == .tooFew)
        #expect(kab.units.first { $0.unit.code == "DINKES" }?.coverage == .populationUnknown)
        // Earlier years give each unit's trend.
        let trend = try f.service.rekap(RekapRequest(year: 2025, parent: "DINKES", earlierYears: 2))
        #expect(trend.units[1].trend.map(\.year) == [2024])
        #expect(trend.units[1].trend.first?.result.ikm == 75)
        #expect(trend.units[0].trend.isEmpty)
    }

    @Test func theParentsOwnRespondentsAreARowOfTheirOwn() throws {
        let f = try HierarchyFixture()
        try f.answer("DINKES", 2, count: 3)
        try f.answer("PKM-A", 4, count: 1)
        let rekap = try f.service.rekap(RekapRequest(year: 2025, parent: "DINKES"))
        #expect(rekap.units.map(\.unit.code) == ["PKM-A", "PKM-B", "DINKES"])
        #expect(rekap.units.last?.ownDataOnly == true)
        #expect(rekap.consolidated.respondents == 4)
        #expect(rekap.consolidated.ikm == (try f.ikm(units: ["DINKES"]).ikm))
    }

    @Test func everyOutputNamesTheMethod() throws {
        let f = try HierarchyFixture()
        try f.answer("PKM-A", 4, count: 17)
        try f.answer("KEL-1", 3, count: 8)
        let rekap = try f.service.rekap(RekapRequest(year: 2025, parent: "KAB", method: .meanOfUnits))
        let json = RekapJSON.report(rekap)
        #expect(json["method"] == "mean-of-units")
        #expect(json["consolidated"]?["method"] == "mean-of-units")
        #expect(json["consolidated"]?["ikmDisplay"] == 87.5)
        #expect(json["methods"]?.arrayValue?[0]["ikmDisplay"] == 92)
        #expect(json["units"]?.arrayValue?[1]["nrr"]?.arrayValue?[0] == 3)
        #expect(json["ranking"] == ["DINKES", "KEC-X"])
        let csv = RekapCSV.text(rekap, separator: ",")
        let lines = csv.split(separator: "\r\n").dropFirst()
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.hasPrefix("mean-of-units,") })
        #expect(lines.last?.contains("REKAP") == true)
        #expect(lines.last?.contains(",87.5,") == true)
    }

    @Test func badRequestsAreRefused() throws {
        let f = try HierarchyFixture()
        #expect(skmError { _ = try RekapMethod.parse("median") }?.code == .invalidAggregation)
        #expect(skmError { _ = try RekapMethod.parse("median") }?.field == "method")
        #expect(try RekapMethod.parse("Rata-Rata-Unit") == .meanOfUnits)
        #expect(skmError { _ = try f.service.rekap(RekapRequest(year: 1999)) }?.code == .invalidFilter)
        #expect(skmError { _ = try f.service.rekap(RekapRequest(year: 2025, parent: "NOPE")) }?.code == .unknownUnit)
        #expect(skmError { _ = try f.service.rekap(RekapRequest(year: 2025, earlierYears: 99)) }?.code == .invalidFilter)
    }
}
