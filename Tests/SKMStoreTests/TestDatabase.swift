import Foundation
import SKMCore

@testable import SKMStore

/// A fresh database file in its own temporary folder, removed when the test ends.
final class TestDatabase {
    let directory: String
    let path: String

    init() {
        directory = NSTemporaryDirectory() + "skm-store-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = directory + "/skm.sqlite"
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// A bare SQLite connection to a new file at `path` (no skm schema), to build old or
    /// foreign files.
    func rawConnection() throws -> SQLiteConnection {
        try SQLiteConnection.createPrivately(path)
        return try SQLiteConnection(path: path)
    }

    /// A store with one unit (KEC) and two services (KTP, SKET).
    func seeded() throws -> (Store, UnitRecord, ServiceRecord, ServiceRecord) {
        let store = try Store(path: path)
        let unit = try store.addUnit(code: "KEC", name: "Kecamatan Uji", at: "2026-01-01T00:00:00Z")
        let ktp = try store.addService(unit: unit, code: "KTP", name: "KTP-el", at: "2026-01-01T00:00:00Z")
        let sket = try store.addService(unit: unit, code: "SKET", name: "Surat Keterangan", at: "2026-01-01T00:00:00Z")
        return (store, unit, ktp, sket)
    }
}

/// A response with the given answers (unsur order, 0 = blank).
func response(
    _ answers: [UInt8], unit: UnitRecord, service: ServiceRecord, date: String = "2025-03-14", clientID: String? = nil,
    comment: String? = nil
) -> NewResponse {
    let weights = Array(repeating: 1.0 / Double(answers.count), count: answers.count)
    return NewResponse(
        content: ResponseContent(
            questionnaireID: "permenpanrb-14-2017", unitCode: unit.code, serviceCode: service.code,
            date: CivilDate(iso: date) ?? CivilDate(dayNumber: 0), timeSlot: "08-12", answers: answers,
            respondent: Respondent(gender: "P", education: "SMA", occupation: "SWASTA", age: 30), comment: comment),
        unitID: unit.id, serviceID: service.id, clientID: clientID,
        score: RespondentScore.of(answers: answers, weights: weights))
}

extension Store {
    /// Takes a file back to schema 3, as a file from before migration 4 (the identity row) was:
    /// the later migrations' tables and columns removed, so opening it applies them again.
    func downgradeToSchema3() throws {
        let originalTrigger = Migrations.migration1.first { $0.contains("TRIGGER responses_content_fixed") } ?? ""
        try db.execute(
            """
            DROP TABLE skm_identity; DROP TABLE import_batches;
            DROP TRIGGER responses_content_fixed; ALTER TABLE responses DROP COLUMN import_batch;
            ALTER TABLE responses DROP COLUMN import_key; ALTER TABLE responses DROP COLUMN occupation_as_written;
            """)
        try db.execute(originalTrigger)
        try db.execute("PRAGMA user_version = 3")
    }

    func write(_ responses: [NewResponse]) throws -> [InsertOutcome] {
        let writer = try writer(createdAt: "2026-01-02T00:00:00Z")
        let outcomes = try responses.map { try writer.add($0) }
        try writer.commit()
        return outcomes
    }

    func overallTally() throws -> Tally? {
        try tallies(ResponseQuery(), groupBy: .none).first?.tally
    }
}
