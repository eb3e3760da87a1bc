/// What `restore` did.
public struct RestoreOutcome: Sendable, Equatable {
    /// Where the database (and its -wal and -shm, when present) were moved, or empty when there
    /// was no database at the path.
    public let movedAside: [String]
    /// Responses in the restored database.
    public let responses: Int64

    /// What a restore did: the files it moved aside and the responses now in place.
    public init(movedAside: [String], responses: Int64) {
        self.movedAside = movedAside
        self.responses = responses
    }
}
