import Foundation
import SKMCore
import SKMStore
import SKMTestSupport
import Testing

@testable import SKMService

/// Issue 11 (items 1, 2, 6, 7) and issue 10 item 2 at the service level; the same cases with real
/// processes are in Scripts/reliability/store_safety.py.
@Suite struct StoreSafetyTests {
    @Test func readsNeverCreateADatabase() throws {
        let f = try ServiceFixture()
        let missing = f.directory + "/belum-ada.sqlite"
        let service = SKMService(databasePath: missing, clock: ServiceFixture.clock)
        #expect(skmError { _ = try service.services(unit: "KEC") }?.code == .fileError)
        #expect(skmError { _ = try service.responses(SurveyFilter(units: ["KEC"])) }?.code == .fileError)
        #expect(skmError { _ = try service.computeIKM(IKMRequest(filter: SurveyFilter(units: ["KEC"]))) }?.code == .fileError)
        #expect(skmError { _ = try service.check() }?.code == .fileError)
        #expect(try service.latestResponse() == nil)
        _ = try service.catalog()
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test func aBackupIsNeverWrittenOverTheDatabaseOrAnExistingFile() throws {
        let f = try ServiceFixture()
        _ = try f.service.submit(f.draft("444444444"))
        let db = f.service.databasePath
        let link = f.directory + "/tautan.sqlite"
        let hard = f.directory + "/keras.sqlite"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: db)
        try FileManager.default.linkItem(atPath: db, toPath: hard)
        for target in [db, link, hard, f.directory + "/./skm.sqlite"] {
            for replacing in [false, true] {
                let error = skmError { _ = try f.service.backup(to: target, replacing: replacing) }
                #expect(error?.code == .fileError, "\(target) replacing \(replacing)")
            }
        }
        let existing = try f.file("ada.txt", "jangan ditimpa")
        #expect(skmError { _ = try f.service.backup(to: existing) }?.message.contains("--force") == true)
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "jangan ditimpa")
        _ = try f.service.backup(to: existing, replacing: true)
        let copy = SKMService(databasePath: existing, clock: ServiceFixture.clock)
        #expect(try copy.check().isHealthy)
        #expect(try copy.existingStore().identity()?.uuid != f.service.existingStore().identity()?.uuid)
        #expect(try f.service.check().isHealthy)
    }

    @Test func restorePutsTheBackupBackAndMovesTheDatabaseAside() throws {
        let f = try ServiceFixture()
        _ = try f.service.submitMany([f.draft("444444444"), f.draft("333333333")])
        let backup = f.directory + "/cadangan.sqlite"
        _ = try f.service.backup(to: backup)
        _ = try f.service.submit(f.draft("222222222"))
        let outcome = try f.service.restore(from: backup)
        #expect(outcome.responses == 2)
        #expect(outcome.movedAside.count >= 1)
        #expect(outcome.movedAside[0].contains("skm.sqlite.sebelum-pulih-"))
        #expect(f.storedCount == 2)
        #expect(try f.service.check().isHealthy)
        #expect(try f.service.existingStore().auditLog().last?.action == "database.restore")
        let aside = SKMService(databasePath: outcome.movedAside[0], clock: ServiceFixture.clock)
        #expect(try aside.existingStore().responseCounts().total == 3)
        let notSKM = try f.file("bukan.sqlite", "teks biasa")
        #expect(skmError { _ = try f.service.restore(from: notSKM) }?.code == .notSKMDatabase)
    }
}
