/// Everything skm knows about one choice field of the respondent profile, in one place:
/// validation, import columns, JSON, export and entry all read the fields from here instead of
/// switching over them. Age is not a choice field (a whole number in a range); it is handled
/// on its own beside these. A class, so that walking the table in an import's per-row loop
/// copies a reference, not every member.
public final class ProfileFieldDescription: Sendable {
    /// Which profile field this describes; also its JSON member name (`gender`, `education`…).
    public let key: ProfileKey
    /// The Indonesian column name accepted on import (`jenis_kelamin`), also named in messages.
    public let indonesianName: String
    /// Further import column names (lower-case, e.g. `jk`).
    public let otherColumnNames: [String]
    /// The field in words, for people (`jenis kelamin`).
    public let words: String
    /// The key that changes this field on the entry summary screen.
    public let entryKey: Character
    /// Read and write the field in each type. Closures rather than key paths: applying a key
    /// path to a struct value copies the struct, and an import does this for every row.
    public let draftValue: @Sendable (ResponseDraft) -> String?
    /// Stores a value (nil: blank) in a draft; the value is not validated here.
    public let setDraftValue: @Sendable (inout ResponseDraft, String?) -> Void
    /// The field as stored with a response (nil: not given).
    public let respondentValue: @Sendable (Respondent) -> String?
    /// Stores a value (nil: not given) in a stored respondent profile.
    public let setRespondentValue: @Sendable (inout Respondent, String?) -> Void
    /// The questionnaire's definition of the field (nil: the questionnaire does not ask it).
    public let spec: @Sendable (RespondentProfileSpec) -> ProfileField?
    /// Common words that are not one of the form's choices, each with the choice codes it
    /// stands for in order of preference (the first the questionnaire has is taken), keyed by
    /// the lower-cased word. See `ProfileKey.occupationWords`.
    public let commonWords: [String: [String]]
    /// Keeps the word as written when a common word was mapped (nil: the field keeps none).
    public let setWordAsWritten: (@Sendable (inout Respondent, String?) -> Void)?
    /// The word kept by `setWordAsWritten`, if any.
    public let wordAsWritten: @Sendable (Respondent) -> String?

    /// `gender`, `education`, `occupation`: the JSON key under `respondent`, the import and
    /// export column, the questionnaire's `profile` key, and `respondent.<name>` in errors.
    public var name: String { key.rawValue }

    init(
        key: ProfileKey, indonesianName: String, otherColumnNames: [String], words: String, entryKey: Character,
        draftValue: @escaping @Sendable (ResponseDraft) -> String?,
        setDraftValue: @escaping @Sendable (inout ResponseDraft, String?) -> Void,
        respondentValue: @escaping @Sendable (Respondent) -> String?,
        setRespondentValue: @escaping @Sendable (inout Respondent, String?) -> Void,
        spec: @escaping @Sendable (RespondentProfileSpec) -> ProfileField?,
        commonWords: [String: [String]] = [:], setWordAsWritten: (@Sendable (inout Respondent, String?) -> Void)? = nil,
        wordAsWritten: @escaping @Sendable (Respondent) -> String? = { _ in nil }
    ) {
        self.wordAsWritten = wordAsWritten
        self.commonWords = commonWords
        self.setWordAsWritten = setWordAsWritten
        self.key = key
        self.indonesianName = indonesianName
        self.otherColumnNames = otherColumnNames
        self.words = words
        self.entryKey = entryKey
        self.draftValue = draftValue
        self.setDraftValue = setDraftValue
        self.respondentValue = respondentValue
        self.setRespondentValue = setRespondentValue
        self.spec = spec
    }

    /// Every column name an import accepts for this field (lower-case).
    public var columnNames: [String] { [name, indonesianName] + otherColumnNames }

    /// The form's choice a common word stands for (`Petani` → `LAINNYA`), if the table has the
    /// word and the questionnaire has one of its codes.
    public func choice(forCommonWord text: String, in field: ProfileField) -> ProfileChoice? {
        guard !commonWords.isEmpty, let codes = commonWords[text.trimmingSpaces().lowercased()] else { return nil }
        for code in codes {
            if let choice = field.choices.first(where: { $0.code == code }) { return choice }
        }
        return nil
    }
}

extension ProfileKey {
    /// The description of this field.
    public var field: ProfileFieldDescription { Self.describe(self) }

    /// The one switch over the profile fields.
    private static func describe(_ key: ProfileKey) -> ProfileFieldDescription {
        switch key {
        case .gender:
            return ProfileFieldDescription(
                key: key, indonesianName: "jenis_kelamin", otherColumnNames: ["jk"], words: "jenis kelamin", entryKey: "g",
                draftValue: { $0.gender }, setDraftValue: { $0.gender = $1 }, respondentValue: { $0.gender },
                setRespondentValue: { $0.gender = $1 }, spec: { $0.gender })
        case .education:
            return ProfileFieldDescription(
                key: key, indonesianName: "pendidikan", otherColumnNames: [], words: "pendidikan", entryKey: "p",
                draftValue: { $0.education }, setDraftValue: { $0.education = $1 }, respondentValue: { $0.education },
                setRespondentValue: { $0.education = $1 }, spec: { $0.education })
        case .occupation:
            return ProfileFieldDescription(
                key: key, indonesianName: "pekerjaan", otherColumnNames: [], words: "pekerjaan", entryKey: "k",
                draftValue: { $0.occupation }, setDraftValue: { $0.occupation = $1 }, respondentValue: { $0.occupation },
                setRespondentValue: { $0.occupation = $1 }, spec: { $0.occupation }, commonWords: occupationWords,
                setWordAsWritten: { $0.occupationAsWritten = $1 }, wordAsWritten: { $0.occupationAsWritten })
        }
    }

    /// Occupations respondents write that the forms have no choice for, and the category each
    /// is counted under (the first code the questionnaire has). The 2017 form has PNS, TNI,
    /// POLRI, SWASTA, WIRAUSAHA and LAINNYA: farmers and fishers work their own land or boat
    /// but are not counted as "wirausaha" (a business) by skm; they, homemakers, pupils and
    /// students go to LAINNYA, or to PELAJAR where a form has it (the 2004 form). Labourers and
    /// employees work for a private employer: SWASTA. The word as written is kept with the
    /// response (`occupationAsWritten`).
    public static let occupationWords: [String: [String]] = {
        let table: [(words: [String], codes: [String])] = [
            (["Petani", "Pekebun", "Peternak", "Nelayan", "Buruh tani", "Tani"], ["LAINNYA"]),
            (["Ibu Rumah Tangga", "IRT", "Ibu rumah tangga (IRT)", "Mengurus rumah tangga"], ["LAINNYA"]),
            (["Pelajar", "Siswa", "Siswi", "Mahasiswa", "Mahasiswi", "Pelajar/Mahasiswa"], ["PELAJAR", "LAINNYA"]),
            (["Buruh", "Karyawan", "Pegawai", "Karyawan BUMN", "Pegawai BUMN"], ["SWASTA"]),
            (["Pensiunan", "Purnawirawan", "Tidak bekerja", "Belum bekerja"], ["LAINNYA"]),
        ]
        var words: [String: [String]] = [:]
        for row in table { for word in row.words { words[word.lowercased()] = row.codes } }
        return words
    }()

    /// The choice fields in their fixed order (the order of JSON keys, columns and entry prompts).
    public static let fields: [ProfileFieldDescription] = allCases.map(describe)

    /// The Indonesian column name also accepted on import.
    public var indonesianName: String { field.indonesianName }
}
