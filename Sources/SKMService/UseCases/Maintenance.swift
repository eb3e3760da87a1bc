import SKMCore
import SKMStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension SKMService {
    /// A consistent copy of the database at `path` (may run while others write).
    public func backup(to path: String) throws -> Int {
        let target = path.trimmingSpaces()
        guard !target.isEmpty else { throw SKMError(.missingField, "Nama berkas cadangan wajib diisi.", field: "path") }
        guard target != databasePath else {
            throw SKMError(.fileError, "Berkas cadangan tidak boleh sama dengan basis datanya.", field: "path")
        }
        return try existingStore().backup(to: target)
    }

    /// Recomputes the aggregates from the responses and checks again.
    public func repairAggregates() throws -> StoreCheck {
        let store = try existingStore()
        try store.rebuildAggregates()
        try store.audit(action: "aggregates.rebuild", detail: nil, at: clock.timestamp())
        return try store.check()
    }

    /// Integrity check, reference check and a recount of every aggregate.
    public func check() throws -> StoreCheck {
        try existingStore().check()
    }
}
