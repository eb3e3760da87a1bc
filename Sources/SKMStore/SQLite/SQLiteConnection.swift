import CSQLite
import SKMCore

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

    static let defaultBusyTimeoutMilliseconds: Int32 = 30_000

    /// Process-wide SQLite settings, applied once before the first connection.
    static let configured: Bool = csqlite_disable_memory_statistics() == SQLITE_OK

    init(path: String, busyTimeoutMilliseconds: Int32 = defaultBusyTimeoutMilliseconds) throws {
        self.path = path
        _ = Self.configured
        try SQLiteConnection.createPrivately(path)
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "kode \(rc)"
            if let db { sqlite3_close_v2(db) }
            throw SKMError(.databaseError, "Basis data \(path) tidak dapat dibuka: \(message).")
        }
        handle = db
        sqlite3_busy_timeout(db, busyTimeoutMilliseconds)
        sqlite3_extended_result_codes(db, 1)
        do {
            try execute("PRAGMA journal_mode=WAL")
            try execute("PRAGMA synchronous=FULL")
            // References are declared but not checked on every insert (a third of a bulk import's
            // time): skm writes only ids it resolved from the registry, registry rows cannot be
            // deleted (triggers), and `skm check` runs PRAGMA foreign_key_check.
            try execute("PRAGMA foreign_keys=OFF")
        } catch {
            sqlite3_close_v2(db)
            throw error
        }
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
        throw SKMError(.fileError, "Berkas basis data \(path) tidak dapat dibuat: \(reason). Periksa bahwa foldernya ada dan dapat ditulisi.")
    }

    func execute(_ sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if rc != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? ""
            sqlite3_free(errorMessage)
            throw SQLiteConnection.error(code: rc, message: message, path: path)
        }
    }

    func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else {
            throw SQLiteConnection.error(code: rc, message: lastErrorMessage, path: path)
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
            try execute(nested ? "RELEASE nested" : "COMMIT")
            return result
        } catch {
            try? execute(nested ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK")
            throw error
        }
    }

    static func error(code: Int32, message: String, path: String) -> SKMError {
        let primary = code & 0xFF
        if primary == SQLITE_BUSY || primary == SQLITE_LOCKED {
            return SKMError(
                .databaseBusy,
                "Basis data sedang dipakai program lain terlalu lama; tidak ada yang disimpan. Coba lagi sebentar lagi.",
                details: ["sqlite": .string(message)])
        }
        if primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB {
            return SKMError(
                .databaseError, "Berkas \(path) rusak atau bukan basis data skm (\(message)). Pulihkan dari cadangan.",
                details: ["sqlite": .string(message)])
        }
        if primary == SQLITE_FULL {
            return SKMError(.databaseError, "Disk penuh; tidak ada yang disimpan. Kosongkan ruang disk lalu coba lagi.")
        }
        if primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN || primary == SQLITE_PERM {
            return SKMError(
                .fileError, "Basis data \(path) tidak dapat ditulisi (\(message)). Periksa izin berkas dan foldernya.")
        }
        return SKMError(.databaseError, "Kesalahan basis data: \(message).", details: ["sqlite": .string(message)])
    }
}
