public import SKMCore
import SKMJSON
import SKMStore

extension SKMService {
    /// The registered units as a tree; needs an existing database.
    public func unitTree() throws -> UnitTree {
        UnitTree(try existingStore().units())
    }

    /// Moves the unit coded `code` under the unit coded `parent` (nil: to the top level). Moving
    /// a unit under itself or under one of its own descendants is `unit_cycle`, nothing changed.
    public func moveUnit(_ code: String, parent rawParent: String?) throws -> UnitRecord {
        let unit = try resolveUnit(code, field: "code")
        let parent = try rawParent.map { try resolveUnit($0, field: "parent") }
        if let parent {
            let tree = try unitTree()
            if tree.subtree(of: unit).contains(where: { $0.id == parent.id }) {
                let why =
                    parent.id == unit.id
                    ? "sebuah unit tidak dapat menjadi induknya sendiri"
                    : "\(parent.code) berada di bawah \(unit.code)"
                throw SKMError(
                    .unitCycle, "Unit \(unit.code) tidak dapat dipindah ke bawah \(parent.code): \(why).", field: "parent",
                    details: ["unit": .string(unit.code), "parent": .string(parent.code)])
            }
        }
        let detail = "\(unit.code) → \(parent?.code ?? "(puncak)")"
        try store().updateUnit(
            id: unit.id, parentID: parent?.id, population: unit.population, action: "unit.move", detail: detail,
            at: clock.timestamp())
        invalidateCaches()
        return try resolveUnit(unit.code, field: "code")
    }

    /// Records the population the unit coded `code` serves in a year (nil: unknown), for the
    /// sample-adequacy check of a rekap; `invalid_population` unless a whole number ≥ 1.
    public func setUnitPopulation(_ code: String, population: Int?) throws -> UnitRecord {
        let unit = try resolveUnit(code, field: "code")
        try Self.checkPopulation(population)
        try store().updateUnit(
            id: unit.id, parentID: unit.parentID, population: population, action: "unit.population",
            detail: "\(unit.code) → \(population.map(String.init) ?? "-")", at: clock.timestamp())
        invalidateCaches()
        return try resolveUnit(unit.code, field: "code")
    }

    /// The units a filter naming `units` covers: each named unit and every unit under it, each
    /// once. Every filter by unit goes through here.
    func unitsWithDescendants(_ units: [UnitRecord]) throws -> [UnitRecord] {
        guard !units.isEmpty else { return [] }
        let tree = try unitTree()
        var seen: Set<Int64> = []
        var result: [UnitRecord] = []
        for unit in units {
            for member in tree.subtree(of: unit) where seen.insert(member.id).inserted { result.append(member) }
        }
        return result
    }

    static func checkPopulation(_ population: Int?) throws {
        if let population, population < 1 {
            throw SKMError(
                .invalidPopulation, "Populasi harus bilangan bulat 1 atau lebih, diterima \(population).", field: "population")
        }
    }
}
