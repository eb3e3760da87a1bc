public import SKMCore
import SKMStore

extension SKMService {
    /// One stored response, voided or not.
    public func response(id: Int64) throws -> StoredResponse {
        guard id > 0, let response = try existingStore().response(id: id) else {
            throw SKMError(.responseNotFound, "Respons #\(id) tidak ditemukan.", field: "id")
        }
        return response
    }

    /// The largest page `responses(_:includeVoided:afterID:limit:)` returns; bigger limits are refused.
    public static let maxListLimit = 1000

    /// A page of responses in id order, after `afterID`.
    public func responses(
        _ filter: SurveyFilter, includeVoided: Bool = true, afterID: Int64 = 0, limit: Int = 100
    ) throws -> [StoredResponse] {
        guard (1...Self.maxListLimit).contains(limit) else {
            throw SKMError(.invalidNumber, "limit harus 1–\(Self.maxListLimit), diterima \(limit).", field: "limit")
        }
        guard afterID >= 0 else {
            throw SKMError(.invalidNumber, "after harus 0 atau lebih, diterima \(afterID).", field: "after")
        }
        let resolved = try resolve(filter)
        return try existingStore().responses(resolved.query, includeVoided: includeVoided, afterID: afterID, limit: limit)
    }

    /// Voids a response: kept with the reason in the audit trail, removed from every IKM.
    public func void(id: Int64, reason rawReason: String) throws -> StoredResponse {
        let reason = try TextRules.reason(rawReason)
        guard id > 0 else { throw SKMError(.responseNotFound, "Respons #\(id) tidak ditemukan.", field: "id") }
        let store = try existingStore()
        _ = try store.void(ranges: [id...id], reason: reason, at: clock.timestamp())
        return try response(id: id)
    }

    /// The most recently stored response (front-desk entry starts from its unit and service).
    public func latestResponse() throws -> StoredResponse? {
        guard databaseExists else { return nil }
        return try existingStore().latestResponse()
    }

    /// The response stored under a client id, if any.
    public func response(clientID: String) throws -> StoredResponse? {
        guard databaseExists else { return nil }
        return try existingStore().response(clientID: clientID)
    }

    /// The questionnaire a stored response was answered on, if it is still known.
    public func questionnaire(of response: StoredResponse) -> Questionnaire? {
        try? catalog().questionnaire(response.content.questionnaireID)
    }
}
