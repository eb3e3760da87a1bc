import CSQLite
import SKMCore
import SKMJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Store {
    /// Copies the database to `destination` with SQLite's online backup: a consistent snapshot
    /// taken in one read transaction, while other processes keep writing (WAL readers do not
    /// block writers, and one step cannot be restarted by their commits).
    ///
    /// The destination is never the database itself (compared by device and inode, so symlinks
    /// and hard links are caught too) and an existing file is replaced only when `replacing`.
    /// The copy is written to a new private temporary file beside it (0600, never an existing
    /// file) and renamed into place when complete; it gets an identity of its own, so a -wal
    /// of this database can never be applied to it. Returns the number of pages copied.
    public func backup(to destination: String, replacing: Bool) throws -> Int {
        if let target = DatabaseFile.identity(of: destination),
            ["", "-wal", "-shm"].contains(where: { DatabaseFile.identity(of: path + $0) == target })
        {
            throw SKMError(
                .fileError, "Berkas cadangan \(destination) adalah basis data itu sendiri (atau tautannya); pilih nama lain.",
                field: "path")
        }
        if PrivateFile.exists(destination) && !replacing {
            throw SKMError(
                .fileError, "Berkas \(destination) sudah ada; pilih nama lain, atau tambahkan --force untuk menggantinya.",
                field: "path")
        }
        let problems = try quickCheck()
        guard problems.isEmpty else {
            throw SKMError(
                .databaseCorrupt,
                "Basis data \(path) rusak (\(problems.prefix(3).joined(separator: "; "))), jadi tidak dicadangkan. Jalankan 'skm check' untuk rinciannya.",
                details: ["integrity": .array(problems.prefix(20).map { .string($0) })])
        }
        let temporary = try PrivateFile.create(beside: destination)
        do {
            let pages = try copy(into: temporary.path, destination: destination)
            try temporary.sync()
            try temporary.move(to: destination)
            return pages
        } catch {
            temporary.discard()
            throw error
        }
    }

    /// Runs the online backup into the (new, empty) file at `temporary`.
    func copy(into temporary: String, destination: String) throws -> Int {
        var target: OpaquePointer?
        guard sqlite3_open_v2(temporary, &target, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let target else {
            if let target { sqlite3_close_v2(target) }
            throw SKMError(.fileError, "Berkas cadangan \(destination) tidak dapat dibuat: \(SystemErrorText.current).")
        }
        defer { sqlite3_close_v2(target) }
        guard let backup = sqlite3_backup_init(target, "main", db.handle, "main") else {
            throw SKMError(.databaseError, "Cadangan tidak dapat dimulai: \(String(cString: sqlite3_errmsg(target))).")
        }
        var rc: Int32
        var attempts = 0
        repeat {
            rc = sqlite3_backup_step(backup, -1)
            attempts += 1
            if rc == SQLITE_BUSY || rc == SQLITE_LOCKED { sqlite3_sleep(50) }
        } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && attempts < 600
        let pages = Int(sqlite3_backup_pagecount(backup))
        sqlite3_backup_finish(backup)
        guard rc == SQLITE_DONE else {
            throw SQLiteConnection.error(code: rc, message: String(cString: sqlite3_errmsg(target)), path: destination)
        }
        // The copy is a rollback-journal file of its own, with an identity of its own.
        for sql in ["PRAGMA journal_mode=DELETE", Identity.renew] {
            let step = sqlite3_exec(target, sql, nil, nil, nil)
            guard step == SQLITE_OK else {
                throw SQLiteConnection.error(code: step, message: String(cString: sqlite3_errmsg(target)), path: destination)
            }
        }
        return pages
    }
}
