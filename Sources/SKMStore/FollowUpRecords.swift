public import SKMCore

/// The follow-up register: RTL item versions and publication entries, appended and never changed.
extension Store {
    static let rtlColumns = """
        number, version, year, unsur, questionnaire, program, penanggung_jawab, target, planned_on, unit_code,
        service_code, done_on, evidence, cancelled, reason, action, recorded_at
        """

    /// Stores a new item as version 1 under the next free number and returns it. With an
    /// `importKey` already stored, nothing is written and nil is returned.
    public func addRTLItem(_ item: RTLItem, importKey: String? = nil) throws -> RTLItem? {
        try db.transaction {
            if let importKey,
                try statement("SELECT 1 FROM rtl_entries WHERE import_key = ?").first([.text(importKey)], { $0.int(0) }) != nil
            {
                return nil
            }
            var stored = item
            stored.number = (try statement("SELECT COALESCE(MAX(number), 0) FROM rtl_entries").first { $0.int(0) } ?? 0) + 1
            stored.version = 1
            try insert(stored, importKey: importKey)
            return stored
        }
    }

    /// Appends a new version of an existing item: `change` receives the current version and
    /// returns the next (its number and version are set here). Returns nil when there is no
    /// item `number`; errors thrown by `change` leave the register unchanged.
    public func changeRTLItem(number: Int, _ change: (RTLItem) throws -> RTLItem) throws -> RTLItem? {
        try db.transaction {
            guard let current = try rtlVersions(number: number).last else { return nil }
            var next = try change(current)
            next.number = current.number
            next.version = current.version + 1
            try insert(next, importKey: nil)
            return next
        }
    }

    func insert(_ i: RTLItem, importKey: String?) throws {
        try statement(
            "INSERT INTO rtl_entries(\(Self.rtlColumns), import_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        ).run([
            .integer(i.number), .integer(i.version), .integer(i.year), .text(i.unsur), .text(i.questionnaire), .text(i.program),
            .optional(i.penanggungJawab), .text(i.target.iso), .text(i.plannedOn.iso), .optional(i.unitCode),
            .optional(i.serviceCode), .optional(i.doneOn?.iso), .optional(i.evidence), .integer(i.cancelled ? 1 : 0),
            .optional(i.reason), .text(i.action), .text(i.recordedAt), .optional(importKey),
        ])
    }

    /// Every version of every item (or of one item), by number and version.
    public func rtlVersions(number: Int? = nil) throws -> [RTLItem] {
        let sql = "SELECT \(Self.rtlColumns) FROM rtl_entries" + (number == nil ? "" : " WHERE number = ?")
        return try statement(sql + " ORDER BY number, version").rows(number.map { [.integer($0)] } ?? []) { row in
            RTLItem(
                number: row.int(0), version: row.int(1), year: row.int(2), unsur: row.text(3), questionnaire: row.text(4),
                program: row.text(5), penanggungJawab: row.optionalText(6), target: Self.date(row.text(7)),
                plannedOn: Self.date(row.text(8)), unitCode: row.optionalText(9), serviceCode: row.optionalText(10),
                doneOn: row.optionalText(11).map(Self.date), evidence: row.optionalText(12), cancelled: row.int(13) != 0,
                reason: row.optionalText(14), action: row.text(15), recordedAt: row.text(16))
        }
    }

    static let publicationColumns = "number, version, year, medium, published_on, link, note, void_reason, recorded_at"

    /// Stores a new publication entry under the next free number and returns it, unless an
    /// entry not voided has the same year, medium, date, link and note: then nothing is written
    /// and that entry is returned with `isNew` false (the same publication logged twice).
    public func addPublication(_ p: PublicationRecord) throws -> (record: PublicationRecord, isNew: Bool) {
        try db.transaction {
            let same = FollowUpSummary.current(try publicationVersions()).first { e in
                e.voidReason == nil && e.year == p.year && e.medium == p.medium && e.publishedOn == p.publishedOn
                    && e.link == p.link && e.note == p.note
            }
            if let same { return (same, false) }
            var stored = p
            stored.number =
                (try statement("SELECT COALESCE(MAX(number), 0) FROM publication_entries").first { $0.int(0) } ?? 0) + 1
            stored.version = 1
            try insert(stored)
            return (stored, true)
        }
    }

    /// Appends a version of entry `number` made by `change` from the current one; nil when there is none.
    public func changePublication(number: Int, _ change: (PublicationRecord) throws -> PublicationRecord) throws
        -> PublicationRecord?
    {
        try db.transaction {
            guard let current = try publicationVersions().last(where: { $0.number == number }) else { return nil }
            var next = try change(current)
            next.number = current.number
            next.version = current.version + 1
            try insert(next)
            return next
        }
    }

    func insert(_ p: PublicationRecord) throws {
        try statement("INSERT INTO publication_entries(\(Self.publicationColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)").run([
            .integer(p.number), .integer(p.version), .integer(p.year), .text(p.medium.rawValue), .text(p.publishedOn.iso),
            .optional(p.link), .optional(p.note), .optional(p.voidReason), .text(p.recordedAt),
        ])
    }

    /// Every version of every publication entry, by number and version.
    public func publicationVersions() throws -> [PublicationRecord] {
        try statement("SELECT \(Self.publicationColumns) FROM publication_entries ORDER BY number, version").rows { row in
            PublicationRecord(
                number: row.int(0), version: row.int(1), year: row.int(2),
                medium: PublicationMedium(rawValue: row.text(3)) ?? .lainnya, publishedOn: Self.date(row.text(4)),
                link: row.optionalText(5), note: row.optionalText(6), voidReason: row.optionalText(7), recordedAt: row.text(8))
        }
    }

    /// The last day with an active response between `from` and `to`; nil when there is none. Read
    /// from the view `ikm_rows`, so the rows of imported aggregate packages count like the office's own.
    public func lastResponseDay(from: CivilDate, to: CivilDate) throws -> CivilDate? {
        try statement("SELECT MAX(day) FROM ikm_rows WHERE respondents > 0 AND day BETWEEN ? AND ?")
            .first([.text(from.iso), .text(to.iso)]) { $0.optionalText(0) }?
            .flatMap { CivilDate(iso: $0) }
    }

    /// Dates are written by skm as ISO text; a damaged one reads as the earliest date rather than trapping.
    static func date(_ text: String) -> CivilDate {
        CivilDate(iso: text) ?? CivilDate(dayNumber: 0)
    }
}

extension Store {
    /// Adds several items in one transaction, each under its import key; items whose key is
    /// stored already are skipped. Returns the items added.
    public func addRTLItems(_ items: [(RTLItem, String)]) throws -> [RTLItem] {
        try db.transaction {
            var added: [RTLItem] = []
            for (item, key) in items {
                if let stored = try addRTLItem(item, importKey: key) { added.append(stored) }
            }
            return added
        }
    }
}
