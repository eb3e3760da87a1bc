/// A survey definition: which unsur are measured, which question asks about each, the answer
/// scale, and how an IKM value is classified.
///
/// Questionnaires are data (JSON files under `Questionnaires/`), never code, because the
/// regulation has changed before (2004, 2014, 2017) and offices add their own unsur. The paper
/// order of questions is kept separate from the unsur order: the 2017 form asks about Sarana (U9)
/// in question 8 and Pengaduan (U8) in question 9, and apps that confuse the two swap them.
///
/// Immutable and shared by reference: every response of an import is checked against the same
/// definition, so it is never copied.
public final class Questionnaire: Sendable, Equatable {
    /// The definition's identifier that responses and plans refer to: lower-case letters, digits, `-` and `.`.
    public let id: String
    /// The form's title, as printed on reports.
    public let title: String
    /// The regulation the form follows, e.g. "PermenPANRB 14/2017".
    public let regulation: String
    /// `official`, `reconstructed` (from secondary sources) or `custom`.
    public let status: String
    /// Free remark carried with the definition (provenance, caveats); nil when not given.
    public let note: String?
    /// Where the item and option wording comes from: `regulation` (the regulation's own text),
    /// `reconstructed` (written from secondary sources or field practice, not the regulation's text) or
    /// `office` (an office's own form); nil when the file does not say.
    public let wording: String?
    /// The answer values, lowest (worst) to highest (best): 1…4 in 2017; within 1–9.
    public let scale: ClosedRange<Int>
    /// IKM = indeks × conversionFactor (25 for a 1–4 scale).
    public let conversionFactor: Double
    /// The mutu/kinerja classification of IKM values.
    public let bands: BandTable
    /// The unsur in the regulation's order (U1…U9 in 2017); codes unique, each asked by exactly one question.
    public let unsur: [Unsur]
    /// In paper order.
    public let questions: [Question]
    /// The service-time slots printed on the form; empty when the form has none.
    public let timeSlots: [TimeSlot]
    /// Which respondent-profile fields the form asks and the choices each accepts.
    public let profile: RespondentProfileSpec

    /// For each question (paper order), the index of its unsur in `unsur`.
    public let unsurIndexOfQuestion: [Int]
    /// For each unsur, the index of the question that asks about it.
    public let questionIndexOfUnsur: [Int]
    /// The exact weights: the declared ones, or 1/n each.
    public let weights: [Double]
    /// Upper-cased unsur code → index, for fast lookups.
    let unsurIndexByCode: [String: Int]

    /// The highest IKM the form can give: every answer at the top of the scale (100 in 2017).
    public var highestIKM: Double { Double(scale.upperBound) * conversionFactor }

    /// The lowest IKM the form can give: every answer at the bottom of the scale (25 in 2017).
    public var lowestIKM: Double { Double(scale.lowerBound) * conversionFactor }

    /// Builds a definition already checked by `QuestionnaireDecoder`; derives the index maps and exact weights.
    public init(
        id: String, title: String, regulation: String, status: String, note: String?,
        scale: ClosedRange<Int>, conversionFactor: Double, bands: BandTable, unsur: [Unsur],
        questions: [Question], timeSlots: [TimeSlot], profile: RespondentProfileSpec, wording: String? = nil
    ) {
        self.wording = wording
        self.id = id
        self.title = title
        self.regulation = regulation
        self.status = status
        self.note = note
        self.scale = scale
        self.conversionFactor = conversionFactor
        self.bands = bands
        self.unsur = unsur
        self.questions = questions
        self.timeSlots = timeSlots
        self.profile = profile
        let indexOfCode = Dictionary(unsur.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        self.unsurIndexByCode = Dictionary(unsur.enumerated().map { ($1.code.uppercased(), $0) }, uniquingKeysWith: { a, _ in a })
        let questionToUnsur = questions.map { indexOfCode[$0.unsur] ?? 0 }
        self.unsurIndexOfQuestion = questionToUnsur
        var unsurToQuestion = Array(repeating: 0, count: unsur.count)
        for (q, u) in questionToUnsur.enumerated() where u < unsurToQuestion.count { unsurToQuestion[u] = q }
        self.questionIndexOfUnsur = unsurToQuestion
        if unsur.allSatisfy({ $0.weight != nil }) && !unsur.isEmpty {
            self.weights = unsur.map { $0.weight ?? 0 }
        } else {
            self.weights = Array(repeating: 1.0 / Double(max(unsur.count, 1)), count: unsur.count)
        }
    }

    /// Two definitions are equal when they say the same thing.
    public static func == (a: Questionnaire, b: Questionnaire) -> Bool {
        a === b || a.json == b.json
    }

    /// The index of the unsur with this code (case-insensitive), if any.
    public func unsurIndex(of code: String) -> Int? {
        unsurIndexByCode[code] ?? unsurIndexByCode[code.uppercased()]
    }

    /// The time slot a slot code, a slot label or a clock time (`09:30`, `09.30`) names.
    public func timeSlot(matching text: String) -> TimeSlot? {
        if let exact = timeSlots.first(where: { $0.code == text }) { return exact }
        let trimmed = text.trimmingSpaces()
        if let slot = timeSlots.first(where: {
            $0.code.caseInsensitiveEquals(trimmed) || $0.label.caseInsensitiveEquals(trimmed)
        }) {
            return slot
        }
        guard let minutes = ClockTime.minutes(parsing: trimmed) else { return nil }
        return timeSlots.first { $0.contains(minutes: minutes) }
    }
}

/// One element of service quality the regulation measures (Persyaratan, Biaya/Tarif, …).
public struct Unsur: Sendable, Equatable {
    /// The unsur code, upper-case letters and digits (U1…U9), unique in its questionnaire.
    public let code: String
    /// The unsur's name as the regulation words it, e.g. "Persyaratan".
    public let name: String
    /// Declared weight; when no unsur declares one, each weighs 1/n.
    public let weight: Double?

    /// An unsur; omit `weight` for the regulation's equal weights.
    public init(code: String, name: String, weight: Double? = nil) {
        self.code = code
        self.name = name
        self.weight = weight
    }
}

/// A question as printed on the paper form, pointing to the unsur it measures.
public struct Question: Sendable, Equatable {
    /// The question's number on the paper form, 1, 2, 3… in order.
    public let number: Int
    /// The code of the unsur this question measures.
    public let unsur: String
    /// The question as printed.
    public let text: String
    /// The labels of the answers, lowest value first (a = 1 … d = 4).
    public let options: [String]

    /// A question as a questionnaire file describes it; `options` has one label per scale value.
    public init(number: Int, unsur: String, text: String, options: [String]) {
        self.number = number
        self.unsur = unsur
        self.text = text
        self.options = options
    }
}

/// A time-of-day slot printed on the form ("08.00–12.00").
public struct TimeSlot: Sendable, Equatable {
    /// The slot's code as stored on responses, unique in its questionnaire.
    public let code: String
    /// The slot as printed on the form, e.g. "08.00–12.00".
    public let label: String
    /// Minutes after midnight, inclusive.
    public let from: Int
    /// Minutes after midnight, exclusive.
    public let to: Int

    /// A slot covering minutes `from` up to (not including) `to` after midnight.
    public init(code: String, label: String, from: Int, to: Int) {
        self.code = code
        self.label = label
        self.from = from
        self.to = to
    }

    /// Whether a time of day, in minutes after midnight, falls in the slot (start included, end excluded).
    public func contains(minutes: Int) -> Bool { minutes >= from && minutes < to }
}

/// Reads clock times as people type them: `9:30`, `09.30`, `0930`.
public enum ClockTime {
    /// Minutes after midnight (0–1439) for `H:MM`, `HH.MM` or `HHMM`; nil for anything else or an impossible time.
    public static func minutes(parsing text: String) -> Int? {
        let parts = text.split(whereSeparator: { $0 == ":" || $0 == "." }).map(String.init)
        let hours: Int?
        let minutes: Int?
        if parts.count == 2 {
            hours = parts[0].count <= 2 ? Int(parts[0]) : nil
            minutes = parts[1].count == 2 ? Int(parts[1]) : nil
        } else if parts.count == 1, text.count == 4, text.allSatisfy(\.isASCIIDigit) {
            hours = Int(text.prefix(2))
            minutes = Int(text.suffix(2))
        } else {
            return nil
        }
        guard let h = hours, let m = minutes, (0...23).contains(h), (0...59).contains(m) else { return nil }
        return h * 60 + m
    }

    /// `HH:MM` for minutes after midnight, as questionnaire files write slot bounds.
    public static func format(minutes: Int) -> String {
        let h = minutes / 60
        let m = minutes % 60
        return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }
}

extension Questionnaire {
    /// The status in the words a user reads: `resmi`, `rekonstruksi` or `buatan sendiri`
    /// (the definition file and JSON keep `official`, `reconstructed`, `custom`).
    public var statusLabel: String {
        switch status {
        case "official": return "resmi"
        case "reconstructed": return "rekonstruksi"
        case "custom": return "buatan sendiri"
        default: return status
        }
    }
}
