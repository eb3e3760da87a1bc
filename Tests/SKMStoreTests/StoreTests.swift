import Foundation
import SKMCore
import Testing

@testable import SKMStore

@Suite struct StoreTests {
    @Test func aNewFileIsPrivateAndAtTheLatestSchema() throws {
        let db = TestDatabase()
        let store = try Store(path: db.path)
        #expect(try store.schemaVersion() == Store.latestSchemaVersion)
        let attributes = try FileManager.default.attributesOfItem(atPath: db.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let journal = try store.db.prepare("PRAGMA journal_mode").first { $0.text(0) }
        #expect(journal == "wal")
        let sync = try store.db.prepare("PRAGMA synchronous").first { $0.int(0) }
        #expect(sync == 2)  // FULL
    }

    /// The survey is anonymous: no column can hold a name, an NIK or a contact.
    @Test func responsesHaveNoPersonalIdentifierColumns() throws {
        let db = TestDatabase()
        let store = try Store(path: db.path)
        let columns = try store.db.prepare("SELECT name FROM pragma_table_info('responses')").rows([]) { $0.text(0) }
        #expect(columns.contains("answers"))
        let personal = ["name", "nama", "nik", "phone", "telepon", "email", "address", "alamat", "ip"]
        #expect(columns.filter { personal.contains($0) }.isEmpty, "\(columns)")
    }

    @Test func responsesSurviveReopeningAndFeedTheAggregates() throws {
        let db = TestDatabase()
        let answers: [[UInt8]] = [[4, 3, 4, 3, 4, 4, 3, 3, 4], [3, 3, 0, 4, 4, 3, 3, 2, 3], [2, 2, 2, 2, 2, 2, 2, 2, 2]]
        do {
            let (store, unit, ktp, _) = try db.seeded()
            let outcomes = try store.write(answers.map { response($0, unit: unit, service: ktp, comment: "ruang tunggu panas") })
            #expect(outcomes == [.stored(1), .stored(2), .stored(3)])
        }
        let reopened = try Store(path: db.path)
        let stored = try reopened.response(id: 2)
        #expect(stored?.content.answers == answers[1])
        #expect(stored?.content.comment == "ruang tunggu panas")
        #expect(stored?.content.serviceCode == "KTP")
        let weights = Array(repeating: 1.0 / 9, count: 9)
        let expected = Tally.of(answers, weights: weights)
        let tally = try reopened.overallTally()
        #expect(tally?.respondents == 3)
        #expect(tally?.unsur == expected.unsur)
        #expect(abs((tally?.scoreSum ?? 0) - expected.scoreSum) < 1e-9)
        #expect(try reopened.aggregateDiscrepancies().isEmpty)
    }

    @Test func aClientIDSeenBeforeIsADuplicateOrAConflict() throws {
        let db = TestDatabase()
        let (store, unit, ktp, sket) = try db.seeded()
        let first = response([4, 4, 4, 4, 4, 4, 4, 4, 4], unit: unit, service: ktp, clientID: "form-17")
        #expect(try store.write([first]) == [.stored(1)])
        #expect(try store.write([first]) == [.duplicate(1)])
        let changed = response([4, 4, 4, 4, 4, 4, 4, 4, 3], unit: unit, service: ktp, clientID: "form-17")
        #expect(throws: SKMError.self) { try store.write([changed]) }
        do {
            _ = try store.write([changed])
        } catch let error as SKMError {
            #expect(error.code == .clientIDConflict)
            #expect(error.message.contains("#1"))
        }
        let otherService = response([4, 4, 4, 4, 4, 4, 4, 4, 4], unit: unit, service: sket, clientID: "form-17")
        #expect(throws: SKMError.self) { try store.write([otherService]) }
        #expect(try store.responseCounts().total == 1)
        #expect(try store.overallTally()?.respondents == 1)
    }

    @Test func aDuplicateInsideOneBatchIsRecognised() throws {
        let db = TestDatabase()
        let (store, unit, ktp, _) = try db.seeded()
        let r = response([3, 3, 3, 3, 3, 3, 3, 3, 3], unit: unit, service: ktp, clientID: "x")
        #expect(try store.write([r, r]) == [.stored(1), .duplicate(1)])
    }

    @Test func voidingKeepsTheResponseAndLeavesTheAggregates() throws {
        let db = TestDatabase()
        let (store, unit, ktp, _) = try db.seeded()
        _ = try store.write([
            response([4, 4, 4, 4, 4, 4, 4, 4, 4], unit: unit, service: ktp),
            response([1, 1, 1, 1, 1, 1, 1, 1, 1], unit: unit, service: ktp),
        ])
        let voided = try store.void(id: 2, reason: "salah ketik petugas", at: "2026-01-03T00:00:00Z")
        #expect(voided.isVoided)
        #expect(voided.voidReason == "salah ketik petugas")
        let tally = try store.overallTally()
        #expect(tally?.respondents == 1)
        #expect(tally?.unsur[0].sum == 4)
        #expect(try store.response(id: 2)?.content.answers.first == 1)
        #expect(try store.auditLog(responseID: 2).map(\.action) == ["response.void"])
        #expect(try store.aggregateDiscrepancies().isEmpty)
        #expect(throws: SKMError.self) { try store.void(id: 2, reason: "lagi", at: "x") }
        #expect(throws: SKMError.self) { try store.void(id: 99, reason: "tidak ada", at: "x") }
        #expect(try store.auditLog(responseID: 2).count == 1)
    }

    @Test func responsesCannotBeDeletedOrRewritten() throws {
        let db = TestDatabase()
        let (store, unit, ktp, _) = try db.seeded()
        _ = try store.write([response([4, 4, 4, 4, 4, 4, 4, 4, 4], unit: unit, service: ktp)])
        _ = try store.void(id: 1, reason: "uji", at: "t")
        #expect(throws: SKMError.self) { try store.db.execute("DELETE FROM responses") }
        #expect(throws: SKMError.self) { try store.db.execute("UPDATE responses SET answers = '111111111'") }
        #expect(throws: SKMError.self) { try store.db.execute("DELETE FROM audit_log") }
        #expect(throws: SKMError.self) { try store.db.execute("UPDATE audit_log SET detail = 'x'") }
        #expect(try store.responseCounts().total == 1)
        #expect(try store.auditLog().count == 1)
    }

    @Test func aRolledBackWriterLeavesNoTrace() throws {
        let db = TestDatabase()
        let (store, unit, ktp, _) = try db.seeded()
        let writer = try store.writer(createdAt: "t")
        _ = try writer.add(response([4, 4, 4, 4, 4, 4, 4, 4, 4], unit: unit, service: ktp))
        writer.rollback()
        #expect(try store.responseCounts().total == 0)
        #expect(try store.overallTally() == nil)
    }

    @Test func talliesFilterAndGroup() throws {
        let db = TestDatabase()
        let (store, unit, ktp, sket) = try db.seeded()
        _ = try store.write([
            response([4, 4, 4, 4, 4, 4, 4, 4, 4], unit: unit, service: ktp, date: "2025-01-10"),
            response([3, 3, 3, 3, 3, 3, 3, 3, 3], unit: unit, service: sket, date: "2025-02-10"),
            response([2, 2, 2, 2, 2, 2, 2, 2, 2], unit: unit, service: ktp, date: "2025-04-10"),
        ])
        let q1 = ResponseQuery(from: CivilDate(iso: "2025-01-01"), to: CivilDate(iso: "2025-03-31"))
        #expect(try store.tallies(q1, groupBy: .none).first?.tally.respondents == 2)
        let byService = try store.tallies(ResponseQuery(), groupBy: .service)
        #expect(byService.map(\.key) == [.service(id: ktp.id), .service(id: sket.id)])
        #expect(byService.map(\.tally.respondents) == [2, 1])
        let byMonth = try store.tallies(ResponseQuery(serviceIDs: [ktp.id]), groupBy: .month)
        #expect(byMonth.map(\.key) == [.month(YearMonth(year: 2025, month: 1)!), .month(YearMonth(year: 2025, month: 4)!)])
        #expect(try store.tallies(ResponseQuery(questionnaireID: "kepmenpan-25-2004"), groupBy: .none).isEmpty)
    }

    @Test func twoConnectionsWritingAtOnceBothSucceed() async throws {
        let db = TestDatabase()
        let (_, unit, ktp, _) = try db.seeded()
        let path = db.path
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<2 {
                group.addTask {
                    let store = try Store(path: path)
                    for i in 0..<100 {
                        _ = try store.write([
                            response([3, 3, 3, 3, 3, 3, 3, 3, 3], unit: unit, service: ktp, clientID: "w\(worker)-\(i)")
                        ])
                    }
                }
            }
            try await group.waitForAll()
        }
        let store = try Store(path: path)
        #expect(try store.responseCounts().total == 200)
        #expect(try store.overallTally()?.respondents == 200)
        #expect(try store.aggregateDiscrepancies().isEmpty)
    }
}

@Suite struct MigrationTests {
    @Test func anOlderFileGainsTheAggregatesOfItsResponses() throws {
        let db = TestDatabase()
        do {
            // A version-1 file, as the first release of the schema wrote it.
            let connection = try db.rawConnection()
            for sql in Migrations.migration1 { try connection.execute(sql) }
            try connection.execute("PRAGMA application_id = \(Migrations.applicationID)")
            try connection.execute("PRAGMA user_version = 1")
            try connection.execute("INSERT INTO units(code, name, created_at) VALUES ('KEC', 'Kec', 't')")
            try connection.execute("INSERT INTO services(unit_id, code, name, created_at) VALUES (1, 'KTP', 'KTP', 't')")
            try connection.execute(
                """
                INSERT INTO responses(questionnaire, unit_id, service_id, day, answers, score, created_at)
                VALUES ('permenpanrb-14-2017', 1, 1, '2024-05-02', '43434-434', 3.625, 't'),
                       ('permenpanrb-14-2017', 1, 1, '2024-05-02', '222222222', 2.0, 't'),
                       ('permenpanrb-14-2017', 1, 1, '2024-06-02', '111111111', 1.0, 't')
                """)
            try connection.execute("UPDATE responses SET voided_at = 't', void_reason = 'uji' WHERE id = 3")
        }
        let store = try Store(path: db.path)
        #expect(try store.schemaVersion() == Store.latestSchemaVersion)
        let tally = try store.overallTally()
        #expect(tally?.respondents == 2)
        #expect(tally?.unsur[0] == UnsurTally(answered: 2, sum: 6, sumOfSquares: 20))
        #expect(tally?.unsur[5] == UnsurTally(answered: 1, sum: 2, sumOfSquares: 4))  // one blank
        #expect(abs((tally?.scoreSum ?? 0) - 5.625) < 1e-12)
        #expect(try store.aggregateDiscrepancies().isEmpty)
    }

    @Test func aFileFromANewerSkmIsRefused() throws {
        let db = TestDatabase()
        do {
            let connection = try db.rawConnection()
            try connection.execute("PRAGMA application_id = \(Migrations.applicationID)")
            try connection.execute("PRAGMA user_version = 99")
        }
        do {
            _ = try Store(path: db.path)
            Issue.record("a newer schema was opened")
        } catch let error as SKMError {
            #expect(error.code == .databaseTooNew)
        }
    }

    @Test func anotherProgramsDatabaseIsRefused() throws {
        let db = TestDatabase()
        do {
            let connection = try db.rawConnection()
            try connection.execute("CREATE TABLE things(x)")
        }
        do {
            _ = try Store(path: db.path)
            Issue.record("a foreign database was opened")
        } catch let error as SKMError {
            #expect(error.message.contains("bukan basis data skm"))
        }
    }

    @Test func aDriftedAggregateIsFound() throws {
        let db = TestDatabase()
        let (store, unit, ktp, _) = try db.seeded()
        _ = try store.write([response([4, 4, 4, 4, 4, 4, 4, 4, 4], unit: unit, service: ktp)])
        try store.editAggregates(unsur: 2) { $0.sum += 1 }
        try store.db.execute("UPDATE aggregates SET respondents = 5")
        let problems = try store.aggregateDiscrepancies()
        #expect(problems.count == 2)
        #expect(problems.contains { if case .unsurDiffers(_, unsur: 2, _, _) = $0 { true } else { false } })
    }
}
