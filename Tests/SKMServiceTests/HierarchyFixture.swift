import SKMCore
import SKMService
import SKMTestSupport

/// A kabupaten with two dinas and their units, each with one service (`LYN`):
///
///     KAB ── DINKES ── PKM-A, PKM-B
///         └─ KEC-X ─── KEL-1
///
/// `answer(unit, value, count)` stores `count` responses answering every unsur with `value`.
final class HierarchyFixture {
    let workspace: TestWorkspace
    var service: SKMService { workspace.service }

    init() throws {
        workspace = try TestWorkspace(name: "hierarchy-tests")
        _ = try service.addUnit(code: "KAB", name: "Kabupaten Uji")
        _ = try service.addUnit(code: "DINKES", name: "Dinas Kesehatan", parent: "KAB")
        _ = try service.addUnit(code: "PKM-A", name: "Puskesmas A", parent: "DINKES")
        _ = try service.addUnit(code: "PKM-B", name: "Puskesmas B", parent: "dinkes")
        _ = try service.addUnit(code: "KEC-X", name: "Kecamatan X", parent: "KAB")
        _ = try service.addUnit(code: "KEL-1", name: "Kelurahan 1", parent: "KEC-X")
        for unit in ["KAB", "DINKES", "PKM-A", "PKM-B", "KEC-X", "KEL-1"] {
            _ = try service.addService(unit: unit, code: "LYN", name: "Layanan")
        }
    }

    func answer(_ unit: String, _ value: Int, count: Int, date: String = "2025-03-14") throws {
        let drafts = (0..<count).map { _ in
            ResponseDraft(
                unit: unit, service: "LYN", date: date,
                answers: .byQuestion(AnswerText.parse(String(repeating: String(value), count: 9))))
        }
        _ = try service.submitMany(drafts)
    }

    func ikm(units: [String], year: Int = 2025) throws -> IKMResult {
        try service.computeIKM(IKMRequest(filter: SurveyFilter(year: year, units: units))).result
    }
}
