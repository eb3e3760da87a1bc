/// A response as stored, voided or not.
public struct StoredResponse: Sendable, Equatable {
    /// The response number (`#id`), assigned by the store in order of storing.
    public let id: Int64
    /// What was answered: questionnaire, unit and service codes, date, answers, profile, comment.
    public let content: ResponseContent
    /// The row id of the unit.
    public let unitID: Int64
    /// The row id of the service.
    public let serviceID: Int64
    /// The sender's id for idempotent resubmission; nil when none was given.
    public let clientID: String?
    /// The respondent's weighted mean answer (see `RespondentScore`); nil when it has none.
    public let score: Double?
    /// When it was stored (ISO 8601 timestamp).
    public let createdAt: String
    /// When it was voided; nil while it counts.
    public let voidedAt: String?
    /// Why it was voided; nil while it counts.
    public let voidReason: String?
    /// The response's global id (`responses.uuid`, 32 lowercase hex digits); nil when not read.
    public let globalID: String?

    /// Voided responses stay stored but count in no IKM.
    public var isVoided: Bool { voidedAt != nil }

    /// A response as read back from the store.
    public init(
        id: Int64, content: ResponseContent, unitID: Int64, serviceID: Int64, clientID: String?, score: Double?,
        createdAt: String, voidedAt: String?, voidReason: String?, globalID: String? = nil
    ) {
        self.globalID = globalID
        self.id = id
        self.content = content
        self.unitID = unitID
        self.serviceID = serviceID
        self.clientID = clientID
        self.score = score
        self.createdAt = createdAt
        self.voidedAt = voidedAt
        self.voidReason = voidReason
    }
}
