import DefaultQuestionnaires
public import SKMCore
import SKMJSON

/// The questionnaires skm knows: the built-in definitions plus the custom ones stored in the
/// database. Built-in ids cannot be replaced.
public struct QuestionnaireCatalog: Sendable {
    /// The id used when a response or filter names no questionnaire: `permenpanrb-14-2017`.
    public static let defaultID = DefaultQuestionnaireFiles.defaultID

    /// The built-in definitions, decoded once per process.
    public static let builtIn: [Questionnaire] = DefaultQuestionnaireFiles.all.compactMap {
        QuestionnaireDecoder.decode(bytes: $0.bytes).questionnaire
    }

    /// Built-in definitions first, then custom ones in stored order; ids are unique.
    public private(set) var all: [Questionnaire]

    /// A catalog of the built-in definitions plus `custom`; a custom one with a built-in id is dropped.
    public init(custom: [Questionnaire] = []) {
        all = Self.builtIn + custom.filter { c in !Self.builtIn.contains { $0.id == c.id } }
    }

    /// The questionnaire with `defaultID`, else the first one; nil only when the catalog is empty.
    public var defaultQuestionnaire: Questionnaire? { all.first { $0.id == Self.defaultID } ?? all.first }

    /// Whether `id` belongs to a built-in definition, an id a custom definition may not take.
    public func isBuiltIn(_ id: String) -> Bool { Self.builtIn.contains { $0.id == id } }

    /// The questionnaire with this id, or the default when `id` is nil or empty.
    public func questionnaire(_ id: String?, field: String = "questionnaire") throws(SKMError) -> Questionnaire {
        if let id, let exact = all.first(where: { $0.id == id }) { return exact }
        let wanted = id?.trimmingSpaces().lowercased() ?? ""
        if wanted.isEmpty, let q = defaultQuestionnaire { return q }
        if let q = all.first(where: { $0.id == wanted }) { return q }
        throw SKMError(
            .unknownQuestionnaire,
            "Kuesioner \"\(wanted.clipped(60))\" tidak dikenal; yang tersedia: \(all.map(\.id).joined(separator: ", ")).",
            field: field, details: ["available": .array(all.map { .string($0.id) })])
    }
}
