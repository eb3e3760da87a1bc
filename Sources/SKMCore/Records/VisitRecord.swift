/// A visit as stored: one respondent's answers to several questionnaires in one sitting.
public struct VisitRecord: Sendable, Equatable {
    /// The visit number (`kunjungan #id`), assigned by the store in order of storing.
    public let id: Int64
    /// Random, unique across databases (so merged copies never clash).
    public let uuid: String
    /// The survey set it was entered as (`zi`), or `custom` for a list of questionnaires given by hand.
    public let surveySet: String
    /// When it was stored (ISO 8601 timestamp).
    public let createdAt: String
    /// When it was voided; nil while it counts.
    public let voidedAt: String?
    /// Why it was voided; nil while it counts.
    public let voidReason: String?
    /// Its responses, one per questionnaire, in the order they were entered.
    public let responseIDs: [Int64]

    /// A visit as read back from the store.
    public init(
        id: Int64, uuid: String, surveySet: String, createdAt: String, voidedAt: String?, voidReason: String?,
        responseIDs: [Int64]
    ) {
        self.id = id
        self.uuid = uuid
        self.surveySet = surveySet
        self.createdAt = createdAt
        self.voidedAt = voidedAt
        self.voidReason = voidReason
        self.responseIDs = responseIDs
    }
}
