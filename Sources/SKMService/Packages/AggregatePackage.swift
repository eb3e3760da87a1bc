public import SKMCore
public import SKMJSON

/// An aggregate package as read from its JSON (see Protocol/aggregate-package.md): what an
/// office that must not send raw data sends up, everything an exact IKM needs and nothing
/// individual. `AggregatePackageReader` builds one only from a package whose every count could
/// come from real responses.
public struct AggregatePackage: Sendable {
    /// The `format` member every package starts with.
    public static let formatName = "skm-aggregate-package"
    /// The one version this skm reads and writes.
    public static let formatVersion = 1

    /// Who wrote it (`skm 0.1.0`).
    public let producer: String
    /// When it was written (ISO 8601 UTC).
    public let createdAt: String
    /// The package's own UUID: the same package imported twice is recognised by it.
    public let packageID: String
    /// The identity UUID of the database that wrote it (32 hex digits).
    public let sourceDatabase: String
    /// That database's write generation when it was written: a newer package of the same source
    /// has a generation at least as high.
    public let sourceGeneration: Int64
    /// The survey year it covers.
    public let year: Int
    /// The units it covers, with their services.
    public let units: [PackageUnit]
    /// The full definitions of the questionnaires its rows use.
    public let questionnaires: [Questionnaire]
    /// The aggregate rows.
    public let rows: [PackageRow]
    /// Respondents over all rows.
    public let respondents: Int
    /// The profile counts per unit, small cells already merged (kept as received).
    public let profiles: JSONValue
}
