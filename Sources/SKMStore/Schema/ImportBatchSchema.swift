/// Migration 5: every import is a batch, and every imported response knows its batch and its row
/// fingerprint, so the same file (or the rows of an earlier import inside a grown file) is never
/// stored twice by accident.
///
/// - `import_batches`: one row per committed import (file name, SHA-256 of its bytes, time, rows
///   read, stored and skipped). Rows are never deleted; only `undone_at`/`undo_reason` are set,
///   once, by `skm import undo`. A globally unique id (issue 14) can be added later as a new
///   column (`ALTER TABLE import_batches ADD COLUMN uuid TEXT`) and backfilled: nothing here
///   depends on the integer id outside this database.
/// - `responses.occupation_as_written`: the occupation word a respondent wrote when skm counted
///   it under one of the form's categories (`Petani` → `LAINNYA`).
/// - `responses.import_batch`, `responses.import_key`: the batch and the row fingerprint
///   (`ImportKey`) of an imported response without a client id; NULL for everything else. Not
///   indexed: an index of random 64-bit keys doubled the time of a 300,000-row import; an import
///   that needs them reads them all once (`Store.importedKeys`).
enum ImportBatchSchema {
    static let migration = [
        """
        CREATE TABLE import_batches(
          id INTEGER PRIMARY KEY,
          file_name TEXT NOT NULL,
          sha256 TEXT NOT NULL,
          format TEXT NOT NULL,
          imported_at TEXT NOT NULL,
          rows_read INTEGER NOT NULL,
          rows_stored INTEGER NOT NULL,
          rows_skipped INTEGER NOT NULL,
          again_of INTEGER,
          undone_at TEXT,
          undo_reason TEXT)
        """,
        "CREATE INDEX import_batches_by_sha256 ON import_batches(sha256)",
        "ALTER TABLE responses ADD COLUMN import_batch INTEGER",
        "ALTER TABLE responses ADD COLUMN import_key INTEGER",
        "ALTER TABLE responses ADD COLUMN occupation_as_written TEXT",
        "DROP TRIGGER responses_content_fixed",
        """
        CREATE TRIGGER responses_content_fixed
        BEFORE UPDATE OF questionnaire, unit_id, service_id, day, time_slot, answers, score, gender,
          education, occupation, age, comment, client_id, created_at, import_batch, import_key,
          occupation_as_written ON responses
        BEGIN SELECT RAISE(ABORT, 'a stored response is never rewritten; void it and submit a new one'); END
        """,
        """
        CREATE TRIGGER import_batches_never_deleted BEFORE DELETE ON import_batches
        BEGIN SELECT RAISE(ABORT, 'import batches are never deleted; undo them instead'); END
        """,
        """
        CREATE TRIGGER import_batches_content_fixed
        BEFORE UPDATE OF id, file_name, sha256, format, imported_at, rows_read, rows_stored, rows_skipped, again_of
        ON import_batches
        BEGIN SELECT RAISE(ABORT, 'an import batch is never rewritten'); END
        """,
        """
        CREATE TRIGGER import_batches_undone_once BEFORE UPDATE OF undone_at, undo_reason ON import_batches
        WHEN OLD.undone_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'an import batch is undone once'); END
        """,
    ]
}
