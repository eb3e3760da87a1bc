import CSQLite
import SKMCore
import Testing

@testable import SKMStore

/// "No string is ever spliced into SQL", shown rather than promised: every statement SQLite runs
/// while the store handles hostile text is recorded (with `sqlite3_trace_v2`, the text as
/// prepared, before parameters are bound) and none of it may contain the text.
@Suite struct NoSQLSplicingTests {
    final class Recorder {
        var statements: [String] = []
    }

    static let marker = "ZZQ'); DROP TABLE responses; --"

    @Test func hostileTextReachesSQLiteOnlyAsBoundParameters() throws {
        let db = TestDatabase()
        let (store, unit, ktp, _) = try db.seeded()
        let recorder = Recorder()
        let context = Unmanaged.passRetained(recorder)
        defer { context.release() }
        sqlite3_trace_v2(
            store.db.handle, UInt32(SQLITE_TRACE_STMT),
            { _, context, statement, _ in
                guard let context, let statement else { return 0 }
                let recorder = Unmanaged<Recorder>.fromOpaque(context).takeUnretainedValue()
                if let sql = sqlite3_sql(OpaquePointer(statement)) { recorder.statements.append(String(cString: sql)) }
                return 0
            }, context.toOpaque())
        defer { sqlite3_trace_v2(store.db.handle, 0, nil, nil) }

        let m = Self.marker
        let hostileUnit = try store.addUnit(code: "U" + m, name: "Unit " + m, at: "2026-01-01T00:00:00Z")
        _ = try store.addService(unit: hostileUnit, code: "S" + m, name: "Layanan " + m, at: "2026-01-01T00:00:00Z")
        #expect(try store.unit(code: "U" + m)?.name == "Unit " + m)
        #expect(try store.unit(code: "KEC' OR '1'='1") == nil)
        let outcomes = try store.write([
            response([4, 4, 4, 4, 4, 4, 4, 4, 4], unit: unit, service: ktp, clientID: "c" + m, comment: m)
        ])
        guard case .stored(let id) = outcomes.first else {
            Issue.record("not stored: \(outcomes)")
            return
        }
        #expect(try store.response(clientID: "c" + m)?.id == id)
        _ = try store.void(id: id, reason: "alasan " + m, at: "2026-01-02T00:00:00Z")
        try store.audit(action: "uji", detail: m, at: "2026-01-02T00:00:00Z")
        _ = try store.putPlan(id: "p" + m, definition: "{\"x\":\"\(m)\"}", at: "2026-01-02T00:00:00Z")
        #expect(try store.plan(id: "p" + m) != nil)
        _ = try store.addRealisasi(
            plan: "p" + m, indicator: "i" + m, year: 2025, realisasi: Realisasi(value: 1), note: m,
            at: "2026-01-02T00:00:00Z", by: m)
        _ = try store.addAKIP(year: 2025, scheme: m, evaluation: m, total: 70, predikat: "BB", at: "2026-01-02T00:00:00Z", by: m)
        _ = try store.addQuestionnaire(id: "q" + m, definition: m, at: "2026-01-02T00:00:00Z")
        #expect(try store.check().isHealthy)

        #expect(recorder.statements.count >= 10, "the trace saw \(recorder.statements.count) statements")
        let spliced = recorder.statements.filter { $0.contains("ZZQ") }
        #expect(spliced.isEmpty, "text spliced into SQL: \(spliced)")
    }
}
