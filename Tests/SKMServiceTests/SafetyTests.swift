import Foundation
import SKMCore
import SKMTestSupport
import Testing

@testable import SKMService

/// Hostile text is data, never SQL; the database files stay private; responses carry no
/// personal identifiers (StoreTests checks the columns; the survey is anonymous by regulation).
@Suite struct SafetyTests {
    static let hostile = [
        "x'); DROP TABLE responses; --", "' OR '1'='1", "Robert\"; DELETE FROM units; --", "%_*?\\", "KEC' --",
    ]

    @Test func hostileTextIsStoredVerbatimAndTablesSurvive() throws {
        let f = try ServiceFixture()
        for (i, text) in Self.hostile.enumerated() {
            _ = try f.service.addService(unit: "KEC", code: "S\(i)", name: "Layanan " + text)
            var draft = f.draft("444444444", clientID: text)
            draft.comment = "Saran: " + text
            let result = try f.service.submit(draft)
            let stored = try f.service.response(id: result.id)
            #expect(stored.content.comment == "Saran: " + text)
            #expect(stored.clientID == text)
            #expect(try f.service.response(clientID: text)?.id == result.id)
        }
        let names = try f.service.services(unit: "KEC").map(\.name)
        for text in Self.hostile { #expect(names.contains("Layanan " + text)) }
        #expect(f.storedCount == Self.hostile.count)
        #expect(try f.service.units().count == 1)
        #expect(try f.service.check().isHealthy)
    }

    @Test func hostileCodesInFiltersFindNothingAndStoreNothing() throws {
        let f = try ServiceFixture()
        _ = try f.service.submit(f.draft("444444444"))
        for text in Self.hostile {
            let error = skmError { _ = try f.service.responses(SurveyFilter(units: [text])) }
            #expect(error != nil, "filter unit \(text) was accepted")
            #expect(skmError { _ = try f.service.addUnit(code: text, name: "x") } != nil, "unit code \(text) was accepted")
        }
        #expect(f.storedCount == 1)
        #expect(try f.service.units().count == 1)
    }

    @Test func databaseAndItsJournalFilesArePrivate() throws {
        let f = try ServiceFixture()
        _ = try f.service.submit(f.draft("333333333"))
        let base = f.directory + "/skm.sqlite"
        var seen = 0
        for path in [base, base + "-wal", base + "-shm"] where FileManager.default.fileExists(atPath: path) {
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(path) has mode \(String(mode ?? 0, radix: 8))")
            seen += 1
        }
        #expect(seen == 3, "expected the database, -wal and -shm files while the service is open")
    }
}
