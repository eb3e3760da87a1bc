public import SKMCore

/// Both registries as a merge sees them inside its write transaction: what the source holds and
/// what this database holds. The merge policy (SKMService) decides from them.
public struct MergeRegistries: Sendable {
    /// The source's units.
    public let sourceUnits: [UnitRecord]
    /// The source's services.
    public let sourceServices: [ServiceRecord]
    /// The source's custom questionnaire definitions.
    public let sourceQuestionnaires: [StoredDefinition]
    /// This database's units.
    public let targetUnits: [UnitRecord]
    /// This database's services.
    public let targetServices: [ServiceRecord]
    /// This database's custom questionnaire definitions.
    public let targetQuestionnaires: [StoredDefinition]
}

/// A custom questionnaire definition as stored (id and JSON text).
public struct StoredDefinition: Sendable, Equatable {
    /// The questionnaire id.
    public let id: String
    /// The definition, exactly as stored.
    public let definition: String

    /// A stored definition.
    public init(id: String, definition: String) {
        self.id = id
        self.definition = definition
    }
}

/// What the merge policy decided about the registry: which target unit each source unit's data
/// goes to, and what to add or rename here. Codes are this database's codes.
public struct MergeRegistryPlan: Sendable {
    /// Source unit code → the unit code its data goes to here (every source unit is listed).
    public var unitCodes: [String: String] = [:]
    /// Units to add (code, name).
    public var unitsToAdd: [(code: String, name: String)] = []
    /// Units whose name becomes the source's (code, new name).
    public var unitRenames: [(code: String, name: String)] = []
    /// Services to add under a unit of this database (unit code, code, name).
    public var servicesToAdd: [(unitCode: String, code: String, name: String)] = []
    /// Services whose name becomes the source's (unit code, code, new name).
    public var serviceRenames: [(unitCode: String, code: String, name: String)] = []
    /// Custom questionnaires to add.
    public var questionnairesToAdd: [StoredDefinition] = []
    /// Parent links to set here, applied after the units are added (unit code, parent code).
    public var parentLinks: [(code: String, parentCode: String)] = []

    /// An empty plan (nothing added, nothing renamed).
    public init() {}
}

/// A global id (`GlobalIDs`: 32 lowercase hex digits) held as 128 bits.
package struct GlobalID: Hashable, Sendable {
    let high: UInt64
    let low: UInt64

    /// The id of these 128 bits.
    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Parses 32 lowercase hex digits; nil for anything else.
    package init?(_ text: String) {
        var text = text
        guard let parsed = text.withUTF8({ GlobalID(bytes: $0) }) else { return nil }
        self = parsed
    }

    /// Parses 32 lowercase hex digits from stored bytes (the only form skm writes, so the text
    /// written back from the id is the text read); nil for anything else.
    init?(bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 32 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            let value: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = UInt64(byte - UInt8(ascii: "a") + 10)
            default: return nil
            }
            if index < 16 { high = high << 4 | value } else { low = low << 4 | value }
        }
        self.high = high
        self.low = low
    }

    /// Appends the id's 32 lowercase hex digits (the form `responses.uuid` stores).
    func appendHex(to out: inout [UInt8]) {
        Self.appendHex(high, to: &out)
        Self.appendHex(low, to: &out)
    }

    static func appendHex(_ word: UInt64, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { digits in
            var rest = word
            for index in stride(from: 15, through: 0, by: -1) {
                let nibble = UInt8(truncatingIfNeeded: rest & 0xF)
                digits[index] = nibble < 10 ? UInt8(ascii: "0") &+ nibble : UInt8(ascii: "a") &+ (nibble &- 10)
                rest >>= 4
            }
            out.append(contentsOf: UnsafeBufferPointer(digits))
        }
    }
}

/// The global ids of every response and void this database holds, read once per `skm merge`
/// and kept up to date as sources are merged (16 bytes an id, no index needed on disk).
public struct KnownIDs {
    var responses: Set<GlobalID> = []
    var voids: Set<GlobalID> = []

    /// No ids (a database without responses).
    package init() {}

    /// True when a response with this global id is stored here (voided or not).
    package func hasResponse(_ id: GlobalID) -> Bool { responses.contains(id) }

    /// Makes room for `additional` more response ids (one source's), so the set grows once. The
    /// figure comes from the source file, so it is capped (`reserveLimit`): a damaged or hostile
    /// source claiming 10^18 rows reserves no more than that, and a real one past it grows as needed.
    mutating func reserve(additional: Int) {
        responses.reserveCapacity(responses.count + min(max(0, additional), Self.reserveLimit))
    }

    /// The most ids one `reserve` makes room for (about 64 MB of set).
    static let reserveLimit = 1 << 22

    /// Takes out the ids a source added when that source was not committed after all.
    mutating func remove(_ added: AddedIDs) {
        for id in added.responses { responses.remove(id) }
        for id in added.voids { voids.remove(id) }
    }
}

/// The ids one source added to `KnownIDs`, in order (so a failed source can be taken back out).
struct AddedIDs {
    var responses: [GlobalID] = []
    var voids: [GlobalID] = []
}

extension Store {
    /// Every response's and void's global id in this database.
    public func knownIDs() throws -> KnownIDs {
        var known = KnownIDs()
        let statement = try db.prepare("SELECT uuid, void_uuid FROM responses")
        while try statement.step() {
            if let id = GlobalID(statement.optionalText(0) ?? "") { known.responses.insert(id) }
            if let id = GlobalID(statement.optionalText(1) ?? "") { known.voids.insert(id) }
        }
        return known
    }
}
