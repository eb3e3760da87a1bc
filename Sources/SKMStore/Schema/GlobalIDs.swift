/// Migration 8: a globally unique id on every response, every void and every import batch, so a
/// merge (`Store.merge`) recognises what it has already carried, whatever route it came by.
///
/// - Format: 32 lowercase hexadecimal digits (128 random bits, `lower(hex(randomblob(16)))`),
///   the format of `skm_identity.uuid`. Assigned when a row is stored and never changed.
/// - `responses.uuid`: the response's id; a merged response keeps the id it has in its source.
/// - `responses.void_uuid`: the void's id. A response is voided at most once, so a void is one
///   row's state and gets its id as a column beside `voided_at` and `void_reason` rather than a
///   table of its own: every read that skips voided responses stays a test of one column, and a
///   void carried by a merge is recognised by this id.
/// - `import_batches.uuid`: the batch's id; a merged batch keeps it.
///
/// Existing rows are backfilled with random ids. `responses.uuid` has no index: an index of
/// random keys slows every import (see `ImportBatchSchema`), and a merge reads the ids it needs
/// once (`Store.responseUUIDs`). Triggers keep the ids fixed once set.
enum GlobalIDs {
    static let random = "lower(hex(randomblob(16)))"

    static let migration = [
        "ALTER TABLE responses ADD COLUMN uuid TEXT",
        "ALTER TABLE responses ADD COLUMN void_uuid TEXT",
        "ALTER TABLE import_batches ADD COLUMN uuid TEXT",
        "UPDATE responses SET uuid = \(random)",
        "UPDATE responses SET void_uuid = \(random) WHERE voided_at IS NOT NULL",
        "UPDATE import_batches SET uuid = \(random)",
        "CREATE UNIQUE INDEX import_batches_by_uuid ON import_batches(uuid)",
        """
        CREATE TRIGGER responses_uuid_fixed BEFORE UPDATE OF uuid ON responses
        WHEN OLD.uuid IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a response keeps its uuid'); END
        """,
        """
        CREATE TRIGGER responses_void_uuid_fixed BEFORE UPDATE OF void_uuid ON responses
        WHEN OLD.void_uuid IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a void keeps its uuid'); END
        """,
        """
        CREATE TRIGGER import_batches_uuid_fixed BEFORE UPDATE OF uuid ON import_batches
        WHEN OLD.uuid IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'an import batch keeps its uuid'); END
        """,
    ]
}
