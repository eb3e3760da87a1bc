public import SKMCore
public import SKMJSON

/// JSON shapes of imported packages (`skm import --json` of a package, `skm package list --json`).
public enum PackageJSON {
    /// A stored package: its identity, source, year, units (and which are still its own), size.
    public static func package(_ p: StoredPackage) -> JSONValue {
        [
            "id": .int(Int(p.id)), "packageId": .string(p.uuid), "sourceDatabase": .string(p.source), "year": .int(p.year),
            "createdAt": .string(p.createdAt), "importedAt": .string(p.importedAt),
            "units": .array(p.unitCodes.map { .string($0) }), "activeUnits": .array(p.activeUnitCodes.map { .string($0) }),
            "rows": .int(p.rowCount), "respondents": .int(p.respondents),
        ]
    }

    /// What an import of a package did.
    public static func report(_ r: PackageImportReport) -> JSONValue {
        [
            "kind": "aggregatePackage", "alreadyImported": .bool(r.alreadyStored), "package": package(r.package),
            "replaced": .array(r.replaced.map(package)), "unitsRegistered": .array(r.unitsRegistered.map { .string($0) }),
            "servicesRegistered": .array(r.servicesRegistered.map { .string($0) }),
        ]
    }
}
