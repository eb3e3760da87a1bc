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

    /// Opens and migrates the database at `path`.
    ///
    /// Before SQLite touches the path, it must be a regular file holding an skm database (or an
    /// SQLite file with no schema yet); a missing file is created (owner-only) when `creating`,
    /// and an empty file is accepted only with `acceptingEmptyFile` (`skm init`). A -wal file
    /// that belongs to another database is refused (`WALCheck`). A file that cannot be written
    /// (read-only file, folder or disk) is opened for reading.
    public init(path: String, creating: Bool = true, acceptingEmptyFile: Bool = false) throws {
        self.path = path
        switch try DatabaseFile.inspect(path) {
        case .missing:
            guard creating else {
                throw SKMError(
                    .fileError,
                    "Basis data \(path) belum ada. Jalankan 'skm init' untuk membuatnya, atau pilih berkas lain dengan --db.")
            }
            try SQLiteConnection.createPrivately(path)
        case .empty:
            // SQLite deletes the -wal of an empty main file: never let that happen to one
            // holding data.
            if let walSize = DatabaseFile.size(path + "-wal"), walSize > 0 {
                throw SKMError(
                    .walMismatch,
                    "Berkas \(path) kosong tetapi \(path)-wal berisi data; tidak ada yang diubah. Pindahkan kedua berkas ke tempat aman dan laporkan ke pengelola."
                )
            }
            guard acceptingEmptyFile else {
                throw SKMError(
                    .notSKMDatabase,
                    "Berkas \(path) kosong (0 bait), jadi bukan basis data skm. Berkas itu tidak diubah; untuk memakainya sebagai basis data baru jalankan 'skm init --db \(path)'."
                )
            }
        case .sqlite:
            try WALCheck.verify(path)
        }
        db = try SQLiteConnection.openForUse(path)
        db.stampsWrites = true
        try db.prepareSchema()
        try db.execute("PRAGMA cache_size = -16000")
    }

    /// Whether the file could only be opened for reading.
    public var isReadOnly: Bool { db.isReadOnly }

    /// The identity row: which copy of the database this is, its generation and bookkeeping.
    public func identity() throws -> StoreIdentity? {
        try db.identity()
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
        try db.transaction { try audit(action: action, responseID: nil, detail: detail, at: at) }
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
