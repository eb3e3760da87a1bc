import CSQLite
import SKMCore

extension SQLiteConnection {
    /// Opens the file for reading and writing or, where the file, its folder or its disk cannot
    /// be written, for reading only.
    ///
    /// A reader of a WAL database needs its -shm file; SQLite creates it, and cannot in a
    /// read-only folder. When no -wal exists there, no process can be writing the database (a
    /// writer would have to create one), so the main file is read as it is (`immutable`).
    static func openForUse(_ path: String) throws -> SQLiteConnection {
        let connection = try openReadable(path)
        try connection.configure()
        return connection
    }

    static func openReadable(_ path: String) throws -> SQLiteConnection {
        let readWrite = try SQLiteConnection(path: path, mode: .readWrite)
        let first = readWrite.probe()
        guard first != SQLITE_OK else { return readWrite }
        guard Self.meansUnwritable(first) else { throw readWrite.error(code: first, message: readWrite.lastErrorMessage) }
        if let readOnly = try? SQLiteConnection(path: path, mode: .readOnly), readOnly.probe() == SQLITE_OK {
            return readOnly
        }
        if DatabaseFile.size(path + "-wal") == nil {
            let immutable = try SQLiteConnection(path: path, mode: .immutable)
            let rc = immutable.probe()
            guard rc == SQLITE_OK else { throw immutable.error(code: rc, message: immutable.lastErrorMessage) }
            return immutable
        }
        throw readWrite.error(code: first, message: readWrite.lastErrorMessage)
    }

    /// Failures that come from not being allowed to create or write the database's files.
    static func meansUnwritable(_ code: Int32) -> Bool {
        let primary = code & 0xFF
        return primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY || primary == SQLITE_PERM
            || code == ExtendedCode.ioerrShmOpen || code == ExtendedCode.ioerrAccess
    }

    /// Reads the schema once (the first read of a WAL database opens its -wal and -shm) and
    /// returns SQLite's result code.
    func probe() -> Int32 {
        var statement: OpaquePointer?
        var rc = sqlite3_prepare_v2(handle, "SELECT COUNT(*) FROM sqlite_master", -1, &statement, nil)
        if rc == SQLITE_OK, let statement {
            rc = sqlite3_step(statement)
            if rc == SQLITE_ROW || rc == SQLITE_DONE { rc = SQLITE_OK }
        }
        sqlite3_finalize(statement)
        return rc
    }
}
