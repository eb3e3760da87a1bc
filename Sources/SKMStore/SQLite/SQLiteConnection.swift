import CSQLite
import SKMCore
import SKMJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One connection to an SQLite database file, with skm's durability settings.
///
/// WAL journal, `synchronous=FULL` (a commit is on disk before it returns, so an acknowledged
/// response survives a power cut) and a busy timeout, so two skm processes writing at once wait
/// for each other instead of failing with "database is locked".
final class SQLiteConnection {
    let handle: OpaquePointer
    let path: String
    let mode: OpenMode
    /// When set, every outermost write transaction updates the identity row before COMMIT.
    var stampsWrites = false

    static let defaultBusyTimeoutMilliseconds: Int32 = 30_000

    /// Process-wide SQLite settings, applied once before the first connection.
    static let configured: Bool = csqlite_disable_memory_statistics() == SQLITE_OK

    /// How a connection opens its file. None of them creates the file (`createPrivately` does).
    enum OpenMode {
        case readWrite
        /// Through the WAL like any reader, but never writing the database or its -wal.
        case readOnly
        /// The main file alone, ignoring any -wal and taking no locks: for a folder or disk where
        /// nothing can write (no -wal can exist there) or to read what the main file holds.
        case immutable
    }

    init(path: String, mode: OpenMode = .readWrite, busyTimeoutMilliseconds: Int32 = defaultBusyTimeoutMilliseconds) throws {
        self.path = path
        self.mode = mode
        _ = Self.configured
        var db: OpaquePointer?
        let rc: Int32
        switch mode {
        case .readWrite:
            rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil)
        case .readOnly:
            rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        case .immutable:
            rc = sqlite3_open_v2(
                Self.uri(path) + "?immutable=1", &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nil)
        }
        guard rc == SQLITE_OK, let db else {
            let code = db.map { sqlite3_extended_errcode($0) } ?? rc
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "kode \(rc)"
            let systemErrno = db.map { sqlite3_system_errno($0) } ?? 0
            if let db { sqlite3_close_v2(db) }
            throw SQLiteConnection.error(code: code, message: message, path: path, systemErrno: systemErrno)
        }
        handle = db
        sqlite3_busy_timeout(db, busyTimeoutMilliseconds)
        sqlite3_extended_result_codes(db, 1)
        AggregateFunctions.register(on: db)
    }

    /// skm's settings for a connection that is used (not just inspected); run after the first
    /// read, since these pragmas read the schema.
    func configure() throws {
        try execute("PRAGMA synchronous=FULL")
        // References are declared but not checked on every insert (a third of a bulk import's
        // time): skm writes only ids it resolved from the registry, registry rows cannot be
        // deleted (triggers), and `skm check` runs PRAGMA foreign_key_check.
        try execute("PRAGMA foreign_keys=OFF")
    }

    /// `path` as an SQLite URI filename (the characters that URIs give a meaning escaped).
    static func uri(_ path: String) -> String {
        var escaped = ""
        for character in path {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.append(character)
            }
        }
        return "file:" + (escaped.hasPrefix("//") ? "//localhost" : "") + escaped
    }

    /// Whether SQLite opened the file read-only (asked for, or the file is not writable).
    var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    /// Switches the file to WAL (readers and one writer at once) unless it is already.
    func useWAL() throws {
        let current = try prepare("PRAGMA journal_mode").first { $0.text(0) } ?? ""
        if current.lowercased() != "wal" { try execute("PRAGMA journal_mode=WAL") }
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Creates the file readable and writable by its owner only (SQLite gives the -wal and -shm
    /// files the same mode), so a year of citizens' answers is not world-readable.
    static func createPrivately(_ path: String) throws {
        if access(path, F_OK) == 0 { return }
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        if fd >= 0 {
            close(fd)
            return
        }
        if errno == EEXIST { return }
        let reason = SystemErrorText.current
        throw SKMError(
            .fileError, "Berkas basis data \(path) tidak dapat dibuat: \(reason). Periksa bahwa foldernya ada dan dapat ditulisi."
        )
    }

    func execute(_ sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if rc != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? ""
            sqlite3_free(errorMessage)
            throw error(code: rc, message: message)
        }
    }

    func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else {
            throw error(code: rc, message: lastErrorMessage)
        }
        return Statement(handle: statement, connection: self)
    }

    var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    var changes: Int { Int(sqlite3_changes(handle)) }

    /// Runs `body` in a transaction; `immediate` takes the write lock up front, so a writer never
    /// fails half-way when another process is writing. Inside an open transaction it nests as a
    /// savepoint, so the outer transaction still decides.
    func transaction<T>(immediate: Bool = true, _ body: () throws -> T) throws -> T {
        let nested = sqlite3_get_autocommit(handle) == 0
        try execute(nested ? "SAVEPOINT nested" : (immediate ? "BEGIN IMMEDIATE" : "BEGIN"))
        do {
            let result = try body()
            if !nested && stampsWrites { try stampWrite() }
            try execute(nested ? "RELEASE nested" : "COMMIT")
            return result
        } catch {
            try? execute(nested ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK")
            throw error
        }
    }

    /// Updates the identity row (generation, response bookkeeping); part of every write
    /// transaction, called just before COMMIT.
    func stampWrite() throws {
        try execute(Identity.stamp)
    }

    /// The error for a failed call on this connection, with the operating system's errno.
    func error(code: Int32, message: String) -> SKMError {
        SQLiteConnection.error(code: code, message: message, path: path, systemErrno: sqlite3_system_errno(handle))
    }
}
