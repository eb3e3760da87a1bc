public import SKMCore

/// The paper questionnaire an office hands out, as structure: the office's name, the
/// respondent-profile box and the questions in the form's order with their options as boxes to
/// tick. Built once from the questionnaire; `PaperFormHTML` and the Word renderer print it.
public struct PaperForm: Sendable {
    /// A line of the respondent-profile box: a label and either choices to tick or a blank to fill.
    public struct ProfileLine: Sendable, Equatable {
        public var label: String
        /// The choices as printed (empty: a blank line to write on).
        public var choices: [String]
        /// Text after the blank ("tahun").
        public var unit: String?
    }

    /// The office's name, or nil when skm-report.json does not give one (a blank line is printed).
    public var office: String?
    public var title: String
    /// The questionnaire's own title and legal basis, in small print.
    public var subtitle: String
    public var instructions: String
    public var profile: [ProfileLine]
    public var questions: [Question]
    /// The last box: suggestions in the respondent's words.
    public var suggestionsLabel: String

    /// The form of `questionnaire` for `office`.
    public init(_ questionnaire: Questionnaire, office: String?) {
        self.office = office
        title = "KUESIONER SURVEI KEPUASAN MASYARAKAT"
        subtitle = "\(questionnaire.title) — \(questionnaire.regulation)"
        instructions =
            "Berilah tanda ✓ pada satu kotak jawaban yang paling sesuai untuk setiap pertanyaan. Jawaban Anda dirahasiakan; "
            + "tidak perlu menulis nama atau nomor identitas."
        var lines = [ProfileLine(label: "Jenis layanan yang diterima", choices: [], unit: nil)]
        for key in ProfileKey.allCases {
            guard let field = questionnaire.profile.choiceField(key) else { continue }
            lines.append(ProfileLine(label: field.label, choices: field.choices.map(\.label), unit: nil))
        }
        if let age = questionnaire.profile.age { lines.append(ProfileLine(label: age.label, choices: [], unit: "tahun")) }
        lines.append(ProfileLine(label: "Tanggal survei", choices: [], unit: nil))
        if !questionnaire.timeSlots.isEmpty {
            lines.append(ProfileLine(label: "Jam survei", choices: questionnaire.timeSlots.map(\.label), unit: nil))
        }
        profile = lines
        questions = questionnaire.questions
        suggestionsLabel = "Saran dan masukan untuk perbaikan pelayanan:"
    }

    /// "a. Tidak sesuai" for option `index` (0-based).
    public static func optionText(_ label: String, index: Int) -> String {
        let letters = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        return "\(index < letters.count ? letters[index] : "\(index + 1)"). \(label)"
    }

    /// The empty box printed before every choice.
    public static let box = "☐"
}
