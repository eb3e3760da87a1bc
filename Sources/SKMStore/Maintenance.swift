import CSQLite
import SKMCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `skm check` found.
public struct StoreCheck: Sendable {
    /// SQLite's own verdict ("ok", or the problems it lists).
    public let integrity: [String]
    /// References to units or services that do not exist.
    public let foreignKeys: [String]
    /// Aggregate rows that differ from a recount of the responses.
    public let aggregates: [String]

    public var isHealthy: Bool { integrity == ["ok"] && foreignKeys.isEmpty && aggregates.isEmpty }
}

extension Store {
    /// Runs SQLite's integrity check, the reference check and a recount of every aggregate.
    public func check() throws -> StoreCheck {
        let integrity = try db.prepare("PRAGMA integrity_check").rows([], { $0.text(0) })
        let foreign = try db.prepare("PRAGMA foreign_key_check").rows([], { row in
            "\(row.text(0)) baris \(row.int(1)) menunjuk \(row.text(2)) yang tidak ada"
        })
        return StoreCheck(integrity: integrity, foreignKeys: foreign, aggregates: try aggregateDiscrepancies())
    }

    /// Rebuilds the running aggregates from the responses (they are derived data; the responses
    /// themselves are not touched).
    public func rebuildAggregates() throws {
        try db.transaction {
            try db.execute("DELETE FROM daily_totals")
            try db.execute("DELETE FROM daily_unsur")
            try db.execute("INSERT INTO daily_totals " + RecountSQL.totals)
            try db.execute("INSERT INTO daily_unsur " + RecountSQL.unsur)
        }
    }

    /// Copies the database to `destination` with SQLite's online backup: a consistent snapshot
    /// taken in one read transaction, while other processes keep writing (WAL readers do not
    /// block writers, and one step cannot be restarted by their commits).
    /// The copy is written to `destination.tmp` and renamed into place when complete.
    public func backup(to destination: String) throws -> Int {
        let temporary = destination + ".tmp"
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) }
        try SQLiteConnection.createPrivately(temporary)
        var target: OpaquePointer?
        guard sqlite3_open_v2(temporary, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK, let target else {
            if let target { sqlite3_close_v2(target) }
            unlink(temporary)
            throw SKMError(.fileError, "Berkas cadangan \(destination) tidak dapat dibuat: \(SystemErrorText.current).")
        }
        defer { sqlite3_close_v2(target) }
        guard let backup = sqlite3_backup_init(target, "main", db.handle, "main") else {
            let message = String(cString: sqlite3_errmsg(target))
            unlink(temporary)
            throw SKMError(.databaseError, "Cadangan tidak dapat dimulai: \(message).")
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
            unlink(temporary)
            throw SQLiteConnection.error(code: rc, message: String(cString: sqlite3_errmsg(target)), path: destination)
        }
        // The copy is a rollback-journal file of its own, complete on disk before it is renamed.
        sqlite3_exec(target, "PRAGMA journal_mode=DELETE", nil, nil, nil)
        guard rename(temporary, destination) == 0 else {
            unlink(temporary)
            throw SKMError(.fileError, "Berkas cadangan \(destination) tidak dapat disimpan: \(SystemErrorText.current).")
        }
        return pages
    }
}
