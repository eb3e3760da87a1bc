/// The follow-up register (issue 16): RTL items and the publication log, both append-only.
///
/// - `rtl_entries`: one row per version of an RTL item. Adding, completing, correcting and
///   cancelling each insert the whole item again with the next `version`; the highest version of
///   a `number` is current. `import_key` (first version of an item imported from
///   `skm-report.json` only) makes the import idempotent.
/// - `publication_entries`: one row per version of a publication entry (version 2 voids it).
///
/// Triggers forbid updating and deleting rows of either table.
enum FollowUpSchema {
    static let migration =
        [
            """
            CREATE TABLE rtl_entries(
              id INTEGER PRIMARY KEY,
              number INTEGER NOT NULL,
              version INTEGER NOT NULL,
              year INTEGER NOT NULL,
              unsur TEXT NOT NULL,
              questionnaire TEXT NOT NULL,
              program TEXT NOT NULL,
              penanggung_jawab TEXT,
              target TEXT NOT NULL,
              planned_on TEXT NOT NULL,
              unit_code TEXT,
              service_code TEXT,
              done_on TEXT,
              evidence TEXT,
              cancelled INTEGER NOT NULL DEFAULT 0,
              reason TEXT,
              action TEXT NOT NULL,
              import_key TEXT,
              recorded_at TEXT NOT NULL,
              UNIQUE(number, version))
            """,
            "CREATE UNIQUE INDEX rtl_entries_by_import_key ON rtl_entries(import_key) WHERE import_key IS NOT NULL",
            """
            CREATE TABLE publication_entries(
              id INTEGER PRIMARY KEY,
              number INTEGER NOT NULL,
              version INTEGER NOT NULL,
              year INTEGER NOT NULL,
              medium TEXT NOT NULL,
              published_on TEXT NOT NULL,
              link TEXT,
              note TEXT,
              void_reason TEXT,
              recorded_at TEXT NOT NULL,
              UNIQUE(number, version))
            """,
        ]
        + ["rtl_entries", "publication_entries"].flatMap { table in
            [
                "CREATE TRIGGER \(table)_append_only_update BEFORE UPDATE ON \(table) BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END",
                "CREATE TRIGGER \(table)_append_only_delete BEFORE DELETE ON \(table) BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END",
            ]
        }
}
