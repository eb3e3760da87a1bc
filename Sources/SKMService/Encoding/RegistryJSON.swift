public import SKMCore
public import SKMJSON

/// Units and services as JSON (`skm unit list --json`, `unit.list`, `service.list`).
public enum RegistryJSON {
    /// Every unit, each with its own services picked from `services`.
    public static func units(_ units: [UnitRecord], services: [ServiceRecord]) -> JSONValue {
        .array(units.map { u in unit(u, services: services.filter { $0.unitID == u.id }) })
    }

    /// `{code, name, services}` for one unit; `services` should be that unit's.
    public static func unit(_ u: UnitRecord, services: [ServiceRecord]) -> JSONValue {
        ["code": .string(u.code), "name": .string(u.name), "services": .array(services.map(service))]
    }

    /// `{unit, code, name}` for one service.
    public static func service(_ s: ServiceRecord) -> JSONValue {
        ["unit": .string(s.unitCode), "code": .string(s.code), "name": .string(s.name)]
    }
}
