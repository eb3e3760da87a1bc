import SKMCore
import SKMStore

/// How many responses the database holds: all of them, the voided ones, and the active ones that
/// every IKM counts.
public struct ResponseCounts: Sendable, Equatable {
    /// Every response stored, voided ones included.
    public let total: Int
    /// The responses voided with a reason (kept, but counted in no IKM).
    public let voided: Int

    /// Counts as read from the store.
    public init(total: Int, voided: Int) {
        self.total = total
        self.voided = voided
    }

    /// The responses that count: stored and not voided.
    public var active: Int { total - voided }
}

extension SKMService {
    /// The response counts of the database; a database not created yet holds none (and is not
    /// created by asking).
    public func responseCounts() throws -> ResponseCounts {
        guard openedStore != nil || databaseExists else { return ResponseCounts(total: 0, voided: 0) }
        let counts = try existingStore().responseCounts()
        return ResponseCounts(total: counts.total, voided: counts.voided)
    }
}
