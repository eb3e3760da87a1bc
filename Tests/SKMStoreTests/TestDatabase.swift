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

extension Store {
    /// Edits one unsur's counts in the aggregate rows (of `day`, or every row), as damage to the
    /// file would: the packed row is read, changed and written back.
    func editAggregates(day: String? = nil, unsur index: Int, _ edit: (inout UnsurTally) -> Void) throws {
        let rows = try db.prepare("SELECT questionnaire, day, unit_id, service_id, unsur FROM aggregates").rows([]) { row in
            (row.text(0), row.text(1), row.int64(2), row.int64(3), UnsurBlob.decode(row.blob(4)) ?? [])
        }
        for (questionnaire, rowDay, unit, service, var unsur) in rows where day == nil || rowDay == day {
            edit(&unsur[index])
            let hex = UnsurBlob.encode(unsur).map { String(format: "%02X", $0) }.joined()
            try db.prepare(
                "UPDATE aggregates SET unsur = X'\(hex)' WHERE questionnaire = ? AND day = ? AND unit_id = ? AND service_id = ?"
            ).run([.text(questionnaire), .text(rowDay), .int(unit), .int(service)])
        }
    }
}
