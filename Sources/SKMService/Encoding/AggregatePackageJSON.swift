import SKMCore
import SKMJSON
import SKMStore

/// The JSON of an aggregate package as `skm export --aggregates` writes it (the reader is
/// `AggregatePackageReader`; the format is documented in Protocol/aggregate-package.md).
enum AggregatePackageJSON {
    /// One aggregate row: codes instead of ids, unsur as `[answered, sum, sumOfSquares]`.
    static func row(_ questionnaire: String, _ day: String, _ tally: Tally, unit: String, service: String) -> JSONValue {
        [
            "questionnaire": .string(questionnaire), "day": .string(day), "unit": .string(unit),
            "service": .string(service), "respondents": .int(tally.respondents), "scoreSum": .double(tally.scoreSum),
            "scoreSumOfSquares": .double(tally.scoreSumOfSquares),
            "unsur": .array(tally.unsur.map { .array([.int($0.answered), .int($0.sum), .int($0.sumOfSquares)]) }),
        ]
    }

    /// The whole package, `format` first so a reader can tell it from its first bytes.
    static func document(
        packageID: String, createdAt: String, identity: StoreIdentity, year: Int,
        units: [(UnitRecord, [ServiceRecord])], questionnaires: [Questionnaire], rows: [JSONValue], profiles: [JSONValue]
    ) -> JSONValue {
        [
            "format": .string(AggregatePackage.formatName), "formatVersion": .int(AggregatePackage.formatVersion),
            "producer": .string("skm \(SKMService.version)"), "createdAt": .string(createdAt), "packageId": .string(packageID),
            "sourceDatabase": .string(identity.uuid),
            "sourceGeneration": .number(JSONNumber(literal: String(identity.generation))),
            "year": .int(year),
            "units": .array(
                units.map { unit, services in
                    [
                        "code": .string(unit.code), "name": .string(unit.name),
                        "services": .array(services.map { ["code": .string($0.code), "name": .string($0.name)] }),
                    ]
                }),
            "questionnaires": .array(questionnaires.map(\.json)),
            "rows": .array(rows),
            "smallCellRule": .string(PackageProfiles.ruleText),
            "profiles": .array(profiles),
        ]
    }
}
