public import SKMCore
public import SKMJSON

/// Responses as JSON: the `response.submit` params (also one JSON Lines import row) and the
/// stored form returned by `response.get` and JSON Lines export, with the same field names.
public enum ResponseJSON {
    static let writableKeys = [
        "questionnaire", "unit", "service", "date", "time", "answers", "respondent", "comment", "clientId",
    ]
    /// Keys of the stored form that an import of an export may carry; they are ignored.
    static let readOnlyKeys = ["id", "createdAt", "voided", "voidedAt", "voidReason", "answersByUnsur", "idGlobal"]
    static let respondentKeys = ProfileKey.fields.map(\.name) + ["age"]

    /// A draft from `response.submit` params or a JSON Lines row; checks JSON types and keys only, the validator checks values.
    public static func draft(_ fields: JSONFields, allowReadOnlyKeys: Bool = false) throws(SKMError) -> ResponseDraft {
        try fields.rejectUnknown(writableKeys + (allowReadOnlyKeys ? readOnlyKeys : []))
        if allowReadOnlyKeys, try fields.bool("voided") == true {
            throw SKMError(
                .voidedNotImported, "Respons yang sudah dibatalkan (voided) tidak diimpor.", field: fields.name("voided"))
        }
        var draft = ResponseDraft(
            questionnaire: try fields.string("questionnaire"), unit: try fields.string("unit"),
            service: try fields.string("service"), date: try fields.string("date"), time: try fields.string("time"),
            comment: try fields.string("comment"), clientID: try fields.string("clientId"))
        // An export's global id: the import recognises the response by it (`ImportGlobalIDs`).
        if allowReadOnlyKeys { draft.globalID = try fields.string("idGlobal") }
        if let answers = fields.object["answers"], !answers.isNull {
            draft.answers = try sheet(answers, field: fields.name("answers"))
        }
        if let respondent = try fields.nested("respondent") {
            try respondent.rejectUnknown(respondentKeys + (allowReadOnlyKeys ? ["occupationAsWritten"] : []))
            for profile in ProfileKey.fields { profile.setDraftValue(&draft, try respondent.string(profile.name)) }
            // An export's word as written (`Petani`) is read again as the occupation: mapped the same way, kept the same way.
            if allowReadOnlyKeys, let word = try respondent.string("occupationAsWritten") { draft.occupation = word }
            if let age = respondent.object["age"], !age.isNull { draft.age = rawInteger(age) }
        }
        return draft
    }

    /// Answers as an array in question order or an object keyed by unsur code.
    public static func sheet(_ value: JSONValue, field: @autoclosure () -> String) throws(SKMError) -> AnswerSheet {
        switch value {
        case .array(let elements):
            return .byQuestion(elements.map(rawInteger))
        case .object(let object):
            return .byUnsur(object.members.map { (code: $0.key, answer: rawInteger($0.value)) })
        default:
            let field = field()
            throw SKMError(
                .wrongType,
                "\(field) harus array jawaban urut pertanyaan (mis. [4,3,null,4,…]) atau objek per unsur (mis. {\"U1\":4,…}), bukan \(value.indonesianTypeName).",
                field: field)
        }
    }

    static func rawInteger(_ value: JSONValue) -> RawInteger {
        switch value {
        case .null: return .blank
        case .number(let n): return n.int.map { .value($0) } ?? .invalid(n.text)
        case .string(let s): return RawInteger(text: s)
        default: return .invalid(value.description)
        }
    }

    /// The stored form of a response; answers in question order (null = blank) and by unsur.
    public static func stored(_ r: StoredResponse, questionnaire q: Questionnaire?) -> JSONValue {
        stored(r, questionnaire: q, globalID: false)
    }

    /// The stored form, with the global id (`idGlobal`) when `globalID` (a JSON Lines export, so that importing
    /// it recognises each response); `response.get` and the CLI's JSON leave it out.
    static func stored(_ r: StoredResponse, questionnaire q: Questionnaire?, globalID: Bool) -> JSONValue {
        let c = r.content
        let byQuestion: [JSONValue]
        var byUnsur = JSONObject()
        if let q, q.unsur.count == c.answers.count {
            byQuestion = q.unsurIndexOfQuestion.map { answerValue(c.answers[$0]) }
            for (i, u) in q.unsur.enumerated() { byUnsur[u.code] = answerValue(c.answers[i]) }
        } else {
            byQuestion = c.answers.map(answerValue)
            for (i, a) in c.answers.enumerated() { byUnsur["U\(i + 1)"] = answerValue(a) }
        }
        var respondent = JSONObject()
        for profile in ProfileKey.fields { respondent[profile.name] = .string(profile.respondentValue(c.respondent)) }
        respondent["age"] = .int(c.respondent.age)
        if let word = c.respondent.occupationAsWritten { respondent["occupationAsWritten"] = .string(word) }
        var object: JSONObject = [
            "id": .int(Int(r.id)),
            "questionnaire": .string(c.questionnaireID),
            "unit": .string(c.unitCode),
            "service": .string(c.serviceCode),
            "date": .string(c.date.iso),
            "time": .string(c.timeSlot),
            "answers": .array(byQuestion),
            "answersByUnsur": .object(byUnsur),
            "respondent": .object(respondent),
            "comment": .string(c.comment),
            "clientId": .string(r.clientID),
            "createdAt": .string(r.createdAt),
            "voided": .bool(r.isVoided),
            "voidedAt": .string(r.voidedAt),
            "voidReason": .string(r.voidReason),
        ]
        if globalID { object["idGlobal"] = .string(r.globalID) }
        return .object(object)
    }

    static func answerValue(_ a: UInt8) -> JSONValue { a == 0 ? .null : .int(Int(a)) }
}
