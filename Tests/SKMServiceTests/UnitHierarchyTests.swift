import SKMCore
import SKMJSON
import SKMService
import SKMTestSupport
import Testing

@Suite struct UnitHierarchyTests {
    @Test func theTreeListsParentsBeforeChildrenWithDepths() throws {
        let f = try HierarchyFixture()
        let outline = try f.service.unitTree().outline.map { "\($0.unit.code)@\($0.depth)" }
        #expect(outline == ["KAB@0", "DINKES@1", "PKM-A@2", "PKM-B@2", "KEC-X@1", "KEL-1@2"])
        let json = RegistryJSON.units(try f.service.units(), services: try f.service.services())
        #expect(json.arrayValue?.map { $0["code"]?.stringValue ?? "" } == ["KAB", "DINKES", "PKM-A", "PKM-B", "KEC-X", "KEL-1"])
        #expect(json.arrayValue?[2]["parent"] == "DINKES")
        #expect(json.arrayValue?[2]["depth"] == 2)
        #expect(json.arrayValue?[0]["parent"]?.isNull == true)
    }

    @Test func aFilterByUnitIncludesEveryUnitUnderIt() throws {
        let f = try HierarchyFixture()
        try f.answer("PKM-A", 4, count: 3)
        try f.answer("PKM-B", 3, count: 1)
        try f.answer("KEL-1", 2, count: 2)
        #expect(try f.ikm(units: ["PKM-A"]).respondents == 3)
        #expect(try f.ikm(units: ["DINKES"]).respondents == 4)
        #expect(try f.ikm(units: ["DINKES"]).ikm == 93.75)
        #expect(try f.ikm(units: ["KEC-X"]).respondents == 2)
        #expect(try f.ikm(units: ["KAB"]).respondents == 6)
        #expect(try f.ikm(units: ["DINKES", "PKM-A"]).respondents == 4)  // each unit once
        // The same rule for listings, exports and services in scope.
        #expect(try f.service.responses(SurveyFilter(units: ["DINKES"])).count == 4)
        var exported = 0
        _ = try f.service.export(ExportOptions(format: .jsonl, filter: SurveyFilter(units: ["KAB"]))) { _ in exported += 1 }
        #expect(exported == 6)
        #expect(
            try f.service.computeIKM(IKMRequest(filter: SurveyFilter(units: ["DINKES"]), aggregation: .meanOfServices))
                .servicesWithoutRespondents.map(\.unitCode) == ["DINKES"])
        #expect(
            try f.service.computeIKM(IKMRequest(filter: SurveyFilter(units: ["KEC-X"], services: ["LYN"]))).result.respondents
                == 2)
    }

    @Test func movingAUnitMovesItsFigures() throws {
        let f = try HierarchyFixture()
        try f.answer("PKM-B", 4, count: 2)
        let moved = try f.service.moveUnit("pkm-b", parent: "KEC-X")
        #expect(moved.parentID == (try f.service.resolveUnit("KEC-X").id))
        #expect(try f.ikm(units: ["DINKES"]).respondents == 0)
        #expect(try f.ikm(units: ["KEC-X"]).respondents == 2)
        let top = try f.service.moveUnit("KEC-X", parent: nil)
        #expect(top.parentID == nil)
        #expect(try f.ikm(units: ["KAB"]).respondents == 0)
    }

    @Test func aCycleIsRefusedAndNothingChanges() throws {
        let f = try HierarchyFixture()
        let before = try f.service.units()
        for (unit, parent) in [("KAB", "PKM-A"), ("DINKES", "DINKES"), ("KAB", "KEL-1")] {
            let error = skmError { _ = try f.service.moveUnit(unit, parent: parent) }
            #expect(error?.code == .unitCycle)
            #expect(error?.field == "parent")
        }
        #expect(try f.service.units() == before)
    }

    @Test func badParentsAndPopulationsStoreNothing() throws {
        let f = try HierarchyFixture()
        let before = try f.service.units()
        #expect(skmError { _ = try f.service.addUnit(code: "PKM-C", name: "C", parent: "NOPE") }?.code == .unknownUnit)
        #expect(skmError { _ = try f.service.addUnit(code: "PKM-C", name: "C", population: 0) }?.code == .invalidPopulation)
        #expect(skmError { _ = try f.service.setUnitPopulation("PKM-A", population: -5) }?.code == .invalidPopulation)
        #expect(skmError { _ = try f.service.moveUnit("PKM-A", parent: "NOPE") }?.code == .unknownUnit)
        #expect(try f.service.units() == before)
        let recorded = try f.service.setUnitPopulation("PKM-A", population: 500)
        #expect(recorded.population == 500)
        #expect(try f.service.resolveUnit("PKM-A").population == 500)
    }
}
