/// Migration 8: visits — one respondent answering several questionnaires in one sitting (a survey
/// set such as SKM + IPKP + IPAK).
///
/// - `visits`: one row per visit: a random `uuid` (so copies of databases can be merged without
///   clashes), the survey set it was entered as (`zi`, or `custom` for a list given by hand), and
///   when it was stored. Voiding a visit sets `voided_at`/`void_reason` once and voids every
///   response of it in the same transaction.
/// - `visit_responses`: which responses belong to which visit; a response belongs to at most one.
///   Each member response carries the visit's shared date, unit, service and profile itself, so
///   every IKM, export and aggregate works on responses exactly as before.
///
/// Rows are never deleted or rewritten (triggers).
enum VisitSchema {
    static let migration = [
        """
        CREATE TABLE visits(
          id INTEGER PRIMARY KEY,
          uuid TEXT NOT NULL UNIQUE,
          survey_set TEXT NOT NULL,
          created_at TEXT NOT NULL,
          voided_at TEXT,
          void_reason TEXT)
        """,
        """
        CREATE TABLE visit_responses(
          response_id INTEGER PRIMARY KEY REFERENCES responses(id),
          visit_id INTEGER NOT NULL REFERENCES visits(id))
        """,
        "CREATE INDEX visit_responses_by_visit ON visit_responses(visit_id)",
        """
        CREATE TRIGGER visits_never_deleted BEFORE DELETE ON visits
        BEGIN SELECT RAISE(ABORT, 'visits are never deleted; void them instead'); END
        """,
        """
        CREATE TRIGGER visits_content_fixed BEFORE UPDATE OF id, uuid, survey_set, created_at ON visits
        BEGIN SELECT RAISE(ABORT, 'a visit is never rewritten'); END
        """,
        """
        CREATE TRIGGER visits_voided_once BEFORE UPDATE OF voided_at, void_reason ON visits
        WHEN OLD.voided_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a visit is voided once'); END
        """,
        """
        CREATE TRIGGER visit_responses_never_deleted BEFORE DELETE ON visit_responses
        BEGIN SELECT RAISE(ABORT, 'visit membership is never deleted'); END
        """,
        """
        CREATE TRIGGER visit_responses_fixed BEFORE UPDATE ON visit_responses
        BEGIN SELECT RAISE(ABORT, 'visit membership is never rewritten'); END
        """,
    ]
}
