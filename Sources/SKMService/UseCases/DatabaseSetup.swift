import SKMStore

extension SKMService {
    /// Creates the database with its schema when it does not exist yet (or gives an existing
    /// empty file its schema), migrates an older one, and returns the schema version: what
    /// `skm init` does.
    public func initializeDatabase() throws -> Int {
        try initializedStore().schemaVersion()
    }

    /// The schema version of the existing database (a missing file is an error).
    public func schemaVersion() throws -> Int {
        try existingStore().schemaVersion()
    }
}
