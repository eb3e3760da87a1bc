public import SKMCore
import SKMJSON
import SKMStore

/// What `skm export --aggregates` wrote.
public struct PackageExportSummary: Sendable {
    /// The package's UUID.
    public let packageID: String
    /// The survey year.
    public let year: Int
    /// Units covered.
    public let units: Int
    /// Aggregate rows written.
    public let rows: Int
    /// Respondents over the rows.
    public let respondents: Int
}

/// What `skm import` of a package did.
public struct PackageImportReport: Sendable {
    /// The package as stored (as stored before, when `alreadyStored`).
    public let package: StoredPackage
    /// True when the same package was imported before: nothing changed.
    public let alreadyStored: Bool
    /// Earlier packages whose data this one replaced.
    public let replaced: [StoredPackage]
    /// Units newly registered.
    public let unitsRegistered: [String]
    /// Services newly registered (`UNIT/SERVICE`).
    public let servicesRegistered: [String]
}

extension SKMService {
    /// The largest package read: a year of a hundred busy units is a few tens of MiB.
    public static let packageSizeLimit = 256 << 20

    /// Writes the aggregate package of `year` (one unit with every unit under it, or every unit) as JSON text: the
    /// registry, the questionnaire definitions used, the aggregate rows and small-cell-protected
    /// profile counts; nothing individual, no comments. See Protocol/aggregate-package.md.
    public func aggregatePackage(year: Int, unit rawUnit: String?) throws -> (text: String, summary: PackageExportSummary) {
        guard (1900...9999).contains(year) else {
            throw SKMError(.invalidFilter, "Tahun \(year) di luar 1900–9999.", field: "year")
        }
        let store = try existingStore()
        guard let identity = try store.identity() else {
            throw SKMError(.databaseError, "Basis data tidak punya baris identitas; jalankan skm sekali dengan izin tulis.")
        }
        let units: [UnitRecord]
        if let rawUnit {
            // A unit stands for itself and everything under it, as in every other filter by unit.
            units = try unitsWithDescendants([try resolveUnit(rawUnit, field: "unit")])
        } else {
            units = try store.units().sorted { $0.id < $1.id }
        }
        guard !units.isEmpty else {
            throw SKMError(.unknownUnit, "Belum ada unit terdaftar; tidak ada yang dapat dipaketkan.", field: "unit")
        }
        guard let first = CivilDate(year: year, month: 1, day: 1), let last = CivilDate(year: year, month: 12, day: 31) else {
            throw SKMError(.invalidFilter, "Tahun \(year) tidak sah.", field: "year")
        }
        let rows = try store.aggregateRows(from: first, to: last, unitIDs: rawUnit == nil ? nil : units.map(\.id))
        let unitCodes = Dictionary(units.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
        let services = try store.services().filter { unitCodes[$0.unitID] != nil }.sorted { $0.id < $1.id }
        let serviceCodes = Dictionary(services.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
        let catalog = try self.catalog()
        var questionnaireIDs: [String] = []
        for row in rows where !questionnaireIDs.contains(row.questionnaireID) { questionnaireIDs.append(row.questionnaireID) }
        let questionnaires = try questionnaireIDs.map { try catalog.questionnaire($0) }
        let unsurCounts = Dictionary(questionnaires.map { ($0.id, $0.unsur.count) }, uniquingKeysWith: { a, _ in a })
        var respondents = 0
        var rowJSON: [JSONValue] = []
        rowJSON.reserveCapacity(rows.count)
        // A row whose responses were all voided holds zeros: it adds nothing and is left out.
        for row in rows where row.tally.respondents != 0 {
            guard let unit = unitCodes[row.unitID], let service = serviceCodes[row.serviceID] else { continue }
            guard let total = AggregateBounds.add(respondents, row.tally.respondents) else {
                throw AggregateBounds.corrupt("jumlah responden melampaui batas bilangan")
            }
            respondents = total
            // A row migrated from schema 4 ends at its last answered unsur: pad it to the questionnaire.
            var tally = row.tally
            let unsurCount = unsurCounts[row.questionnaireID] ?? tally.unsur.count
            if tally.unsur.count < unsurCount {
                tally.unsur += Array(repeating: UnsurTally(), count: unsurCount - tally.unsur.count)
            }
            rowJSON.append(AggregatePackageJSON.row(row.questionnaireID, row.day, tally, unit: unit, service: service))
        }
        var profiles: [JSONValue] = []
        for unit in units {
            let counts = try store.profileCounts(ResponseQuery(from: first, to: last, unitIDs: [unit.id]))
            if counts.responses > 0 { profiles.append(PackageProfiles.json(unit: unit.code, counts: counts)) }
        }
        let packageID = PackageUUID.random()
        let document = AggregatePackageJSON.document(
            packageID: packageID, createdAt: clock.timestamp(), identity: identity, year: year,
            units: units.map { u in (u, services.filter { $0.unitID == u.id }) }, questionnaires: questionnaires,
            rows: rowJSON, profiles: profiles)
        let summary = PackageExportSummary(
            packageID: packageID, year: year, units: units.count, rows: rowJSON.count, respondents: respondents)
        return (JSONWriter.compact.string(document) + "\n", summary)
    }

    /// Whether the file at `path` is an aggregate package (by its content: a JSON object naming
    /// the package format near its start), so `skm import` reads it as one. Standard input and
    /// unreadable files are not packages (the ordinary import reports those).
    public func isAggregatePackage(path: String) -> Bool {
        guard path != "-", let source = try? ByteSource(path: path, chunkSize: 4096), let head = try? source.read() else {
            return false
        }
        return AggregatePackageReader.looksLikePackage(head)
    }

    /// Imports an aggregate package: read and checked whole (`packageWrite`, shared with `skm
    /// merge`: the format, its questionnaires against this database's, not this database's own),
    /// then stored in one transaction (`Store.storePackage`: unit claims, replacement of an older
    /// package, the same package twice changes nothing).
    public func importPackage(path: String) throws -> PackageImportReport {
        try importPackage(from: try ByteSource(path: path))
    }

    /// The import of a package from any byte source (a file, bytes in memory).
    public func importPackage(from source: ByteSource) throws -> PackageImportReport {
        let path = source.name
        var bytes: [UInt8] = []
        while let chunk = try source.read() {
            bytes.append(contentsOf: chunk)
            guard bytes.count <= Self.packageSizeLimit else {
                throw SKMError(
                    .invalidPackage, "Paket \(path) lebih dari \(Self.packageSizeLimit >> 20) MiB; tidak ada yang disimpan.")
            }
        }
        let write = try packageWrite(
            document: bytes, importedAt: clock.timestamp(), catalog: { try self.catalog() },
            here: { try self.store().identity()?.uuid })
        let outcome = try store().storePackage(write)
        invalidateCaches()
        return PackageImportReport(
            package: outcome.package, alreadyStored: outcome.alreadyStored, replaced: outcome.replaced,
            unitsRegistered: outcome.unitsRegistered, servicesRegistered: outcome.servicesRegistered)
    }

    /// Every imported package, oldest first (an empty list when there is no database yet).
    public func packages() throws -> [StoredPackage] {
        guard openedStore != nil || databaseExists else { return [] }
        return try existingStore().packages()
    }
}

/// Random version-4 UUIDs for packages.
enum PackageUUID {
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let digits = Array("0123456789abcdef".utf8)
        let hex = String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(hex.dropFirst(range.lowerBound).prefix(range.count))
        }
        return parts.joined(separator: "-")
    }
}
