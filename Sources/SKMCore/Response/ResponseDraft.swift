/// A whole number as received from a person or a program, before validation.
///
/// Front ends (command line, CSV, JSON) only classify what they received; the validator decides
/// what is acceptable and words the error, so every front end reports the same message.
public enum RawInteger: Sendable, Equatable {
    case blank
    case value(Int)
    /// Anything else, as received ("x", "3.5", `true`), for the error message.
    case invalid(String)

    /// Reads text: empty (or spaces) is blank; digits with an optional sign are a value.
    public init(text: String) {
        let trimmed = text.trimmingSpaces()
        if trimmed.isEmpty {
            self = .blank
        } else if let v = Int(trimmed) {
            self = .value(v)
        } else if let v = Self.wholeNumberWithZeroDecimals(trimmed) {
            self = .value(v)  // "4.0" or "4,0", as spreadsheets write whole numbers
        } else {
            self = .invalid(trimmed)
        }
    }
}

extension RawInteger {
    /// `4.0`, `-2,00`: a whole number written with a decimal mark and only zeros after it. Read
    /// from the text itself, never through a floating-point parse (which took `4\0` and
    /// `3.9999999999999999999` for 4).
    static func wholeNumberWithZeroDecimals(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard let mark = bytes.firstIndex(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }),
            mark + 1 < bytes.count, bytes[(mark + 1)...].allSatisfy({ $0 == UInt8(ascii: "0") })
        else { return nil }
        let whole = bytes[..<mark]
        let digits = whole.first == UInt8(ascii: "-") || whole.first == UInt8(ascii: "+") ? whole.dropFirst() : whole
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(String(decoding: whole, as: UTF8.self))
    }
}

/// The answers of one response, as received.
public enum AnswerSheet: Sendable, Equatable {
    /// In the paper form's question order.
    case byQuestion([RawInteger])
    /// Keyed by unsur code (`U1`…); every unsur must be present (blank = `.blank`).
    case byUnsur([(code: String, answer: RawInteger)])

    /// Equal when the same kind of sheet holds the same answers in the same order; by-unsur codes compare exactly.
    public static func == (a: AnswerSheet, b: AnswerSheet) -> Bool {
        switch (a, b) {
        case (.byQuestion(let x), .byQuestion(let y)): return x == y
        case (.byUnsur(let x), .byUnsur(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.code == $1.code && $0.answer == $1.answer }
        default: return false
        }
    }
}

/// One response as received from any front end, every field still unchecked.
public struct ResponseDraft: Sendable, Equatable {
    /// A questionnaire id; nil for the default one.
    public var questionnaire: String?
    /// The unit code as typed; required, normalised by `TextRules.code`.
    public var unit: String?
    /// The service code as typed; required, normalised by `TextRules.code`.
    public var service: String?
    /// The survey date as typed (`YYYY-MM-DD`); nil or blank for today.
    public var date: String?
    /// A time slot code or label, or a clock time inside a slot; nil or blank for none.
    public var time: String?
    /// The answers; required.
    public var answers: AnswerSheet?
    /// Gender as typed: a choice's code, label or alias.
    public var gender: String?
    /// Education level as typed: a choice's code, label or alias.
    public var education: String?
    /// Occupation as typed: a choice's code, label or alias.
    public var occupation: String?
    /// Age in years as received; `.blank` when not given.
    public var age: RawInteger
    /// The respondent's saran as typed; blank means none.
    public var comment: String?
    /// An id chosen by the sender so that a retried submission is stored once; blank means none.
    public var clientID: String?
    /// The response's global id as an import file carries it (`idGlobal` of skm's own export); nil for none.
    public var globalID: String?

    /// A draft; every field is optional here, the validator decides what is required.
    public init(
        questionnaire: String? = nil, unit: String? = nil, service: String? = nil, date: String? = nil,
        time: String? = nil, answers: AnswerSheet? = nil, gender: String? = nil, education: String? = nil,
        occupation: String? = nil, age: RawInteger = .blank, comment: String? = nil, clientID: String? = nil
    ) {
        self.questionnaire = questionnaire
        self.unit = unit
        self.service = service
        self.date = date
        self.time = time
        self.answers = answers
        self.gender = gender
        self.education = education
        self.occupation = occupation
        self.age = age
        self.comment = comment
        self.clientID = clientID
    }
}

/// The respondent's profile after validation: codes from the questionnaire's lists.
public struct Respondent: Sendable, Equatable {
    /// The gender choice code; nil when not given.
    public var gender: String?
    /// The education choice code; nil when not given.
    public var education: String?
    /// The occupation choice code; nil when not given.
    public var occupation: String?
    /// Age in whole years, within the questionnaire's age range; nil when not given.
    public var age: Int?
    /// The occupation as written when it was a common word mapped to the form's category
    /// (`Petani` → `LAINNYA`, see `ProfileFieldDescription.commonWords`); nil otherwise.
    public var occupationAsWritten: String?

    /// A profile; every field may be absent.
    public init(
        gender: String? = nil, education: String? = nil, occupation: String? = nil, age: Int? = nil,
        occupationAsWritten: String? = nil
    ) {
        self.gender = gender
        self.education = education
        self.occupation = occupation
        self.age = age
        self.occupationAsWritten = occupationAsWritten
    }

    /// The choice code given for a choice field; nil when not given.
    public func value(_ key: ProfileKey) -> String? {
        key.field.respondentValue(self)
    }
}

/// The content of a response that passed validation (unit and service still as codes).
///
/// Two submissions with the same client id are "the same" exactly when their contents are equal.
public struct ResponseContent: Sendable, Equatable {
    /// The questionnaire the answers follow.
    public var questionnaireID: String
    /// The unit code, normalised (upper-case).
    public var unitCode: String
    /// The service code, normalised (upper-case).
    public var serviceCode: String
    /// The survey date, between `ResponseValidator.earliestDate` and the day of entry.
    public var date: CivilDate
    /// The time slot code from the questionnaire; nil when not given.
    public var timeSlot: String?
    /// In unsur order; 0 = blank.
    public var answers: [UInt8]
    /// The validated respondent profile.
    public var respondent: Respondent
    /// The saran, trimmed, at most `TextRules.maxCommentLength` characters; nil when none.
    public var comment: String?

    /// Content that passed validation, or was read back from the store.
    public init(
        questionnaireID: String, unitCode: String, serviceCode: String, date: CivilDate, timeSlot: String?,
        answers: [UInt8], respondent: Respondent, comment: String?
    ) {
        self.questionnaireID = questionnaireID
        self.unitCode = unitCode
        self.serviceCode = serviceCode
        self.date = date
        self.timeSlot = timeSlot
        self.answers = answers
        self.respondent = respondent
        self.comment = comment
    }
}

/// A validated response ready to store.
public struct ValidatedResponse: Sendable, Equatable {
    /// What is stored and compared for duplicates.
    public var content: ResponseContent
    /// The client id, trimmed; nil when none, so every submission is stored.
    public var clientID: String?
    /// The response's global id (32 lowercase hex digits) when the draft carried one; nil otherwise.
    public var globalID: String?
    /// The respondent's weighted mean answer (`RespondentScore`), for the confidence interval.
    public var score: Double?

    /// A response already validated (by `ResponseValidator`) or read back from the store.
    public init(content: ResponseContent, clientID: String?, score: Double?, globalID: String? = nil) {
        self.content = content
        self.clientID = clientID
        self.globalID = globalID
        self.score = score
    }
}
