public import SKMCore

extension Store {
    /// Stores (or replaces) a plan's definition; every version is kept in the history.
    /// Returns false when the same definition was already current.
    public func putPlan(id: String, definition: String, at: String) throws -> Bool {
        try db.transaction {
            let current = try statement("SELECT definition FROM iku_plans WHERE id = ?").first([.text(id)]) { $0.text(0) }
            if current == definition { return false }
            try statement(
                """
                INSERT INTO iku_plans(id, definition, loaded_at) VALUES (?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET definition = excluded.definition, loaded_at = excluded.loaded_at
                """
            ).run([.text(id), .text(definition), .text(at)])
            try statement("INSERT INTO iku_plan_history(plan, definition, loaded_at) VALUES (?, ?, ?)")
                .run([.text(id), .text(definition), .text(at)])
            return true
        }
    }

    /// Every stored plan: id, definition, when loaded.
    public func plans() throws -> [(id: String, definition: String, loadedAt: String)] {
        try statement("SELECT id, definition, loaded_at FROM iku_plans ORDER BY id").rows {
            (id: $0.text(0), definition: $0.text(1), loadedAt: $0.text(2))
        }
    }

    public func plan(id: String) throws -> String? {
        try statement("SELECT definition FROM iku_plans WHERE id = ?").first([.text(id)]) { $0.text(0) }
    }

    /// Appends a realisasi; earlier ones stay as history.
    public func addRealisasi(
        plan: String, indicator: String, year: Int, realisasi r: Realisasi, note: String?, at: String, by: String?
    ) throws -> StoredRealisasi {
        try db.transaction {
            try statement(
                """
                INSERT INTO iku_realizations(plan, indicator, year, value, numerator, denominator, note, entered_at, entered_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
            ).run([
                .text(plan), .text(indicator), .integer(year), .double(r.value), .optional(r.numerator), .optional(r.denominator),
                .optional(note), .text(at), .optional(by),
            ])
            return StoredRealisasi(
                id: db.lastInsertRowID, plan: plan, indicator: indicator, year: year, realisasi: r, note: note, enteredAt: at,
                enteredBy: by)
        }
    }

    /// Every realisasi of a plan (all versions), oldest first; the last per
    /// (indicator, year) is the current one.
    public func realisasiHistory(plan: String) throws -> [StoredRealisasi] {
        try statement(
            """
            SELECT id, plan, indicator, year, value, numerator, denominator, note, entered_at, entered_by
            FROM iku_realizations WHERE plan = ? ORDER BY id
            """
        ).rows([.text(plan)]) { row in
            StoredRealisasi(
                id: row.int64(0), plan: row.text(1), indicator: row.text(2), year: row.int(3),
                realisasi: Realisasi(value: row.double(4), numerator: row.optionalDouble(5), denominator: row.optionalDouble(6)),
                note: row.optionalText(7), enteredAt: row.text(8), enteredBy: row.optionalText(9))
        }
    }

    /// Stores an AKIP evaluation for a year; a later one for the same year supersedes it.
    public func addAKIP(
        year: Int, scheme: String, evaluation: String, total: Double, predikat: String, at: String, by: String?
    ) throws -> StoredAKIP {
        try db.transaction {
            try statement(
                """
                INSERT INTO akip_evaluations(year, scheme, evaluation, total, predikat, entered_at, entered_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
            ).run([.integer(year), .text(scheme), .text(evaluation), .double(total), .text(predikat), .text(at), .optional(by)])
            return StoredAKIP(
                id: db.lastInsertRowID, year: year, scheme: scheme, evaluation: evaluation, total: total, predikat: predikat,
                enteredAt: at, enteredBy: by)
        }
    }

    /// Every AKIP evaluation of a year, oldest first (the last is current).
    public func akipEvaluations(year: Int) throws -> [StoredAKIP] {
        try statement(
            """
            SELECT id, year, scheme, evaluation, total, predikat, entered_at, entered_by
            FROM akip_evaluations WHERE year = ? ORDER BY id
            """
        ).rows([.integer(year)]) { row in
            StoredAKIP(
                id: row.int64(0), year: row.int(1), scheme: row.text(2), evaluation: row.text(3), total: row.double(4),
                predikat: row.text(5), enteredAt: row.text(6), enteredBy: row.optionalText(7))
        }
    }
}
