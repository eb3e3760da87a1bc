import Foundation
import SKMCore
import SKMService
import SKMTestSupport

/// A service on a fresh database in its own temporary folder, with a fixed clock.
final class ServiceFixture {
    let workspace: TestWorkspace
    var directory: String { workspace.directory }
    var service: SKMService { workspace.service }

    static let clock = TestWorkspace.clock

    init(registry: Bool = true) throws {
        workspace = try TestWorkspace(name: "service-tests", services: registry ? TestWorkspace.ktpAndSket : [])
    }

    /// Writes `text` to a file in the fixture folder and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func draft(_ answers: String, service: String = "KTP", date: String = "2025-03-14", clientID: String? = nil) -> ResponseDraft
    {
        ResponseDraft(
            unit: "KEC", service: service, date: date, answers: .byQuestion(AnswerText.parse(answers)), clientID: clientID)
    }

    var storedCount: Int { (try? service.responseCounts().total) ?? -1 }
}
