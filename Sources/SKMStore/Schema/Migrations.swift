import SKMCore

/// The schema, as an ordered list of migrations. `PRAGMA user_version` records how many have been
/// applied; opening a file applies the missing ones in one write transaction each.
///
/// 1. The records: units, services, custom questionnaires, responses (never deleted; voided with
///    a reason) and the audit log. Triggers make deletion and rewriting impossible.
/// 2. Running aggregates per (questionnaire, day, unit, service), backfilled from the responses,
///    so an IKM for any period is a sum over a few rows.
/// 3. Performance plans (IKU) with every loaded version, realised values and AKIP evaluations,
///    all append-only: a correction is a new row, the latest row is the current value.
/// 4. The identity row (`Identity`): which database this is, a generation counter and the
///    response bookkeeping `skm check` compares with the table.
/// 5. Import batches and the batch and row fingerprint of imported responses (`ImportBatchSchema`).
/// 6. One aggregate row per (questionnaire, day, unit, service) holding every unsur's counts
///    (`AggregateRows`), converted from migration 2's tables, which are dropped.
/// 7. The follow-up register: RTL items and the publication log, append-only (`FollowUpSchema`).
/// 8. Visits: several questionnaires answered by one respondent in one sitting (`VisitSchema`).
/// 9. A globally unique id on every response, void and import batch (`GlobalIDs`).
/// 10. The unit hierarchy: a unit's parent and the population it serves (`UnitHierarchy`).
/// 11. Imported aggregate packages, their units and rows, and the view `ikm_rows` every IKM read
///    goes through (`PackageSchema`).
enum Migrations {
    /// Marks a file as an skm database ("SKM1").
    static let applicationID: Int32 = 0x534B_4D31

    static let all: [[String]] = [
        migration1, migration2, migration3, Identity.migration, ImportBatchSchema.migration, AggregateRows.migration,
        FollowUpSchema.migration,
        VisitSchema.migration,
        GlobalIDs.migration,
        UnitHierarchy.migration,
        PackageSchema.migration,
    ]

    static var latestVersion: Int { all.count }

    static let migration1 = [
        """
        CREATE TABLE units(
          id INTEGER PRIMARY KEY,
          code TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL,
          created_at TEXT NOT NULL)
        """,
        """
        CREATE TABLE services(
          id INTEGER PRIMARY KEY,
          unit_id INTEGER NOT NULL REFERENCES units(id),
          code TEXT NOT NULL,
          name TEXT NOT NULL,
          created_at TEXT NOT NULL,
          UNIQUE(unit_id, code))
        """,
        """
        CREATE TABLE questionnaires(
          id TEXT PRIMARY KEY,
          definition TEXT NOT NULL,
          added_at TEXT NOT NULL)
        """,
        """
        CREATE TABLE responses(
          id INTEGER PRIMARY KEY,
          questionnaire TEXT NOT NULL,
          unit_id INTEGER NOT NULL REFERENCES units(id),
          service_id INTEGER NOT NULL REFERENCES services(id),
          day TEXT NOT NULL,
          time_slot TEXT,
          answers TEXT NOT NULL,
          score REAL,
          gender TEXT,
          education TEXT,
          occupation TEXT,
          age INTEGER,
          comment TEXT,
          client_id TEXT,
          created_at TEXT NOT NULL,
          voided_at TEXT,
          void_reason TEXT)
        """,
        "CREATE UNIQUE INDEX responses_by_client_id ON responses(client_id) WHERE client_id IS NOT NULL",
        """
        CREATE TABLE audit_log(
          id INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          action TEXT NOT NULL,
          response_id INTEGER,
          detail TEXT)
        """,
        """
        CREATE TRIGGER responses_never_deleted BEFORE DELETE ON responses
        BEGIN SELECT RAISE(ABORT, 'responses are never deleted; void them instead'); END
        """,
        """
        CREATE TRIGGER responses_content_fixed
        BEFORE UPDATE OF questionnaire, unit_id, service_id, day, time_slot, answers, score, gender,
          education, occupation, age, comment, client_id, created_at ON responses
        BEGIN SELECT RAISE(ABORT, 'a stored response is never rewritten; void it and submit a new one'); END
        """,
        """
        CREATE TRIGGER units_never_deleted BEFORE DELETE ON units
        BEGIN SELECT RAISE(ABORT, 'units are never deleted: responses refer to them'); END
        """,
        """
        CREATE TRIGGER services_never_deleted BEFORE DELETE ON services
        BEGIN SELECT RAISE(ABORT, 'services are never deleted: responses refer to them'); END
        """,
        """
        CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END
        """,
        """
        CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END
        """,
    ]

    static let migration2 = [
        """
        CREATE TABLE daily_totals(
          questionnaire TEXT NOT NULL,
          day TEXT NOT NULL,
          unit_id INTEGER NOT NULL,
          service_id INTEGER NOT NULL,
          respondents INTEGER NOT NULL,
          score_sum REAL NOT NULL,
          score_sumsq REAL NOT NULL,
          PRIMARY KEY(questionnaire, day, unit_id, service_id)) WITHOUT ROWID
        """,
        """
        CREATE TABLE daily_unsur(
          questionnaire TEXT NOT NULL,
          day TEXT NOT NULL,
          unit_id INTEGER NOT NULL,
          service_id INTEGER NOT NULL,
          unsur INTEGER NOT NULL,
          answered INTEGER NOT NULL,
          total INTEGER NOT NULL,
          total_sq INTEGER NOT NULL,
          PRIMARY KEY(questionnaire, day, unit_id, service_id, unsur)) WITHOUT ROWID
        """,
        "INSERT INTO daily_totals " + Schema4Recount.totals,
        "INSERT INTO daily_unsur " + Schema4Recount.unsur,
    ]

    static let migration3 =
        [
            """
            CREATE TABLE iku_plans(
              id TEXT PRIMARY KEY,
              definition TEXT NOT NULL,
              loaded_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE iku_plan_history(
              id INTEGER PRIMARY KEY,
              plan TEXT NOT NULL,
              definition TEXT NOT NULL,
              loaded_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE iku_realizations(
              id INTEGER PRIMARY KEY,
              plan TEXT NOT NULL,
              indicator TEXT NOT NULL,
              year INTEGER NOT NULL,
              value REAL NOT NULL,
              numerator REAL,
              denominator REAL,
              note TEXT,
              entered_at TEXT NOT NULL,
              entered_by TEXT)
            """,
            "CREATE INDEX iku_realizations_by_key ON iku_realizations(plan, indicator, year, id)",
            """
            CREATE TABLE akip_evaluations(
              id INTEGER PRIMARY KEY,
              year INTEGER NOT NULL,
              scheme TEXT NOT NULL,
              evaluation TEXT NOT NULL,
              total REAL NOT NULL,
              predikat TEXT NOT NULL,
              entered_at TEXT NOT NULL,
              entered_by TEXT)
            """,
            "CREATE INDEX akip_evaluations_by_year ON akip_evaluations(year, id)",
        ]
        + ["iku_plan_history", "iku_realizations", "akip_evaluations"].flatMap { table in
            [
                "CREATE TRIGGER \(table)_append_only_update BEFORE UPDATE ON \(table) BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END",
                "CREATE TRIGGER \(table)_append_only_delete BEFORE DELETE ON \(table) BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END",
            ]
        }
}

/// Migration 2's backfill of its own tables (daily_totals, daily_unsur), kept as it was: a file
/// of schema 1 still passes through schema 2 to 5.
enum Schema4Recount {
    static let totals = """
        SELECT questionnaire, day, unit_id, service_id, COUNT(*), TOTAL(score), TOTAL(score * score)
        FROM responses WHERE voided_at IS NULL
        GROUP BY questionnaire, day, unit_id, service_id
        """

    /// Answers are stored as one digit per unsur ('-' for blank), so position k is unsur k-1.
    static let unsur = """
        WITH RECURSIVE k(i) AS (
          SELECT 1 UNION ALL
          SELECT i + 1 FROM k WHERE i < (SELECT COALESCE(MAX(length(answers)), 0) FROM responses))
        SELECT questionnaire, day, unit_id, service_id, i - 1, COUNT(*), SUM(v), SUM(v * v)
        FROM (SELECT r.questionnaire, r.day, r.unit_id, r.service_id, k.i,
                     CAST(substr(r.answers, k.i, 1) AS INTEGER) AS v
              FROM responses r JOIN k ON k.i <= length(r.answers)
              WHERE r.voided_at IS NULL)
        WHERE v > 0
        GROUP BY questionnaire, day, unit_id, service_id, i
        """
}

/// What a file's header says about it, read without taking the write lock.
struct SchemaFacts {
    let version: Int
    let applicationID: Int
    let objectCount: Int

    /// Another program's SQLite file: it has a schema (or a version) and no skm mark.
    var isForeign: Bool { applicationID != Int(Migrations.applicationID) && (version > 0 || objectCount > 0) }
}

extension SQLiteConnection {
    func schemaFacts() throws -> SchemaFacts {
        SchemaFacts(
            version: try prepare("PRAGMA user_version").first { $0.int(0) } ?? 0,
            applicationID: try prepare("PRAGMA application_id").first { $0.int(0) } ?? 0,
            objectCount: try prepare("SELECT COUNT(*) FROM sqlite_master").first { $0.int(0) } ?? 0)
    }

    /// Refuses files that are not skm's, or from a newer skm, before anything is written to them.
    func refuseUnknown(_ facts: SchemaFacts) throws {
        if facts.isForeign {
            throw SKMError(
                .notSKMDatabase,
                "Berkas \(path) adalah basis data SQLite program lain, bukan basis data skm. Berkas itu tidak diubah; pilih berkas lain dengan --db."
            )
        }
        if facts.version > Migrations.latestVersion {
            throw SKMError(
                .databaseTooNew,
                "Basis data \(path) dibuat oleh skm versi yang lebih baru (skema \(facts.version), versi ini mengenal \(Migrations.latestVersion)). Perbarui skm."
            )
        }
    }

    /// Makes the file ready for skm: checks it is an skm database (or a new one), switches it to
    /// WAL and applies missing migrations. A file at the latest schema is only read (no write
    /// lock), so a reader never waits behind a writer here.
    func prepareSchema() throws {
        let facts = try schemaFacts()
        try refuseUnknown(facts)
        if isReadOnly {
            guard facts.version == Migrations.latestVersion else {
                throw SKMError(
                    .fileError,
                    "Basis data \(path) perlu diperbarui ke skema \(Migrations.latestVersion) tetapi tidak dapat ditulisi. Jalankan skm sekali dengan izin tulis pada berkas dan foldernya."
                )
            }
            return
        }
        do {
            try useWAL()
        } catch let error as SKMError where error.code == .fileError && facts.version == Migrations.latestVersion {
            // A folder where no -wal can be created: the file stays as it is, readable.
        }
        if facts.version < Migrations.latestVersion { try migrate() }
    }

    /// Brings the file to the latest schema (or to `version`, for tests building older files) in
    /// one write transaction (checked again under the lock: another process may have migrated it
    /// meanwhile).
    func migrate(upTo version: Int = Migrations.latestVersion) throws {
        try transaction {
            let facts = try schemaFacts()
            try refuseUnknown(facts)
            if facts.version == 0 { try execute("PRAGMA application_id = \(Migrations.applicationID)") }
            for (index, statements) in Migrations.all.enumerated() where index >= facts.version && index < version {
                for sql in statements { try execute(sql) }
                try execute("PRAGMA user_version = \(index + 1)")
            }
        }
    }
}
