import CSQLite
import Foundation
import SKMCore
import Testing

@testable import SKMStore

/// The identity row (migration 4), the bookkeeping `check` compares, and SQLite's extended
/// result codes worded in Indonesian.
@Suite struct IdentityTests {
    @Test func everyWriteTransactionAdvancesTheGenerationAndTheBookkeeping() throws {
        let db = TestDatabase()
        let (store, unit, ktp, _) = try db.seeded()
        let before = try #require(try store.identity())
        _ = try store.write([response([4, 4, 4, 4, 4, 4, 4, 4, 4], unit: unit, service: ktp)])
        _ = try store.write([
            response([3, 3, 3, 3, 3, 3, 3, 3, 3], unit: unit, service: ktp),
            response([2, 2, 2, 2, 2, 2, 2, 2, 2], unit: unit, service: ktp),
        ])
        _ = try store.void(id: 1, reason: "uji", at: "2026-01-02T00:00:00Z")
        try store.audit(action: "uji", detail: nil, at: "2026-01-02T00:00:00Z")
        let after = try #require(try store.identity())
        #expect(after.uuid == before.uuid && after.uuid.count == 32)
        #expect(after.generation == before.generation + 4)
        #expect(after.responseCount == 3 && after.lastResponseID == 3)
        #expect(try store.check().isHealthy)
    }

    @Test func checkFindsResponsesTheBookkeepingDoesNotKnow() throws {
        let db = TestDatabase()
        let (store, unit, ktp, _) = try db.seeded()
        _ = try store.write([
            response([4, 4, 4, 4, 4, 4, 4, 4, 4], unit: unit, service: ktp),
            response([3, 3, 3, 3, 3, 3, 3, 3, 3], unit: unit, service: ktp),
        ])
        #expect(try store.check().isHealthy)
        // Rows that did not come through skm's writers (as pages from a WAL that is not the
        // file's own would bring), with aggregates that agree with them: integrity and the
        // recount see nothing wrong; the bookkeeping does.
        try store.db.execute(
            "INSERT INTO responses(questionnaire, unit_id, service_id, day, answers, score, created_at) SELECT questionnaire, unit_id, service_id, day, answers, score, created_at FROM responses"
        )
        try store.db.execute("DELETE FROM aggregates")
        try store.db.execute("INSERT INTO aggregates(\(AggregateRows.columns)) " + AggregateRows.recount)
        let check = try store.check()
        #expect(
            check.findings == [.responseCountDiffers(recorded: 2, actual: 4), .lastResponseIDDiffers(recorded: 2, actual: 4)])
        #expect(!check.responsesAreSound)
    }

    @Test func anOlderFileGetsAnIdentityWithItsCounts() throws {
        let db = TestDatabase()
        do {
            // A file of schema 3 with one response: written as that schema's writers did.
            let connection = try db.rawConnection()
            try connection.migrate(upTo: 1)
            try connection.execute(Schema4File.registry + Schema4File.insert(answers: "444444444", day: "2025-03-14"))
            try connection.migrate(upTo: 3)
        }
        let store = try Store(path: db.path)
        #expect(try store.schemaVersion() == Store.latestSchemaVersion)
        let identity = try #require(try store.identity())
        #expect(identity.responseCount == 1 && identity.lastResponseID == 1)
        #expect(try store.check().isHealthy)
    }

    @Test func aBackupHasAnIdentityOfItsOwn() throws {
        let db = TestDatabase()
        let (store, unit, ktp, _) = try db.seeded()
        _ = try store.write([response([4, 4, 4, 4, 4, 4, 4, 4, 4], unit: unit, service: ktp)])
        _ = try store.backup(to: db.directory + "/cadangan.sqlite", replacing: false)
        let copy = try Store(path: db.directory + "/cadangan.sqlite", creating: false)
        #expect(try copy.identity()?.uuid != store.identity()?.uuid)
        #expect(try copy.identity()?.responseCount == 1)
        #expect(try copy.check().isHealthy)
    }

    @Test func anotherDatabasesWALIsRefusedEvenBesideAFileWithoutIdentity() throws {
        let big = TestDatabase()
        do {
            // As a file from before migration 4 would be: no identity row to compare.
            let connection = try big.rawConnection()
            try connection.useWAL()
            try connection.migrate(upTo: 1)
            try connection.execute(
                Schema4File.registry
                    + "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                    + Schema4File.insert(answers: "434343434", day: "2025-03-14").replacingOccurrences(
                        of: "VALUES (", with: "SELECT "
                    )
                    .replacingOccurrences(of: "NULL);", with: "NULL FROM n;"))
            try connection.migrate(upTo: 3)
        }
        let small = TestDatabase()
        let (other, unit, ktp, _) = try small.seeded()
        _ = try other.write([response([1, 1, 1, 1, 1, 1, 1, 1, 1], unit: unit, service: ktp)])
        try FileManager.default.copyItem(atPath: small.path + "-wal", toPath: big.path + "-wal")
        do {
            _ = try Store(path: big.path)
            Issue.record("another database's -wal was applied")
        } catch let error as SKMError {
            #expect(error.code == .walMismatch)
        }
        try FileManager.default.removeItem(atPath: big.path + "-wal")
        try? FileManager.default.removeItem(atPath: big.path + "-shm")
        #expect(try Store(path: big.path).responseCounts().total == 3000)
    }

    @Test func extendedResultCodesAreWordedInIndonesian() {
        let shmFull = SQLiteConnection.error(
            code: ExtendedCode.ioerrShmSize, message: "disk I/O error", path: "a.sqlite", systemErrno: ENOSPC)
        #expect(shmFull.message.hasPrefix("Disk penuh"))
        let writeFailed = SQLiteConnection.error(
            code: SQLITE_IOERR | (3 << 8), message: "disk I/O error", path: "a.sqlite", systemErrno: EIO)
        #expect(writeFailed.message.contains("Kesalahan baca/tulis disk") && !writeFailed.message.contains("disk I/O error"))
        let shmSizeUnknown = SQLiteConnection.error(code: ExtendedCode.ioerrShmSize, message: "disk I/O error", path: "a.sqlite")
        #expect(shmSizeUnknown.message.contains("Disk penuh"))
        let moved = SQLiteConnection.error(
            code: ExtendedCode.readonlyDBMoved, message: "attempt to write a readonly database", path: "a.sqlite")
        #expect(moved.message.contains("dipindahkan atau dihapus"))
        let cantOpen = SQLiteConnection.error(
            code: SQLITE_CANTOPEN, message: "unable to open database file", path: "a.sqlite", systemErrno: EACCES)
        #expect(cantOpen.message.contains("izin ditolak") && cantOpen.code == .fileError)
        let readOnly = SQLiteConnection.error(
            code: SQLITE_READONLY | (6 << 8), message: "attempt to write a readonly database", path: "a.sqlite")
        #expect(readOnly.message.contains("tidak dapat ditulisi") && !readOnly.message.contains("attempt"))
    }

    @Test func filesThatAreNotSkmDatabasesAreLeftAsTheyAre() throws {
        let db = TestDatabase()
        #expect(FileManager.default.createFile(atPath: db.path, contents: Data()))
        #expect(throws: SKMError.self) { _ = try Store(path: db.path) }
        #expect(try FileManager.default.attributesOfItem(atPath: db.path)[.size] as? Int == 0)
        // An empty main file beside a -wal with data: SQLite would delete the -wal.
        #expect(FileManager.default.createFile(atPath: db.path + "-wal", contents: Data("data".utf8)))
        #expect(throws: SKMError.self) { _ = try Store(path: db.path, acceptingEmptyFile: true) }
        #expect(try String(contentsOfFile: db.path + "-wal", encoding: .utf8) == "data")
        try FileManager.default.removeItem(atPath: db.path + "-wal")
        _ = try Store(path: db.path, acceptingEmptyFile: true)
        for path in ["/dev/null", db.directory] {
            do {
                _ = try Store(path: path)
                Issue.record("\(path) was opened")
            } catch let error as SKMError {
                #expect(error.code == .fileError && error.message.contains("bukan berkas biasa"))
            }
        }
        #expect(!FileManager.default.fileExists(atPath: "/dev/null-wal"))
        let text = db.directory + "/catatan.txt"
        #expect(FileManager.default.createFile(atPath: text, contents: Data("bukan SQLite".utf8)))
        #expect((try? Store(path: text)) == nil)
        #expect(try String(contentsOfFile: text, encoding: .utf8) == "bukan SQLite")
    }
}
