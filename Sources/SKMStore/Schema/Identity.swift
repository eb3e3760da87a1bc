import SKMCore

/// The database's identity and bookkeeping: one row that every write transaction updates.
///
/// - `uuid` is random per copy of the database (a backup gets its own), so a -wal file left by
///   another database, or by the file a backup was copied over, can be told apart from the
///   database's own.
/// - `generation` grows by one in every write transaction: a WAL holding an older state than the
///   main file is stale.
/// - `response_count` and `last_response_id` are what the writers believe is stored; `skm check`
///   compares them with the responses table.
enum Identity {
    static let migration = [
        """
        CREATE TABLE skm_identity(
          id INTEGER PRIMARY KEY CHECK (id = 1),
          uuid TEXT NOT NULL,
          generation INTEGER NOT NULL,
          response_count INTEGER NOT NULL,
          last_response_id INTEGER NOT NULL)
        """,
        """
        INSERT INTO skm_identity(id, uuid, generation, response_count, last_response_id)
        SELECT 1, lower(hex(randomblob(16))), 0, COUNT(*), COALESCE(MAX(id), 0) FROM responses
        """,
        """
        CREATE TRIGGER skm_identity_never_deleted BEFORE DELETE ON skm_identity
        BEGIN SELECT RAISE(ABORT, 'the identity row is never deleted'); END
        """,
    ]

    /// Run in every write transaction just before COMMIT. Responses are never deleted and get
    /// increasing ids, so the rows added since the last stamp are those above the last id (a
    /// range read, not a count of the table).
    static let stamp = """
        UPDATE skm_identity SET generation = generation + 1,
          response_count = response_count + (SELECT COUNT(*) FROM responses WHERE id > skm_identity.last_response_id),
          last_response_id = max(last_response_id, COALESCE((SELECT MAX(id) FROM responses), 0))
        WHERE id = 1
        """

    /// Gives a copy (a backup) an identity of its own.
    static let renew = "UPDATE skm_identity SET uuid = lower(hex(randomblob(16))) WHERE id = 1"

    static let read = "SELECT uuid, generation, response_count, last_response_id FROM skm_identity WHERE id = 1"
}

/// The identity row as read from a file.
public struct StoreIdentity: Sendable, Equatable {
    /// Random per copy of the database (32 hex digits); a backup gets a new one.
    public let uuid: String
    /// Write transactions committed so far (since the identity row was added).
    public let generation: Int64
    /// Responses the writers recorded (voided ones included).
    public let responseCount: Int64
    /// The highest response id the writers recorded (0 when there is none).
    public let lastResponseID: Int64
}

extension SQLiteConnection {
    /// The database's size in pages, as this connection sees it.
    func pageCount() throws -> Int {
        try prepare("PRAGMA page_count").first { $0.int(0) } ?? 0
    }

    /// The identity row, or nil when the file has none (an skm schema older than version 4).
    func identity() throws -> StoreIdentity? {
        let exists =
            try prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'skm_identity'")
            .first { $0.int(0) } != nil
        guard exists else { return nil }
        return try prepare(Identity.read).first { row in
            StoreIdentity(
                uuid: row.text(0), generation: row.int64(1), responseCount: row.int64(2), lastResponseID: row.int64(3))
        }
    }
}
