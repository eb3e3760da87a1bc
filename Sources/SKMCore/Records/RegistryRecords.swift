// The records the store keeps live in the core, not in SKMStore: they are the office's data (its
// units, services, responses, indicator values), the store produces them and every front end
// reads them, while only SKMService may see the store itself.

/// A unit of service (unit pelayanan): a kecamatan office, a puskesmas, a dinas counter.
public struct UnitRecord: Sendable, Equatable {
    /// The row id in the store.
    public let id: Int64
    /// The unit's code, normalised to upper case (`KEC-TT`).
    public let code: String
    /// The unit's name as registered.
    public let name: String
    /// When it was registered (ISO 8601 timestamp).
    public let createdAt: String
    /// The row id of the unit it belongs to (a dinas's kabupaten, a puskesmas's dinas); nil at the top.
    public let parentID: Int64?
    /// The population it serves in a year, when recorded (for the sample-adequacy check of a rekap).
    public let population: Int?

    /// A unit as the store registered it.
    public init(id: Int64, code: String, name: String, createdAt: String, parentID: Int64? = nil, population: Int? = nil) {
        self.id = id
        self.code = code
        self.name = name
        self.createdAt = createdAt
        self.parentID = parentID
        self.population = population
    }
}

/// A kind of service (jenis layanan) offered by a unit.
public struct ServiceRecord: Sendable, Equatable {
    /// The row id in the store.
    public let id: Int64
    /// The row id of the unit offering it.
    public let unitID: Int64
    /// The code of the unit offering it.
    public let unitCode: String
    /// The service's code, normalised to upper case, unique within its unit.
    public let code: String
    /// The service's name as registered.
    public let name: String
    /// When it was registered (ISO 8601 timestamp).
    public let createdAt: String

    /// A service as the store registered it.
    public init(id: Int64, unitID: Int64, unitCode: String, code: String, name: String, createdAt: String) {
        self.id = id
        self.unitID = unitID
        self.unitCode = unitCode
        self.code = code
        self.name = name
        self.createdAt = createdAt
    }
}
