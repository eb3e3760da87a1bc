import Foundation
import SKMCore
import SKMService

/// A service on a fresh database in its own temporary folder, with a fixed clock.
final class ServiceFixture {
    let directory: String
    let service: SKMService

    static let clock = FixedClock(date: CivilDate(year: 2026, month: 11, day: 22) ?? CivilDate(dayNumber: 0), instant: "2026-11-22T08:00:00.000Z")

    init(registry: Bool = true) throws {
        directory = NSTemporaryDirectory() + "skm-service-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        service = SKMService(databasePath: directory + "/skm.sqlite", clock: Self.clock)
        if registry {
            _ = try service.addUnit(code: "KEC", name: "Kecamatan Uji")
            _ = try service.addService(unit: "KEC", code: "KTP", name: "KTP-el")
            _ = try service.addService(unit: "KEC", code: "SKET", name: "Surat Keterangan")
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Writes `text` to a file in the fixture folder and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func draft(_ answers: String, service: String = "KTP", date: String = "2025-03-14", clientID: String? = nil) -> ResponseDraft {
        ResponseDraft(unit: "KEC", service: service, date: date, answers: .byQuestion(AnswerText.parse(answers)), clientID: clientID)
    }

    var storedCount: Int { (try? service.store().responseCounts().total) ?? -1 }
}

/// The error a throwing call raised, if it was an `SKMError`.
func skmError(_ body: () throws -> Void) -> SKMError? {
    do {
        try body()
        return nil
    } catch let error as SKMError {
        return error
    } catch {
        return nil
    }
}
