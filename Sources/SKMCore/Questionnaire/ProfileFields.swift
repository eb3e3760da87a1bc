/// Everything skm knows about one choice field of the respondent profile, in one place:
/// validation, import columns, JSON, export and entry all read the fields from here instead of
/// switching over them. Age is not a choice field (a whole number in a range); it is handled
/// on its own beside these.
public struct ProfileFieldDescription: Sendable {
    public let key: ProfileKey
    /// The Indonesian column name accepted on import (`jenis_kelamin`), also named in messages.
    public let indonesianName: String
    /// Further import column names (lower-case, e.g. `jk`).
    public let otherColumnNames: [String]
    /// The field in words, for people (`jenis kelamin`).
    public let words: String
    /// The key that changes this field on the entry summary screen.
    public let entryKey: Character
    /// Where the field lives in each type.
    public let draft: WritableKeyPath<ResponseDraft, String?> & Sendable
    public let respondent: WritableKeyPath<Respondent, String?> & Sendable
    public let spec: KeyPath<RespondentProfileSpec, ProfileField?> & Sendable

    /// `gender`, `education`, `occupation`: the JSON key under `respondent`, the import and
    /// export column, the questionnaire's `profile` key, and `respondent.<name>` in errors.
    public var name: String { key.rawValue }

    /// Every column name an import accepts for this field (lower-case).
    public var columnNames: [String] { [name, indonesianName] + otherColumnNames }
}

extension ProfileKey {
    /// The description of this field (the one switch over the profile fields).
    public var field: ProfileFieldDescription {
        switch self {
        case .gender:
            return ProfileFieldDescription(
                key: self, indonesianName: "jenis_kelamin", otherColumnNames: ["jk"], words: "jenis kelamin", entryKey: "g",
                draft: \.gender, respondent: \.gender, spec: \.gender)
        case .education:
            return ProfileFieldDescription(
                key: self, indonesianName: "pendidikan", otherColumnNames: [], words: "pendidikan", entryKey: "p",
                draft: \.education, respondent: \.education, spec: \.education)
        case .occupation:
            return ProfileFieldDescription(
                key: self, indonesianName: "pekerjaan", otherColumnNames: [], words: "pekerjaan", entryKey: "k",
                draft: \.occupation, respondent: \.occupation, spec: \.occupation)
        }
    }

    /// The choice fields in their fixed order (the order of JSON keys, columns and entry prompts).
    public static let fields: [ProfileFieldDescription] = allCases.map(\.field)

    /// The Indonesian column name also accepted on import.
    public var indonesianName: String { field.indonesianName }
}
