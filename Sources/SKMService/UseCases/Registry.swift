public import SKMCore
import SKMStore

extension SKMService {
    /// Registers a unit of service (unit pelayanan), under the unit coded `parent` when given
    /// (`unknown_unit` if it is not registered), with the population it serves when known
    /// (`invalid_population` unless a whole number ≥ 1).
    public func addUnit(
        code rawCode: String, name rawName: String, parent rawParent: String? = nil, population: Int? = nil
    ) throws -> UnitRecord {
        let code = try TextRules.code(rawCode, field: "code", what: "unit")
        let name = try TextRules.name(rawName, field: "name", what: "unit")
        try Self.checkPopulation(population)
        let parent = try rawParent.map { try resolveUnit($0, field: "parent") }
        let unit = try store().addUnit(
            code: code, name: name, parentID: parent?.id, population: population, at: clock.timestamp())
        invalidateCaches()
        return unit
    }

    /// Every registered unit, by code; needs an existing database (no database is created).
    public func units() throws -> [UnitRecord] {
        try existingStore().units()
    }

    /// Registers a service (jenis layanan) of a unit.
    public func addService(unit rawUnit: String, code rawCode: String, name rawName: String) throws -> ServiceRecord {
        let unit = try resolveUnit(rawUnit, field: "unit")
        let code = try TextRules.code(rawCode, field: "code", what: "layanan")
        let name = try TextRules.name(rawName, field: "name", what: "layanan")
        let service = try store().addService(unit: unit, code: code, name: name, at: clock.timestamp())
        invalidateCaches()
        return service
    }

    /// Services of one unit (by code) or of all units.
    public func services(unit rawUnit: String? = nil) throws -> [ServiceRecord] {
        guard let rawUnit, !rawUnit.trimmingSpaces().isEmpty else { return try existingStore().services() }
        let unit = try resolveUnit(rawUnit, field: "unit")
        return try existingStore().services(unitID: unit.id)
    }

    /// The unit with this code, or a `unknown_unit` error listing the registered ones.
    public func resolveUnit(_ raw: String, field: String = "unit") throws -> UnitRecord {
        let code = try TextRules.code(raw, field: field, what: "unit")
        if let cached = unitCache[code] { return cached }
        if let unit = try existingStore().unit(code: code) {
            unitCache[code] = unit
            return unit
        }
        let known = try existingStore().units().map(\.code)
        let hint =
            known.isEmpty
            ? "Belum ada unit terdaftar; tambahkan dengan 'skm unit add KODE NAMA'."
            : "Unit terdaftar: \(known.joined(separator: ", "))."
        throw SKMError(.unknownUnit, "Unit \"\(code)\" tidak terdaftar. \(hint)", field: field)
    }

    /// The service with this code in `unit`, or a `unknown_service` error listing the unit's services.
    public func resolveService(_ raw: String, in unit: UnitRecord, field: String = "service") throws -> ServiceRecord {
        let code = try TextRules.code(raw, field: field, what: "layanan")
        let key = ServiceKey(unitID: unit.id, code: code)
        if let cached = serviceCache[key] { return cached }
        let services = try existingStore().services(unitID: unit.id)
        if let service = services.first(where: { $0.code == code }) {
            serviceCache[key] = service
            return service
        }
        let hint =
            services.isEmpty
            ? "Unit \(unit.code) belum punya layanan; tambahkan dengan 'skm service add \(unit.code) KODE NAMA'."
            : "Layanan unit \(unit.code): \(services.map(\.code).joined(separator: ", "))."
        throw SKMError(.unknownService, "Layanan \"\(code)\" tidak terdaftar di unit \(unit.code). \(hint)", field: field)
    }
}
