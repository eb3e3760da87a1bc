public import SKMCore

/// A validated response with its unit and service resolved, ready to be written.
public struct NewResponse: Sendable, Equatable {
    public let content: ResponseContent
    public let unitID: Int64
    public let serviceID: Int64
    public let clientID: String?
    /// The respondent's weighted mean answer (see `RespondentScore`), kept for the aggregates.
    public let score: Double?
    /// The row fingerprint of an imported response without a client id (`ImportKey`); nil otherwise.
    public let importKey: Int64?
    /// What a merge carries from the source row; nil for a response stored here first.
    public let carried: CarriedFields?

    public init(
        content: ResponseContent, unitID: Int64, serviceID: Int64, clientID: String?, score: Double?, importKey: Int64? = nil,
        carried: CarriedFields? = nil
    ) {
        self.content = content
        self.unitID = unitID
        self.serviceID = serviceID
        self.clientID = clientID
        self.score = score
        self.importKey = importKey
        self.carried = carried
    }
}

/// The fields a merged response keeps from its source database instead of getting new ones.
public struct CarriedFields: Sendable, Equatable {
    /// The response's global id.
    package let uuid: GlobalID
    /// When the source stored it.
    public let createdAt: String
    /// The batch it belongs to in this database (already carried), or nil.
    public let importBatch: Int64?
    /// Its void, when the source had voided it: stored voided, never counted.
    public let void: CarriedVoid?

    /// The carried fields of one source row.
    package init(uuid: GlobalID, createdAt: String, importBatch: Int64?, void: CarriedVoid?) {
        self.uuid = uuid
        self.createdAt = createdAt
        self.importBatch = importBatch
        self.void = void
    }
}

/// A void as stored in a source database: its global id, time and reason.
public struct CarriedVoid: Sendable, Equatable {
    /// The void's global id (32 lowercase hex digits).
    public let uuid: String
    /// When it was voided.
    public let at: String
    /// Why.
    public let reason: String

    /// A void read from a source row.
    public init(uuid: String, at: String, reason: String) {
        self.uuid = uuid
        self.at = at
        self.reason = reason
    }
}

/// What happened to one response of a write.
public enum InsertOutcome: Sendable, Equatable {
    /// Stored under this id.
    case stored(Int64)
    /// The client id was seen before with the same content: nothing new stored, this is its id.
    case duplicate(Int64)
}

/// Answers as stored: one character per unsur, `1`–`9`, `-` for blank.
enum AnswerCoding {
    static func encode(_ answers: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: answers.count) { out in
            for (i, a) in answers.enumerated() { out[i] = a == 0 ? UInt8(ascii: "-") : UInt8(ascii: "0") + a }
            return answers.count
        }
    }

    static func decode(_ text: String) -> [UInt8] {
        text.utf8.map(digit)
    }

    /// Appends the stored form of `answers` to `out` (what `encode` returns, without a string).
    static func append(_ answers: [UInt8], to out: inout [UInt8]) {
        for a in answers { out.append(a == 0 ? UInt8(ascii: "-") : UInt8(ascii: "0") + a) }
    }

    /// One stored answer character as its value (0 for blank or anything unexpected).
    static func digit(_ b: UInt8) -> UInt8 {
        (b >= UInt8(ascii: "1") && b <= UInt8(ascii: "9")) ? b - UInt8(ascii: "0") : 0
    }
}

/// Which responses (or aggregates) a read covers. Every part is optional; nil means "all".
public struct ResponseQuery: Sendable, Equatable {
    public var questionnaireID: String?
    public var from: CivilDate?
    public var to: CivilDate?
    public var unitIDs: [Int64]?
    public var serviceIDs: [Int64]?

    public init(
        questionnaireID: String? = nil, from: CivilDate? = nil, to: CivilDate? = nil, unitIDs: [Int64]? = nil,
        serviceIDs: [Int64]? = nil
    ) {
        self.questionnaireID = questionnaireID
        self.from = from
        self.to = to
        self.unitIDs = unitIDs
        self.serviceIDs = serviceIDs
    }

    /// WHERE clauses over columns named as in both `responses` and the aggregate tables.
    /// Values are bound, never spliced.
    func whereClauses() -> (clauses: [String], values: [SQLValue]) {
        var clauses: [String] = []
        var values: [SQLValue] = []
        if let questionnaireID {
            clauses.append("questionnaire = ?")
            values.append(.text(questionnaireID))
        }
        if let from {
            clauses.append("day >= ?")
            values.append(.text(from.iso))
        }
        if let to {
            clauses.append("day <= ?")
            values.append(.text(to.iso))
        }
        if let unitIDs {
            clauses.append("unit_id IN (\(Array(repeating: "?", count: unitIDs.count).joined(separator: ",")))")
            values.append(contentsOf: unitIDs.map { .int($0) })
        }
        if let serviceIDs {
            clauses.append("service_id IN (\(Array(repeating: "?", count: serviceIDs.count).joined(separator: ",")))")
            values.append(contentsOf: serviceIDs.map { .int($0) })
        }
        return (clauses, values)
    }
}
