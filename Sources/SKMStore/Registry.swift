public import SKMCore

extension Store {
    /// Adds a unit, under `parentID` when given; `code` must already be normalised.
    public func addUnit(
        code: String, name: String, parentID: Int64? = nil, population: Int? = nil, at: String
    ) throws -> UnitRecord {
        try db.transaction {
            if try unit(code: code) != nil {
                throw SKMError(.duplicateUnit, "Unit \(code) sudah terdaftar.", field: "code")
            }
            try statement("INSERT INTO units(code, name, created_at, parent_id, population) VALUES (?, ?, ?, ?, ?)")
                .run([
                    .text(code), .text(name), .text(at), parentID.map { .int($0) } ?? .null,
                    population.map { .int(Int64($0)) } ?? .null,
                ])
            return UnitRecord(
                id: db.lastInsertRowID, code: code, name: name, createdAt: at, parentID: parentID, population: population)
        }
    }

    /// Sets a unit's parent (nil: top level) and population (nil: unknown); the caller has checked
    /// that the new parent is not the unit itself or one of its descendants.
    public func updateUnit(id: Int64, parentID: Int64?, population: Int?, action: String, detail: String, at: String) throws {
        try db.transaction {
            try statement("UPDATE units SET parent_id = ?, population = ? WHERE id = ?")
                .run([parentID.map { .int($0) } ?? .null, population.map { .int(Int64($0)) } ?? .null, .int(id)])
            try audit(action: action, responseID: nil, detail: detail, at: at)
        }
    }

    /// Every unit, by code.
    public func units() throws -> [UnitRecord] {
        try statement("SELECT \(Self.unitColumns) FROM units ORDER BY code").rows { Self.unitRow($0) }
    }

    /// The unit with this (normalised) code, if registered.
    public func unit(code: String) throws -> UnitRecord? {
        try statement("SELECT \(Self.unitColumns) FROM units WHERE code = ?").first([.text(code)]) {
            Self.unitRow($0)
        }
    }

    static let unitColumns = "id, code, name, created_at, parent_id, population"

    static func unitRow(_ row: Statement) -> UnitRecord {
        UnitRecord(
            id: row.int64(0), code: row.text(1), name: row.text(2), createdAt: row.text(3),
            parentID: row.isNull(4) ? nil : row.int64(4), population: row.isNull(5) ? nil : row.int(5))
    }

    /// Adds a service to a unit; codes must already be normalised.
    public func addService(unit: UnitRecord, code: String, name: String, at: String) throws -> ServiceRecord {
        try db.transaction {
            if try services(unitID: unit.id).contains(where: { $0.code == code }) {
                throw SKMError(.duplicateService, "Layanan \(code) sudah terdaftar di unit \(unit.code).", field: "code")
            }
            try statement("INSERT INTO services(unit_id, code, name, created_at) VALUES (?, ?, ?, ?)")
                .run([.int(unit.id), .text(code), .text(name), .text(at)])
            return ServiceRecord(
                id: db.lastInsertRowID, unitID: unit.id, unitCode: unit.code, code: code, name: name, createdAt: at)
        }
    }

    /// Services, of one unit or of all, ordered by unit and code.
    public func services(unitID: Int64? = nil) throws -> [ServiceRecord] {
        let base = """
            SELECT s.id, s.unit_id, u.code, s.code, s.name, s.created_at
            FROM services s JOIN units u ON u.id = s.unit_id
            """
        if let unitID {
            return try statement(base + " WHERE s.unit_id = ? ORDER BY s.code").rows([.int(unitID)]) { Self.serviceRow($0) }
        }
        return try statement(base + " ORDER BY u.code, s.code").rows { Self.serviceRow($0) }
    }

    static func serviceRow(_ row: Statement) -> ServiceRecord {
        ServiceRecord(
            id: row.int64(0), unitID: row.int64(1), unitCode: row.text(2), code: row.text(3), name: row.text(4),
            createdAt: row.text(5))
    }

    /// Custom questionnaire definitions stored in this database (the defaults are built in).
    public func customQuestionnaires() throws -> [(id: String, definition: String)] {
        try statement("SELECT id, definition FROM questionnaires ORDER BY id").rows { (id: $0.text(0), definition: $0.text(1)) }
    }

    /// Stores a custom definition; the same id with different content is a conflict.
    /// Returns false when the identical definition was already stored.
    public func addQuestionnaire(id: String, definition: String, at: String) throws -> Bool {
        try db.transaction {
            let existing = try statement("SELECT definition FROM questionnaires WHERE id = ?").first([.text(id)]) {
                $0.text(0)
            }
            if let existing {
                if existing == definition { return false }
                throw SKMError(
                    .questionnaireConflict,
                    "Kuesioner \(id) sudah tersimpan dengan isi lain. Definisi yang sudah dipakai tidak diubah; beri id baru (mis. \(id)-v2).",
                    field: "id")
            }
            try statement("INSERT INTO questionnaires(id, definition, added_at) VALUES (?, ?, ?)")
                .run([.text(id), .text(definition), .text(at)])
            try audit(action: "questionnaire.add", responseID: nil, detail: id, at: at)
            return true
        }
    }
}
