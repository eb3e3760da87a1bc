import SKMCore
import SKMStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension SKMService {
    /// A consistent copy of the database at `path` (may run while others write). Refuses the
    /// database itself (by file identity), an existing file unless `replacing`, and a database
    /// that fails SQLite's quick check. Returns the number of pages copied.
    public func backup(to path: String, replacing: Bool = false) throws -> Int {
        let target = path.trimmingSpaces()
        guard !target.isEmpty else { throw SKMError(.missingField, "Nama berkas cadangan wajib diisi.", field: "path") }
        return try existingStore().backup(to: target, replacing: replacing)
    }

    /// Replaces the database with a copy of the backup at `path`, moving the current file and
    /// its -wal and -shm aside (never deleting them). The current database is not opened.
    public func restore(from path: String) throws -> RestoreOutcome {
        let backup = path.trimmingSpaces()
        guard !backup.isEmpty else { throw SKMError(.missingField, "Nama berkas cadangan wajib diisi.", field: "path") }
        openedStore = nil
        invalidateCaches()
        let stamp = String(clock.timestamp().prefix(19)).filter { $0 != "-" && $0 != ":" } + "Z"
        let outcome = try Store.restore(backup: backup, onto: databasePath, stamp: stamp)
        try existingStore().audit(action: "database.restore", detail: backup, at: clock.timestamp())
        return outcome
    }

    /// Recomputes the aggregates from the responses and checks again.
    public func repairAggregates() throws -> StoreCheck {
        let store = try existingStore()
        try store.rebuildAggregates()
        try store.audit(action: "aggregates.rebuild", detail: nil, at: clock.timestamp())
        return try store.check()
    }

    /// Integrity check, reference check, bookkeeping and a recount of every aggregate.
    public func check() throws -> StoreCheck {
        try existingStore().check()
    }
}
