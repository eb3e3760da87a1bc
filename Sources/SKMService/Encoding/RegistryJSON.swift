public import SKMCore
public import SKMJSON

/// Units and services as JSON (`skm unit list --json`, `unit.list`, `service.list`).
public enum RegistryJSON {
    /// Every unit in tree order (parents before their children, siblings by code), each with its
    /// parent's code, depth and its own services picked from `services`.
    public static func units(_ units: [UnitRecord], services: [ServiceRecord]) -> JSONValue {
        let tree = UnitTree(units)
        return .array(
            tree.outline.map { entry in
                unit(
                    entry.unit, services: services.filter { $0.unitID == entry.unit.id },
                    parent: entry.unit.parentID.flatMap { tree.unit(id: $0) }, depth: entry.depth)
            })
    }

    /// `{code, name, parent, depth, population, services}` for one unit; `services` should be that
    /// unit's, `parent` its parent unit (nil at the top level).
    public static func unit(_ u: UnitRecord, services: [ServiceRecord], parent: UnitRecord? = nil, depth: Int = 0) -> JSONValue {
        [
            "code": .string(u.code), "name": .string(u.name), "parent": parent.map { .string($0.code) } ?? .null,
            "depth": .int(depth), "population": u.population.map { .int($0) } ?? .null,
            "services": .array(services.map(service)),
        ]
    }

    /// `{unit, code, name}` for one service.
    public static func service(_ s: ServiceRecord) -> JSONValue {
        ["unit": .string(s.unitCode), "code": .string(s.code), "name": .string(s.name)]
    }
}
