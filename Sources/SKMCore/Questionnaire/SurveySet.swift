/// Several questionnaires one respondent answers in one visit (one sitting), e.g. the Zona
/// Integritas set: SKM, IPKP and IPAK.
///
/// Each member has a short `prefix` that names its columns in an import file (`ipak.U1`) and its
/// answers in a visit (`{"ipak": [...]}`); the questionnaire's full id is accepted as well.
public struct SurveySet: Sendable, Equatable {
    /// One questionnaire of a set.
    public struct Member: Sendable, Equatable {
        /// Lower-case letters and digits: the column prefix and the key of its answers.
        public let prefix: String
        /// The questionnaire answered.
        public let questionnaire: String

        /// A member of a set.
        public init(prefix: String, questionnaire: String) {
            self.prefix = prefix
            self.questionnaire = questionnaire
        }
    }

    /// The set's name as stored with each visit (`zi`; `custom` for a list given by hand).
    public let name: String
    /// The questionnaires in the order the respondent answers them.
    public let members: [Member]

    /// A set; `validated` checks it.
    public init(name: String, members: [Member]) {
        self.name = name
        self.members = members
    }

    /// The built-in Zona Integritas set (PermenPANRB 90/2021): SKM, then IPKP, then IPAK.
    public static let zi = SurveySet(
        name: "zi",
        members: [
            Member(prefix: "skm", questionnaire: "permenpanrb-14-2017"),
            Member(prefix: "ipkp", questionnaire: "ipkp-90-2021"),
            Member(prefix: "ipak", questionnaire: "ipak-90-2021"),
        ])

    /// The sets skm knows by name.
    public static let builtIn: [SurveySet] = [zi]

    /// The built-in set named `name` (case ignored), or a set of the questionnaire ids listed with
    /// commas (`permenpanrb-14-2017,ipak-90-2021`, each prefixed by its own id); `unknown_survey_set`
    /// otherwise. Does not check that the questionnaires exist (the catalogue does).
    public static func named(_ name: String, field: String = "set") throws(SKMError) -> SurveySet {
        let trimmed = name.trimmingSpaces().lowercased()
        if let set = builtIn.first(where: { $0.name == trimmed }) { return set }
        let ids = trimmed.split(separator: ",").map { String($0).trimmingSpaces() }
        guard ids.count >= 2 else {
            throw SKMError(
                .unknownSurveySet,
                "Set survei \"\(name.clipped(40))\" tidak dikenal; yang tersedia: \(builtIn.map(\.name).joined(separator: ", ")), atau daftar id kuesioner dipisah koma.",
                field: field)
        }
        let set = SurveySet(name: "custom", members: ids.map { Member(prefix: $0, questionnaire: $0) })
        try set.validated(field: field)
        return set
    }

    /// Checks that no questionnaire or prefix appears twice (a visit counts once per questionnaire).
    @discardableResult
    public func validated(field: String = "set") throws(SKMError) -> SurveySet {
        guard members.count >= 2 else {
            throw SKMError(.invalidSurveySet, "Satu kunjungan memerlukan sedikitnya dua kuesioner.", field: field)
        }
        var seen = Set<String>()
        for m in members where !seen.insert(m.questionnaire).inserted || !seen.insert("prefix:" + m.prefix).inserted {
            throw SKMError(
                .invalidSurveySet, "Kuesioner \(m.questionnaire) tertulis lebih dari sekali dalam satu kunjungan.", field: field)
        }
        return self
    }

    /// The member named by `key`: its prefix or its questionnaire id (case ignored).
    public func member(_ key: String) -> Member? {
        let k = key.lowercased()
        return members.first { $0.prefix == k || $0.questionnaire == k }
    }
}

extension Questionnaire {
    /// A Zona Integritas perception survey (IPKP, IPAK): its bands carry the LKE values of the
    /// ZI evaluation sheet. Such surveys are reported by `skm zi`, beside the office's SKM.
    public var isIntegrityPerceptionSurvey: Bool { bands.bands.contains { $0.lke != nil } }
}
