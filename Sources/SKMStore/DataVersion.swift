import SKMCore

extension Store {
    /// SQLite's `PRAGMA data_version` for this connection: it changes when another connection
    /// (another process) commits to the file, never for this connection's own commits. Reading it
    /// costs no page read, so a long-running server can ask before every request whether what it
    /// cached from the database may be stale.
    public func dataVersion() throws -> Int {
        try statement("PRAGMA data_version").first { $0.int(0) } ?? 0
    }

    /// The ids of the custom questionnaires stored, in id order (definitions never change once
    /// stored, so the ids tell whether the set changed).
    public func customQuestionnaireIDs() throws -> [String] {
        try statement("SELECT id FROM questionnaires ORDER BY id").rows { $0.text(0) }
    }
}
