public import SKMJSON

/// Reads a questionnaire definition and explains every problem in it.
///
/// Decoding never stops at the first problem: `skm questionnaire check` shows them all, so an
/// office fixing its custom form sees the whole list at once. A definition with any `error`
/// problem is not usable; warnings are shown and the definition is still used.
public enum QuestionnaireDecoder {
    /// What reading a definition produced: a questionnaire when nothing is an error, and every problem found.
    public struct Outcome: Sendable {
        /// The decoded definition; nil when any problem is an error.
        public let questionnaire: Questionnaire?
        /// Errors and warnings in reading order, each with the JSON path it concerns.
        public let problems: [DefinitionProblem]
        /// The problems that make the definition unusable.
        public var errors: [DefinitionProblem] { problems.filter { $0.severity == .error } }

        /// Wraps a decoding result; callers use it to report a file that could not be read at all.
        public init(questionnaire: Questionnaire?, problems: [DefinitionProblem]) {
            self.questionnaire = questionnaire
            self.problems = problems
        }
    }

    static let topLevelKeys: Set<String> = [
        "id", "title", "regulation", "status", "note", "wording", "scale", "conversionFactor", "bands", "unsur",
        "questions", "timeSlots", "profile", "$comment",
    ]

    /// Parses and decodes JSON text.
    public static func decode(text: String) -> Outcome {
        do {
            return decode(try JSONParser().parse(text))
        } catch {
            return Outcome(questionnaire: nil, problems: [DefinitionProblem(.error, "", error.indonesianMessage)])
        }
    }

    /// Parses and decodes JSON bytes (a file as read); invalid JSON becomes a single error problem at the root.
    public static func decode(bytes: [UInt8]) -> Outcome {
        do {
            return decode(try JSONParser().parse(bytes))
        } catch {
            return Outcome(questionnaire: nil, problems: [DefinitionProblem(.error, "", error.indonesianMessage)])
        }
    }

    /// Decodes a parsed definition. Never throws: problems are data in the outcome.
    public static func decode(_ json: JSONValue) -> Outcome {
        var r = DefinitionReader(textLimit: QuestionnaireLimits.textCharacters)
        guard let root = r.object(json, "") else { return Outcome(questionnaire: nil, problems: r.problems) }
        r.unknownKeys(root, "", allowed: topLevelKeys)
        let id = r.string(root["id"], "id")
        if let id, !isValidID(id) {
            r.error(
                "id",
                "\"\(id.clipped(40))\" tidak sah: gunakan huruf kecil, angka dan tanda hubung (mis. kuesioner-puskesmas-2025)")
        }
        let title = r.string(root["title"], "title")
        let regulation = r.string(root["regulation"], "regulation")
        let status = r.string(root["status"], "status", required: false) ?? "custom"
        if !["official", "reconstructed", "custom"].contains(status) {
            r.error("status", "harus official, reconstructed atau custom")
        }
        let note = r.string(root["note"], "note", required: false)
        let wording = r.string(root["wording"], "wording", required: false)
        if let wording, !["regulation", "reconstructed", "office"].contains(wording) {
            r.error("wording", "harus regulation, reconstructed atau office")
        }
        let scale = decodeScale(root["scale"], &r)
        let factor = r.number(root["conversionFactor"], "conversionFactor")
        if let factor, factor <= 0 { r.error("conversionFactor", "harus lebih dari 0") }
        if let factor, let scale, abs(Double(scale.upperBound) * factor - 100) > 1e-9 {
            r.warning("conversionFactor", "nilai tertinggi skala × faktor konversi bukan 100, sehingga IKM tidak berskala 25–100")
        }
        let bands = BandDecoding.decode(root["bands"], scale: scale, factor: factor, &r)
        let unsur = UnsurDecoding.decodeUnsur(root["unsur"], &r)
        let questions = UnsurDecoding.decodeQuestions(root["questions"], unsur: unsur, scale: scale, &r)
        let slots = ProfileDecoding.decodeTimeSlots(root["timeSlots"], &r)
        let profile = ProfileDecoding.decodeProfile(root["profile"], &r)

        guard r.problems.allSatisfy({ $0.severity == .warning }), let id, let title, let regulation, let scale,
            let factor, let bands, let unsur, let questions
        else { return Outcome(questionnaire: nil, problems: r.problems) }
        let q = Questionnaire(
            id: id, title: title, regulation: regulation, status: status, note: note, scale: scale,
            conversionFactor: factor, bands: bands, unsur: unsur, questions: questions, timeSlots: slots,
            profile: profile, wording: wording)
        return Outcome(questionnaire: q, problems: r.problems)
    }

    /// Lower-case letters, digits, `-` and `.`, 1–64 characters, starting with a letter or digit.
    public static func isValidID(_ id: String) -> Bool {
        guard (1...64).contains(id.count), let first = id.unicodeScalars.first,
            (first >= "a" && first <= "z") || (first >= "0" && first <= "9")
        else { return false }
        return id.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "." }
    }

    static func decodeScale(_ value: JSONValue?, _ r: inout DefinitionReader) -> ClosedRange<Int>? {
        guard let object = r.object(value, "scale") else { return nil }
        r.unknownKeys(object, "scale", allowed: ["min", "max"])
        guard let min = r.integer(object["min"], "scale.min"), let max = r.integer(object["max"], "scale.max") else {
            return nil
        }
        guard min >= 1, max <= 9, min < max else {
            r.error("scale", "skala harus antara 1 dan 9 dengan min < max (diterima \(min)–\(max))")
            return nil
        }
        return min...max
    }
}
