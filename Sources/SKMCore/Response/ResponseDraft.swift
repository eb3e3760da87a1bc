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
        } else if let d = Double(trimmed.replacingCommaWithDot), d.isFinite, d == d.rounded(), abs(d) < 1e9 {
            self = .value(Int(d))  // "4.0" or "4,0", as spreadsheets write whole numbers
        } else {
            self = .invalid(trimmed)
        }
    }
}

extension String {
    fileprivate var replacingCommaWithDot: String { String(map { $0 == "," ? "." : $0 }) }
}

/// The answers of one response, as received.
public enum AnswerSheet: Sendable, Equatable {
    /// In the paper form's question order.
    case byQuestion([RawInteger])
    /// Keyed by unsur code (`U1`…); every unsur must be present (blank = `.blank`).
    case byUnsur([(code: String, answer: RawInteger)])

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
    public var questionnaire: String?
    public var unit: String?
    public var service: String?
    public var date: String?
    public var time: String?
    public var answers: AnswerSheet?
    public var gender: String?
    public var education: String?
    public var occupation: String?
    public var age: RawInteger
    public var comment: String?
    public var clientID: String?

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
    public var gender: String?
    public var education: String?
    public var occupation: String?
    public var age: Int?

    public init(gender: String? = nil, education: String? = nil, occupation: String? = nil, age: Int? = nil) {
        self.gender = gender
        self.education = education
        self.occupation = occupation
        self.age = age
    }

    public func value(_ key: ProfileKey) -> String? {
        switch key {
        case .gender: return gender
        case .education: return education
        case .occupation: return occupation
        }
    }
}

/// The content of a response that passed validation (unit and service still as codes).
///
/// Two submissions with the same client id are "the same" exactly when their contents are equal.
public struct ResponseContent: Sendable, Equatable {
    public var questionnaireID: String
    public var unitCode: String
    public var serviceCode: String
    public var date: CivilDate
    public var timeSlot: String?
    /// In unsur order; 0 = blank.
    public var answers: [UInt8]
    public var respondent: Respondent
    public var comment: String?

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
    public var content: ResponseContent
    public var clientID: String?
    /// The respondent's weighted mean answer (`RespondentScore`), for the confidence interval.
    public var score: Double?

    public init(content: ResponseContent, clientID: String?, score: Double?) {
        self.content = content
        self.clientID = clientID
        self.score = score
    }
}
