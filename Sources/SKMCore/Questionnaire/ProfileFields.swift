/// Everything skm knows about one choice field of the respondent profile, in one place:
/// validation, import columns, JSON, export and entry all read the fields from here instead of
/// switching over them. Age is not a choice field (a whole number in a range); it is handled
/// on its own beside these. A class, so that walking the table in an import's per-row loop
/// copies a reference, not every member.
public final class ProfileFieldDescription: Sendable {
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
    public let setDraftValue: @Sendable (inout ResponseDraft, String?) -> Void
    public let respondentValue: @Sendable (Respondent) -> String?
    public let setRespondentValue: @Sendable (inout Respondent, String?) -> Void
    /// The questionnaire's definition of the field (nil: the questionnaire does not ask it).
    public let spec: @Sendable (RespondentProfileSpec) -> ProfileField?

    /// `gender`, `education`, `occupation`: the JSON key under `respondent`, the import and
    /// export column, the questionnaire's `profile` key, and `respondent.<name>` in errors.
    public var name: String { key.rawValue }

    init(
        key: ProfileKey, indonesianName: String, otherColumnNames: [String], words: String, entryKey: Character,
        draftValue: @escaping @Sendable (ResponseDraft) -> String?,
        setDraftValue: @escaping @Sendable (inout ResponseDraft, String?) -> Void,
        respondentValue: @escaping @Sendable (Respondent) -> String?,
        setRespondentValue: @escaping @Sendable (inout Respondent, String?) -> Void,
        spec: @escaping @Sendable (RespondentProfileSpec) -> ProfileField?
    ) {
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
                setRespondentValue: { $0.occupation = $1 }, spec: { $0.occupation })
        }
    }

    /// The choice fields in their fixed order (the order of JSON keys, columns and entry prompts).
    public static let fields: [ProfileFieldDescription] = allCases.map(describe)

    /// The Indonesian column name also accepted on import.
    public var indonesianName: String { field.indonesianName }
}
