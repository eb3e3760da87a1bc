/// The running aggregates: ONE row per (questionnaire, day, unit, service) with everything an IKM
/// needs — respondents, the respondent-score sums behind the confidence interval, and every
/// unsur's answered count, sum and sum of squares packed in `unsur` (`UnsurBlob`). Any period,
/// unit or service is a sum of these rows, and so is a merge of offices (issue 14): rows of
/// the same key from two databases add slot by slot (`skm_add`, `skm_unsur_add`), exactly.
///
/// A response adds one row's worth (one upsert per key and transaction); a void subtracts it.
enum AggregateRows {
    static let columns = "questionnaire, day, unit_id, service_id, respondents, score_sum, score_sumsq, unsur"

    /// Migration 6: the table, filled from schema 4's `daily_totals` and `daily_unsur` as they
    /// are (so every figure stays the same to the last digit, score sums included), which are
    /// then dropped.
    static let migration = [
        """
        CREATE TABLE aggregates(
          questionnaire TEXT NOT NULL,
          day TEXT NOT NULL,
          unit_id INTEGER NOT NULL,
          service_id INTEGER NOT NULL,
          respondents INTEGER NOT NULL,
          score_sum REAL NOT NULL,
          score_sumsq REAL NOT NULL,
          unsur BLOB NOT NULL,
          PRIMARY KEY(questionnaire, day, unit_id, service_id)) WITHOUT ROWID
        """,
        """
        INSERT INTO aggregates(\(columns))
        SELECT k.questionnaire, k.day, k.unit_id, k.service_id, COALESCE(t.respondents, 0),
               COALESCE(t.score_sum, 0), COALESCE(t.score_sumsq, 0),
               (SELECT skm_unsur_pack(u.unsur, u.answered, u.total, u.total_sq) FROM daily_unsur u
                WHERE u.questionnaire = k.questionnaire AND u.day = k.day AND u.unit_id = k.unit_id
                  AND u.service_id = k.service_id)
        FROM (SELECT questionnaire, day, unit_id, service_id FROM daily_totals
              UNION SELECT questionnaire, day, unit_id, service_id FROM daily_unsur) k
        LEFT JOIN daily_totals t ON t.questionnaire = k.questionnaire AND t.day = k.day
          AND t.unit_id = k.unit_id AND t.service_id = k.service_id
        """,
        "DROP TABLE daily_totals",
        "DROP TABLE daily_unsur",
    ]

    /// The rows recomputed from the responses themselves: `check --repair` rebuilds with this
    /// and `check` compares the running rows against it.
    static let recount = """
        SELECT questionnaire, day, unit_id, service_id, COUNT(*), TOTAL(score), TOTAL(score * score),
               skm_unsur_tally(answers)
        FROM responses WHERE voided_at IS NULL
        GROUP BY questionnaire, day, unit_id, service_id
        """

    /// Adds `rows` rows of changes (8 values each, in `columns` order) to the table.
    static func upsert(rows: Int) -> String {
        let tuple = "(?,?,?,?,?,?,?,?)"
        return "INSERT INTO aggregates(\(columns)) VALUES "
            + Array(repeating: tuple, count: rows).joined(separator: ",")
                + """
                 ON CONFLICT(questionnaire, day, unit_id, service_id) DO UPDATE SET
                  respondents = skm_add(respondents, excluded.respondents),
                  score_sum = score_sum + excluded.score_sum,
                  score_sumsq = score_sumsq + excluded.score_sumsq,
                  unsur = skm_unsur_add(unsur, excluded.unsur)
                """
    }
}
