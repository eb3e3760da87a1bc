import Foundation
import SKMCore
import Testing

@testable import SKMStore

@Suite struct ImportBatchStoreTests {
    /// The schema of the current release (0.1.0): migrations 1–4. A database written by it is
    /// migrated through every later migration (import batches, and whatever follows) on open.
    static let releaseSchema = 4

    @Test func aReleaseDatabaseIsMigratedThroughEveryLaterMigration() throws {
        let db = TestDatabase()
        do {
            let connection = try db.rawConnection()
            try connection.execute("PRAGMA application_id = \(Migrations.applicationID)")
            for sql in Migrations.all[0] { try connection.execute(sql) }
            try connection.execute("INSERT INTO units(code, name, created_at) VALUES ('KEC', 'Kec', 't')")
            try connection.execute("INSERT INTO services(unit_id, code, name, created_at) VALUES (1, 'KTP', 'KTP', 't')")
            try connection.execute(
                """
                INSERT INTO responses(questionnaire, unit_id, service_id, day, answers, score, created_at)
                VALUES ('permenpanrb-14-2017', 1, 1, '2024-05-02', '444444444', 4.0, 't')
                """)
            // The rest of the release's migrations, as its skm applied them to this file.
            for statements in Migrations.all[1..<Self.releaseSchema] {
                for sql in statements { try connection.execute(sql) }
            }
            try connection.execute("PRAGMA user_version = \(Self.releaseSchema)")
        }
        let store = try Store(path: db.path)
        #expect(try store.schemaVersion() == Store.latestSchemaVersion)
        #expect(try store.importBatches().isEmpty)
        #expect(try store.hasImportedRows() == false)
        #expect(try store.response(id: 1)?.content.answers == [4, 4, 4, 4, 4, 4, 4, 4, 4])
        // The new columns are as fixed as the old ones.
        #expect(throws: (any Error).self) { try store.db.execute("UPDATE responses SET import_batch = 7 WHERE id = 1") }
        #expect(try store.aggregateDiscrepancies().isEmpty)
    }

    @Test func batchesAreNeverDeletedOrRewrittenAndUndoneOnce() throws {
        let db = TestDatabase()
        let (store, unit, ktp, _) = try db.seeded()
        let writer = try store.writer(createdAt: "2026-01-02T00:00:00Z")
        writer.importBatch = 1
        let content = response([4, 4, 4, 4, 4, 4, 4, 4, 4], unit: unit, service: ktp)
        _ = try writer.add(
            NewResponse(content: content.content, unitID: unit.id, serviceID: ktp.id, clientID: nil, score: 4, importKey: 42))
        _ = try writer.add(
            NewResponse(content: content.content, unitID: unit.id, serviceID: ktp.id, clientID: nil, score: 4, importKey: 42))
        try store.recordImportBatch(
            ImportBatch(
                id: 1, fileName: "a.csv", sha256: "ab", format: "csv", importedAt: "2026-01-02T00:00:00Z", rowsRead: 2,
                rowsStored: 2, rowsSkipped: 0))
        try writer.commit()
        #expect(try store.importedKeys().keys == [42, 42])
        #expect(try store.hasImportedRows())
        #expect(try store.activeImportBatch(sha256: "ab")?.id == 1)
        #expect(throws: (any Error).self) { try store.db.execute("DELETE FROM import_batches") }
        #expect(throws: (any Error).self) { try store.db.execute("UPDATE import_batches SET rows_stored = 9") }
        let (undone, outcome) = try store.undoImportBatch(id: 1, reason: "salah berkas", at: "2026-01-03T00:00:00Z")
        #expect(outcome.voided == [1, 2])
        #expect(undone.undoneAt == "2026-01-03T00:00:00Z")
        #expect(try store.importedKeys().keys.isEmpty)
        #expect(try !store.hasImportedRows())
        #expect(try store.activeImportBatch(sha256: "ab") == nil)
        #expect(try store.overallTally()?.respondents ?? 0 == 0)
        #expect(try store.aggregateDiscrepancies().isEmpty)
        let again = #expect(throws: SKMError.self) { try store.undoImportBatch(id: 1, reason: "lagi", at: "t") }
        #expect(again?.code == .importAlreadyUndone)
        #expect(throws: (any Error).self) { try store.db.execute("UPDATE import_batches SET undone_at = NULL") }
    }
}
