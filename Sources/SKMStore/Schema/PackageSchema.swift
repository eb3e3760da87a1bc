/// Aggregate packages imported from other offices (issue 14): the packages themselves (their
/// whole text kept, so nothing received is ever lost), which units and year each one covers, and
/// their aggregate rows.
///
/// Package rows live beside the office's own `aggregates`, never in it: `skm check --repair`
/// rebuilds `aggregates` from the responses and must not lose them. Every IKM read goes through
/// the view `ikm_rows` (both tables, same columns), so ikm, report and rekap all see them. A
/// unit-year is covered by at most one package at a time: a newer package's rows take the place
/// of the older one's (its `package_units` rows are marked `replaced_by`), so nothing is counted
/// twice.
enum PackageSchema {
    static let migration = [
        """
        CREATE TABLE packages(
          id INTEGER PRIMARY KEY,
          uuid TEXT NOT NULL UNIQUE,
          source TEXT NOT NULL,
          source_generation INTEGER NOT NULL,
          year INTEGER NOT NULL,
          created_at TEXT NOT NULL,
          imported_at TEXT NOT NULL,
          sha256 TEXT NOT NULL,
          row_count INTEGER NOT NULL,
          respondents INTEGER NOT NULL,
          profiles TEXT NOT NULL,
          document TEXT NOT NULL)
        """,
        """
        CREATE TABLE package_units(
          package_id INTEGER NOT NULL REFERENCES packages(id),
          unit_id INTEGER NOT NULL REFERENCES units(id),
          year INTEGER NOT NULL,
          replaced_by INTEGER REFERENCES packages(id),
          PRIMARY KEY(package_id, unit_id))
        """,
        "CREATE INDEX package_units_by_unit ON package_units(unit_id, year)",
        """
        CREATE TABLE package_rows(
          questionnaire TEXT NOT NULL,
          day TEXT NOT NULL,
          unit_id INTEGER NOT NULL,
          service_id INTEGER NOT NULL,
          respondents INTEGER NOT NULL,
          score_sum REAL NOT NULL,
          score_sumsq REAL NOT NULL,
          unsur BLOB NOT NULL,
          package_id INTEGER NOT NULL REFERENCES packages(id),
          PRIMARY KEY(questionnaire, day, unit_id, service_id)) WITHOUT ROWID
        """,
        "CREATE INDEX package_rows_by_unit ON package_rows(unit_id, day)",
        """
        CREATE VIEW ikm_rows AS
        SELECT \(AggregateRows.columns) FROM aggregates
        UNION ALL
        SELECT \(AggregateRows.columns) FROM package_rows
        """,
        """
        CREATE TRIGGER packages_never_deleted BEFORE DELETE ON packages
        BEGIN SELECT RAISE(ABORT, 'imported packages are never deleted'); END
        """,
        """
        CREATE TRIGGER packages_content_fixed BEFORE UPDATE ON packages
        BEGIN SELECT RAISE(ABORT, 'an imported package is never rewritten'); END
        """,
    ]
}
