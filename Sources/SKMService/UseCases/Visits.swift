public import SKMCore
import SKMStore

/// One visit as received from a front end: the shared part typed once (unit, service, date, time,
/// profile, saran) and the answers to each questionnaire of the set.
public struct VisitDraft: Sendable {
    /// The questionnaires answered.
    public var set: SurveySet
    /// Unit, service, date, time, profile and saran; its `questionnaire`, `answers` and `clientID` are not used.
    public var shared: ResponseDraft
    /// Answers keyed by a member's prefix (`ipak`) or questionnaire id; every member must be answered.
    public var answers: [(key: String, sheet: AnswerSheet)]
    /// An id chosen by the sender so that a retried visit is stored once; nil for none.
    public var clientID: String?

    /// A visit to be checked and stored by `SKMService.submitVisits`.
    public init(set: SurveySet, shared: ResponseDraft, answers: [(key: String, sheet: AnswerSheet)], clientID: String? = nil) {
        self.set = set
        self.shared = shared
        self.answers = answers
        self.clientID = clientID
    }
}

/// The acknowledgement of one stored visit.
public struct VisitResult: Sendable, Equatable {
    /// The visit number (the earlier one's for a duplicate).
    public let visit: Int64
    /// Each questionnaire's response, in the set's order.
    public let responses: [(questionnaire: String, id: Int64)]
    /// True when the client id was seen before with the same content (nothing new stored).
    public let duplicate: Bool

    /// Equal when the same visit and responses were acknowledged the same way.
    public static func == (a: VisitResult, b: VisitResult) -> Bool {
        a.visit == b.visit && a.duplicate == b.duplicate && a.responses.map(\.id) == b.responses.map(\.id)
            && a.responses.map(\.questionnaire) == b.responses.map(\.questionnaire)
    }
}

extension SKMService {
    /// The responses of a visit: the shared part copied into one draft per member (the saran
    /// only into the first, so a comment is counted once), each validated and resolved as a
    /// response on its own. Errors name the member (`answers.ipak`, `answers.ipak[2]`).
    func prepare(_ visit: VisitDraft) throws -> [NewResponse] {
        try visit.set.validated()
        for (key, _) in visit.answers where visit.set.member(key) == nil {
            throw SKMError(
                .invalidSurveySet,
                "Jawaban \"\(key.clipped(30))\" bukan bagian set \(visit.set.name) (\(visit.set.members.map(\.prefix).joined(separator: ", "))).",
                field: "answers.\(key.clipped(30))")
        }
        var responses: [NewResponse] = []
        for (index, member) in visit.set.members.enumerated() {
            let given = visit.answers.filter { visit.set.member($0.key) == member }
            guard given.count == 1, let sheet = given.first?.sheet else {
                throw SKMError(
                    given.isEmpty ? .answersMissing : .invalidSurveySet,
                    given.isEmpty
                        ? "Jawaban kuesioner \(member.prefix) (\(member.questionnaire)) belum diisi; satu kunjungan menjawab semua kuesioner setnya."
                        : "Jawaban kuesioner \(member.prefix) tertulis lebih dari sekali.",
                    field: "answers.\(member.prefix)")
            }
            var draft = visit.shared
            draft.questionnaire = member.questionnaire
            draft.answers = sheet
            draft.clientID = visit.clientID.map { "\($0)/\(member.prefix)" }
            if index > 0 { draft.comment = nil }
            do {
                responses.append(try prepare(draft))
            } catch let error as SKMError where error.field?.hasPrefix("answers") == true {
                // The answers are the member's own: say whose (`answers.ipak[2]`, "Kuesioner ipak: …").
                throw SKMError(
                    error.code, "Kuesioner \(member.prefix): \(error.message)",
                    field: "answers.\(member.prefix)" + (error.field?.dropFirst("answers".count) ?? ""), details: error.details)
            }
        }
        return responses
    }

    /// Stores visits in one transaction, all or none: every visit becomes one response per
    /// questionnaire (sharing date, unit, service and profile) and a visit record linking them.
    /// Each index is still computed per questionnaire; a visit counts once in each.
    public func submitVisits(_ visits: [VisitDraft]) throws -> [VisitResult] {
        var prepared: [[NewResponse]] = []
        for (index, visit) in visits.enumerated() {
            do {
                prepared.append(try prepare(visit))
            } catch let error as SKMError where visits.count > 1 && error.isAboutTheInput {
                throw error.prefixingField("visits[\(index)].")
            }
        }
        let store = try store()
        let writer = try store.writer(createdAt: clock.timestamp())
        var results: [VisitResult] = []
        for (visit, responses) in zip(visits, prepared) {
            var ids: [Int64] = []
            var duplicates = 0
            for response in responses {
                switch try writer.add(response) {
                case .stored(let id): ids.append(id)
                case .duplicate(let id):
                    ids.append(id)
                    duplicates += 1
                }
            }
            let pairs = zip(visit.set.members.map(\.questionnaire), ids).map { (questionnaire: $0, id: $1) }
            if duplicates == 0 {
                results.append(
                    VisitResult(
                        visit: try writer.addVisit(surveySet: visit.set.name, responseIDs: ids), responses: pairs,
                        duplicate: false))
            } else if duplicates == responses.count, let first = ids.first, let earlier = try store.visitID(ofResponse: first) {
                results.append(VisitResult(visit: earlier, responses: pairs, duplicate: true))
            } else {
                writer.rollback()
                throw SKMError(
                    .clientIDConflict,
                    "Client id \(visit.clientID ?? "-") sudah dipakai untuk sebagian kuesioner kunjungan ini saja; tidak ada yang disimpan.",
                    field: "clientId")
            }
        }
        try writer.commit()
        return results
    }

    /// Stores one visit; see `submitVisits`.
    public func submitVisit(_ visit: VisitDraft) throws -> VisitResult {
        guard let result = try submitVisits([visit]).first else {
            throw SKMError(.internal, "Kunjungan tidak tersimpan.")
        }
        return result
    }

    /// A stored visit with its response numbers; `visit_not_found` when there is none.
    public func visit(id: Int64) throws -> VisitRecord {
        guard let visit = try existingStore().visit(id: id) else {
            throw SKMError(.visitNotFound, "Kunjungan #\(id) tidak ditemukan.", field: "id")
        }
        return visit
    }

    /// Voids a visit and all its responses (each keeps the reason); a reason is required.
    public func voidVisit(id: Int64, reason: String) throws -> VisitRecord {
        let reason = try TextRules.reason(reason)
        return try existingStore().voidVisit(id: id, reason: reason, at: clock.timestamp())
    }

    /// How many visits (respondents of survey sets, each once) have a counting response in the filter.
    public func visitCount(_ filter: SurveyFilter) throws -> Int {
        try existingStore().visitCount(try resolve(filter).query)
    }
}
