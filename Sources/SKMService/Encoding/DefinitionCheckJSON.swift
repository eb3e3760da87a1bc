public import SKMCore
public import SKMJSON

/// The outcome of checking a definition file (`skm questionnaire check --json`, `skm iku check
/// --json`): `{valid, id, problems}`.
public enum DefinitionCheckJSON {
    /// `id` is the checked definition's id when it is valid, nil when it is not.
    public static func outcome(id: String?, problems: [DefinitionProblem]) -> JSONValue {
        ["valid": .bool(id != nil), "id": .string(id), "problems": .array(problems.map(\.json))]
    }
}
