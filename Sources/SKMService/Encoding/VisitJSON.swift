public import SKMCore
public import SKMJSON

/// Visits as JSON: the `visit.submit` params and the shapes `visit.submit`, `visit.get`,
/// `visit.void` and `skm visit … --json` return.
public enum VisitJSON {
    /// A visit from `visit.submit` params: `set` (default `zi`), the shared fields of
    /// `response.submit` (`unit`, `service`, `date`, `time`, `respondent`, `comment`, `clientId`) and
    /// `answers`, an object keyed by member prefix or questionnaire id (`{"skm": [...], "ipak": {"U1": 4, ...}}`).
    public static func draft(_ fields: JSONFields) throws -> VisitDraft {
        try fields.rejectUnknown(["set", "unit", "service", "date", "time", "respondent", "comment", "clientId", "answers"])
        let set = try SurveySet.named(try fields.string("set") ?? SurveySet.zi.name)
        var shared = fields.object
        shared["set"] = nil
        shared["answers"] = nil
        let clientID = try fields.string("clientId")
        shared["clientId"] = nil
        let draft = try ResponseJSON.draft(JSONFields(shared, path: fields.path))
        guard let answers = try fields.nested("answers") else {
            throw SKMError(
                .answersMissing,
                "Parameter \"answers\" wajib diisi: objek per kuesioner, mis. {\"skm\": [4,3,…], \"ipkp\": […], \"ipak\": […]}.",
                field: fields.name("answers"))
        }
        var sheets: [(key: String, sheet: AnswerSheet)] = []
        for member in answers.object.members {
            sheets.append((member.key, try ResponseJSON.sheet(member.value, field: answers.name(member.key))))
        }
        return VisitDraft(set: set, shared: draft, answers: sheets, clientID: clientID)
    }

    /// `{visit, duplicate, responses: [{questionnaire, id}]}`.
    public static func submitted(_ result: VisitResult) -> JSONValue {
        [
            "visit": .int(Int(result.visit)), "duplicate": .bool(result.duplicate),
            "responses": .array(result.responses.map { ["questionnaire": .string($0.questionnaire), "id": .int(Int($0.id))] }),
        ]
    }

    /// `{id, uuid, set, createdAt, voided, voidedAt, voidReason, responses}`.
    public static func visit(_ v: VisitRecord) -> JSONValue {
        [
            "id": .int(Int(v.id)), "uuid": .string(v.uuid), "set": .string(v.surveySet), "createdAt": .string(v.createdAt),
            "voided": .bool(v.voidedAt != nil), "voidedAt": v.voidedAt.map { .string($0) } ?? .null,
            "voidReason": v.voidReason.map { .string($0) } ?? .null, "responses": .array(v.responseIDs.map { .int(Int($0)) }),
        ]
    }
}
