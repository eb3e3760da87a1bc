public import SKMCore
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
        return try check()
    }

    /// Integrity check, reference check, bookkeeping, a recount of every aggregate and the
    /// aggregate rows that cannot be right on their questionnaire's scale.
    public func check() throws -> StoreCheck {
        let store = try existingStore()
        let scales = Dictionary(try catalog().all.map { ($0.id, $0.scale.upperBound) }, uniquingKeysWith: { a, _ in a })
        var implausible = try store.implausibleAggregates(scaleMaximum: scales)
        // A row that cannot be right also differs from the recount: name it once, by what is
        // impossible about it.
        var findings = try store.check().findings.map { finding -> StoreFinding in
            let same: (ImplausibleAggregate) -> Bool
            switch finding {
            case .totalsDiffer(let row, _, _): same = { $0.row == row && $0.unsur == nil }
            case .unsurDiffers(let row, let unsur, _, _): same = { $0.row == row && $0.unsur == unsur }
            default: return finding
            }
            guard let index = implausible.firstIndex(where: same) else { return finding }
            return .implausibleAggregate(implausible.remove(at: index))
        }
        findings += implausible.map { .implausibleAggregate($0) }
        return StoreCheck(findings: findings)
    }
}
