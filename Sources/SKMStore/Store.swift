import SKMCore

/// The skm database: one SQLite file holding the registry, every response ever entered (voided
/// ones included), the audit log and the running aggregates.
///
/// A `Store` is one connection; use it from one thread at a time. Several processes may open the
/// same file at once: writes wait for each other (busy timeout) rather than fail.
public final class Store {
    public let path: String
    let db: SQLiteConnection
    var cachedStatements: [String: Statement] = [:]

    /// Opens (creating if needed) and migrates the database at `path`.
    public init(path: String) throws {
        self.path = path
        db = try SQLiteConnection(path: path)
        try db.migrate()
        try db.execute("PRAGMA cache_size = -16000")
    }

    /// The schema version of the file (after migration, the latest).
    public func schemaVersion() throws -> Int {
        try db.prepare("PRAGMA user_version").first { $0.int(0) } ?? 0
    }

    public static var latestSchemaVersion: Int { Migrations.latestVersion }

    /// A prepared statement kept for the life of the store (hot paths prepare once).
    func statement(_ sql: String) throws -> Statement {
        if let cached = cachedStatements[sql] { return cached }
        let prepared = try db.prepare(sql)
        cachedStatements[sql] = prepared
        return prepared
    }

    func audit(action: String, responseID: Int64?, detail: String?, at: String) throws {
        try statement("INSERT INTO audit_log(at, action, response_id, detail) VALUES (?, ?, ?, ?)")
            .run([.text(at), .text(action), responseID.map { .int($0) } ?? .null, .optional(detail)])
    }

    /// Appends a maintenance event to the audit trail.
    public func audit(action: String, detail: String?, at: String) throws {
        try audit(action: action, responseID: nil, detail: detail, at: at)
    }

    /// The audit trail, oldest first.
    public func auditLog(responseID: Int64? = nil) throws -> [AuditEntry] {
        let sql =
            responseID == nil
            ? "SELECT id, at, action, response_id, detail FROM audit_log ORDER BY id"
            : "SELECT id, at, action, response_id, detail FROM audit_log WHERE response_id = ? ORDER BY id"
        return try db.prepare(sql).rows(responseID.map { [.int($0)] } ?? []) { row in
            AuditEntry(
                id: row.int64(0), at: row.text(1), action: row.text(2),
                responseID: row.isNull(3) ? nil : row.int64(3), detail: row.optionalText(4))
        }
    }
}

/// One line of the append-only audit log.
public struct AuditEntry: Sendable, Equatable {
    public let id: Int64
    public let at: String
    public let action: String
    public let responseID: Int64?
    public let detail: String?
}
