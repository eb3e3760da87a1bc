/// One aggregate row as read for a package: a questionnaire, day, unit and service with its tally.
public struct AggregateRowRecord: Sendable, Equatable {
    /// The questionnaire the responses answered.
    public let questionnaireID: String
    /// The survey day, `YYYY-MM-DD`.
    public let day: String
    /// The unit's row id in the store that read it.
    public let unitID: Int64
    /// The service's row id in the store that read it.
    public let serviceID: Int64
    /// Respondents, score sums and per-unsur counts of the row.
    public let tally: Tally

    /// A row as the store read it.
    public init(questionnaireID: String, day: String, unitID: Int64, serviceID: Int64, tally: Tally) {
        self.questionnaireID = questionnaireID
        self.day = day
        self.unitID = unitID
        self.serviceID = serviceID
        self.tally = tally
    }
}

/// A unit a package covers, with the services its rows name (codes normalised).
public struct PackageUnit: Sendable, Equatable {
    /// The unit code.
    public let code: String
    /// The unit name as the sending office registered it.
    public let name: String
    /// The unit's services: code and name.
    public let services: [(code: String, name: String)]

    /// A unit of a package.
    public init(code: String, name: String, services: [(code: String, name: String)]) {
        self.code = code
        self.name = name
        self.services = services
    }

    /// Equal when code, name and every service are equal.
    public static func == (a: PackageUnit, b: PackageUnit) -> Bool {
        a.code == b.code && a.name == b.name && a.services.elementsEqual(b.services) { $0 == $1 }
    }
}

/// One aggregate row of a package, named by codes (the receiving store has its own ids).
public struct PackageRow: Sendable, Equatable {
    /// The questionnaire id.
    public let questionnaireID: String
    /// The survey day, `YYYY-MM-DD`, inside the package's year.
    public let day: String
    /// The unit code (one of the package's units).
    public let unitCode: String
    /// The service code (one of that unit's services).
    public let serviceCode: String
    /// Respondents, score sums and per-unsur counts.
    public let tally: Tally

    /// A row of a package.
    public init(questionnaireID: String, day: String, unitCode: String, serviceCode: String, tally: Tally) {
        self.questionnaireID = questionnaireID
        self.day = day
        self.unitCode = unitCode
        self.serviceCode = serviceCode
        self.tally = tally
    }
}

/// A checked package ready to be stored: who sent it, what it covers, its rows and its text.
public struct PackageWrite: Sendable {
    /// The package's own UUID.
    public let uuid: String
    /// The identity UUID of the database that wrote it.
    public let source: String
    /// That database's write generation when it was written (orders packages of one source).
    public let sourceGeneration: Int64
    /// The survey year it covers.
    public let year: Int
    /// When it was written (ISO 8601 UTC).
    public let createdAt: String
    /// When it is being imported.
    public let importedAt: String
    /// SHA-256 of the file, hex.
    public let sha256: String
    /// The units it covers: each unit's data for the year is entirely this package's.
    public let units: [PackageUnit]
    /// Its aggregate rows.
    public let rows: [PackageRow]
    /// Respondents over all rows.
    public let respondents: Int
    /// The small-cell-protected profile counts, as JSON text.
    public let profiles: String
    /// The whole package as received.
    public let document: String

    /// A package to store.
    public init(
        uuid: String, source: String, sourceGeneration: Int64, year: Int, createdAt: String, importedAt: String, sha256: String,
        units: [PackageUnit], rows: [PackageRow], respondents: Int, profiles: String, document: String
    ) {
        self.uuid = uuid
        self.source = source
        self.sourceGeneration = sourceGeneration
        self.year = year
        self.createdAt = createdAt
        self.importedAt = importedAt
        self.sha256 = sha256
        self.units = units
        self.rows = rows
        self.respondents = respondents
        self.profiles = profiles
        self.document = document
    }
}

/// A package as stored, for listings and import reports.
public struct StoredPackage: Sendable, Equatable {
    /// Its number in this database.
    public let id: Int64
    /// The package's own UUID.
    public let uuid: String
    /// The identity UUID of the database that wrote it.
    public let source: String
    /// The sending database's write generation when it was written.
    public let sourceGeneration: Int64
    /// The survey year.
    public let year: Int
    /// When it was written.
    public let createdAt: String
    /// When it was imported here.
    public let importedAt: String
    /// Its aggregate rows.
    public let rowCount: Int
    /// Respondents over its rows.
    public let respondents: Int
    /// The codes of the units it covers.
    public let unitCodes: [String]
    /// The codes of the units whose data is still this package's (not replaced by a newer one).
    public let activeUnitCodes: [String]

    /// A stored package.
    public init(
        id: Int64, uuid: String, source: String, sourceGeneration: Int64, year: Int, createdAt: String, importedAt: String,
        rowCount: Int, respondents: Int, unitCodes: [String], activeUnitCodes: [String]
    ) {
        self.id = id
        self.uuid = uuid
        self.source = source
        self.sourceGeneration = sourceGeneration
        self.year = year
        self.createdAt = createdAt
        self.importedAt = importedAt
        self.rowCount = rowCount
        self.respondents = respondents
        self.unitCodes = unitCodes
        self.activeUnitCodes = activeUnitCodes
    }
}

/// What storing a package did.
public struct PackageStoreOutcome: Sendable, Equatable {
    /// The package as now stored (or as stored before, when `alreadyStored`).
    public let package: StoredPackage
    /// True when this very package (same UUID) was stored before: nothing changed.
    public let alreadyStored: Bool
    /// Earlier packages whose data for some of these units this one replaced.
    public let replaced: [StoredPackage]
    /// Units registered by this import (codes).
    public let unitsRegistered: [String]
    /// Services registered by this import, as `UNIT/SERVICE`.
    public let servicesRegistered: [String]

    /// An outcome.
    public init(
        package: StoredPackage, alreadyStored: Bool, replaced: [StoredPackage], unitsRegistered: [String],
        servicesRegistered: [String]
    ) {
        self.package = package
        self.alreadyStored = alreadyStored
        self.replaced = replaced
        self.unitsRegistered = unitsRegistered
        self.servicesRegistered = servicesRegistered
    }
}
