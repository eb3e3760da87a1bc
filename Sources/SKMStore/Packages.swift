public import SKMCore

/// Aggregate packages (issue 14): the rows an office sends out, and the packages another office
/// received, stored so every IKM read includes them (`PackageSchema`).
extension Store {
    /// The aggregate rows of `[from, to]` (of the given units, or all), own and imported alike
    /// (the `ikm_rows` view), in key order. A row that cannot be read throws `aggregate_corrupt`.
    public func aggregateRows(from: CivilDate, to: CivilDate, unitIDs: [Int64]?) throws -> [AggregateRowRecord] {
        let query = ResponseQuery(from: from, to: to, unitIDs: unitIDs)
        let (clauses, values) = query.whereClauses()
        let rows = try statement(
            "SELECT \(AggregateRows.columns) FROM ikm_rows WHERE \(clauses.joined(separator: " AND ")) "
                + "ORDER BY questionnaire, day, unit_id, service_id")
        rows.bind(values)
        var found: [AggregateRowRecord] = []
        while try rows.step() {
            guard let unsur = UnsurBlob.decode(rows.blob(7)) else {
                throw AggregateBounds.corrupt("baris agregat tidak terbaca")
            }
            let tally = Tally(
                respondents: rows.int(4), unsur: unsur, scoreSum: rows.double(5), scoreSumOfSquares: rows.double(6))
            found.append(
                AggregateRowRecord(
                    questionnaireID: rows.text(0), day: rows.text(1), unitID: rows.int64(2), serviceID: rows.int64(3),
                    tally: tally))
        }
        return found
    }

    /// Every imported package, oldest import first.
    public func packages() throws -> [StoredPackage] {
        let ids = try statement("SELECT id FROM packages ORDER BY id").rows { $0.int64(0) }
        return try ids.compactMap { try package(id: $0) }
    }

    func package(id: Int64) throws -> StoredPackage? {
        let units = try statement(
            "SELECT u.code, pu.replaced_by IS NULL FROM package_units pu JOIN units u ON u.id = pu.unit_id WHERE pu.package_id = ? ORDER BY u.code"
        ).rows([.int(id)]) { (code: $0.text(0), active: $0.int(1) != 0) }
        return try statement(
            """
            SELECT id, uuid, source, source_generation, year, created_at, imported_at, row_count, respondents
            FROM packages WHERE id = ?
            """
        ).first([.int(id)]) { r in
            StoredPackage(
                id: r.int64(0), uuid: r.text(1), source: r.text(2), sourceGeneration: r.int64(3), year: r.int(4),
                createdAt: r.text(5), importedAt: r.text(6), rowCount: r.int(7), respondents: r.int(8),
                unitCodes: units.map(\.code), activeUnitCodes: units.filter(\.active).map(\.code))
        }
    }

    /// Stores a checked package in one transaction, or nothing.
    ///
    /// The same package (UUID) again changes nothing. Each unit it covers must be new here or
    /// registered under the same name, must have no responses of this office, and must not be
    /// covered by a package from another source (`package_conflict`); a unit-year covered by an
    /// older package of the same source is replaced, one covered by a newer one refuses the whole
    /// package (`package_outdated`). Services are registered likewise (same name or new).
    public func storePackage(_ p: PackageWrite) throws -> PackageStoreOutcome {
        try db.transaction {
            if let id = try statement("SELECT id FROM packages WHERE uuid = ?").first([.text(p.uuid)], { $0.int64(0) }),
                let stored = try package(id: id)
            {
                return PackageStoreOutcome(
                    package: stored, alreadyStored: true, replaced: [], unitsRegistered: [], servicesRegistered: [])
            }
            var unitIDs: [String: Int64] = [:]
            var serviceIDs: [String: [String: Int64]] = [:]
            var unitsRegistered: [String] = []
            var servicesRegistered: [String] = []
            var replacedIDs: [Int64] = []
            for unit in p.units {
                let id: Int64
                if let existing = try self.unit(code: unit.code) {
                    id = existing.id
                    try checkClaim(unit, existing: existing, package: p)
                    replacedIDs += try coveringPackages(unitID: id, package: p)
                } else {
                    id = try addUnit(code: unit.code, name: unit.name, at: p.importedAt).id
                    unitsRegistered.append(unit.code)
                }
                unitIDs[unit.code] = id
                let known = Dictionary(try services(unitID: id).map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
                var ids: [String: Int64] = [:]
                for service in unit.services {
                    if let existing = known[service.code] {
                        guard existing.name == service.name else {
                            throw SKMError(
                                .packageConflict,
                                "Paket menyebut layanan \(unit.code)/\(service.code) bernama \"\(service.name.clipped(80))\", tetapi di sini layanan itu bernama \"\(existing.name.clipped(80))\". Tidak ada yang disimpan.",
                                field: "units")
                        }
                        ids[service.code] = existing.id
                    } else {
                        let record = UnitRecord(id: id, code: unit.code, name: unit.name, createdAt: p.importedAt)
                        ids[service.code] = try addService(unit: record, code: service.code, name: service.name, at: p.importedAt)
                            .id
                        servicesRegistered.append("\(unit.code)/\(service.code)")
                    }
                }
                serviceIDs[unit.code] = ids
            }
            let replaced = try Array(Set(replacedIDs)).sorted().compactMap { try package(id: $0) }
            try statement(
                """
                INSERT INTO packages(uuid, source, source_generation, year, created_at, imported_at, sha256, row_count,
                  respondents, profiles, document) VALUES (?,?,?,?,?,?,?,?,?,?,?)
                """
            ).run([
                .text(p.uuid), .text(p.source), .int(p.sourceGeneration), .integer(p.year), .text(p.createdAt),
                .text(p.importedAt), .text(p.sha256), .integer(p.rows.count), .integer(p.respondents), .text(p.profiles),
                .text(p.document),
            ])
            let packageID = db.lastInsertRowID
            let firstDay = "\(p.year)-01-01"
            let lastDay = "\(p.year)-12-31"
            for unit in p.units {
                guard let unitID = unitIDs[unit.code] else { continue }
                try statement("UPDATE package_units SET replaced_by = ? WHERE unit_id = ? AND year = ? AND replaced_by IS NULL")
                    .run([.int(packageID), .int(unitID), .integer(p.year)])
                try statement("DELETE FROM package_rows WHERE unit_id = ? AND day BETWEEN ? AND ?")
                    .run([.int(unitID), .text(firstDay), .text(lastDay)])
                try statement("INSERT INTO package_units(package_id, unit_id, year) VALUES (?, ?, ?)")
                    .run([.int(packageID), .int(unitID), .integer(p.year)])
            }
            try insertPackageRows(p.rows, packageID: packageID, unitIDs: unitIDs, serviceIDs: serviceIDs)
            guard let stored = try package(id: packageID) else {
                throw SKMError(.internal, "Paket yang baru disimpan tidak terbaca kembali.")
            }
            return PackageStoreOutcome(
                package: stored, alreadyStored: false, replaced: replaced, unitsRegistered: unitsRegistered,
                servicesRegistered: servicesRegistered)
        }
    }

    /// Refuses a package's claim on a unit registered here under another name, holding this
    /// office's own responses, or covered by a package of another source.
    func checkClaim(_ unit: PackageUnit, existing: UnitRecord, package p: PackageWrite) throws {
        guard existing.name == unit.name else {
            throw SKMError(
                .packageConflict,
                "Paket menyebut unit \(unit.code) bernama \"\(unit.name.clipped(80))\", tetapi di sini unit \(unit.code) bernama \"\(existing.name.clipped(80))\". Tidak ada yang disimpan.",
                field: "units")
        }
        if try statement("SELECT 1 FROM responses WHERE unit_id = ? LIMIT 1").first([.int(existing.id)], { $0.int(0) }) != nil {
            throw SKMError(
                .packageConflict,
                "Unit \(unit.code) adalah unit kantor ini sendiri (ada respons yang dicatat di sini); paket dari kantor lain tidak boleh mengisinya. Tidak ada yang disimpan.",
                field: "units")
        }
        let other = try statement(
            """
            SELECT p.source FROM package_units pu JOIN packages p ON p.id = pu.package_id
            WHERE pu.unit_id = ? AND p.source <> ? LIMIT 1
            """
        ).first([.int(existing.id), .text(p.source)]) { $0.text(0) }
        if let other {
            throw SKMError(
                .packageConflict,
                "Unit \(unit.code) sudah diisi oleh paket dari basis data lain (\(other)); paket ini dari \(p.source). Satu unit hanya boleh berasal dari satu kantor. Tidak ada yang disimpan.",
                field: "units")
        }
    }

    /// The packages of the same source now covering this unit and year; refuses when one of
    /// them is newer than `p` (a later write generation, or the same with a later timestamp).
    func coveringPackages(unitID: Int64, package p: PackageWrite) throws -> [Int64] {
        let covering = try statement(
            """
            SELECT p.id, p.source_generation, p.created_at, p.uuid FROM package_units pu JOIN packages p ON p.id = pu.package_id
            WHERE pu.unit_id = ? AND pu.year = ? AND pu.replaced_by IS NULL
            """
        ).rows([.int(unitID), .integer(p.year)]) {
            (id: $0.int64(0), generation: $0.int64(1), createdAt: $0.text(2), uuid: $0.text(3))
        }
        for c in covering where (c.generation, c.createdAt) > (p.sourceGeneration, p.createdAt) {
            throw SKMError(
                .packageOutdated,
                "Paket ini (dibuat \(p.createdAt)) lebih lama daripada paket \(c.uuid) (dibuat \(c.createdAt)) yang sudah tersimpan untuk unit dan tahun \(p.year) yang sama; paket lama tidak menggantikan yang baru. Tidak ada yang disimpan.",
                field: "createdAt")
        }
        return covering.map(\.id)
    }

    func insertPackageRows(
        _ rows: [PackageRow], packageID: Int64, unitIDs: [String: Int64], serviceIDs: [String: [String: Int64]]
    ) throws {
        let insert = try statement(
            "INSERT INTO package_rows(\(AggregateRows.columns), package_id) VALUES (?,?,?,?,?,?,?,?,?)")
        for row in rows {
            guard let unitID = unitIDs[row.unitCode], let serviceID = serviceIDs[row.unitCode]?[row.serviceCode] else {
                throw SKMError(
                    .invalidPackage,
                    "Baris paket menyebut unit/layanan \(row.unitCode)/\(row.serviceCode) yang tidak ada di daftar unit paket.")
            }
            let unsur = UnsurBlob.encode(row.tally.unsur)
            insert.clear()
            insert.bind(text: row.questionnaireID, at: 1)
            insert.bind(text: row.day, at: 2)
            insert.bind(int: unitID, at: 3)
            insert.bind(int: serviceID, at: 4)
            insert.bind(int: Int64(row.tally.respondents), at: 5)
            insert.bind(double: row.tally.scoreSum, at: 6)
            insert.bind(double: row.tally.scoreSumOfSquares, at: 7)
            insert.bind(int: packageID, at: 9)
            try unsur.withUnsafeBufferPointer { bytes in
                insert.bind(staticBlob: bytes, 0..<bytes.count, at: 8)
                try insert.execute()
            }
        }
    }
}
