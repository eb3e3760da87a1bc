public import SKMCore
import SKMJSON
import SKMStore

extension SKMService {
    /// Built-in questionnaires first, then the custom ones stored in the database.
    public func questionnaires() throws -> [Questionnaire] {
        try catalog().all
    }

    /// The questionnaire with this id; `unknown_questionnaire` (field `id`) when there is none.
    public func questionnaire(id: String) throws -> Questionnaire {
        try catalog().questionnaire(id, field: "id")
    }

    /// Checks a definition without storing it; every problem is listed.
    public func checkQuestionnaire(text: String) -> QuestionnaireDecoder.Outcome {
        let outcome = QuestionnaireDecoder.decode(text: text)
        guard let q = outcome.questionnaire, QuestionnaireCatalog(custom: []).isBuiltIn(q.id) else { return outcome }
        return QuestionnaireDecoder.Outcome(
            questionnaire: nil,
            problems: outcome.problems + [
                DefinitionProblem(.error, "id", "\(q.id) adalah kuesioner bawaan; beri id lain untuk kuesioner sendiri")
            ])
    }

    /// Stores a custom definition in the database so every command can use it.
    /// Returns the questionnaire and whether it was new.
    public func addQuestionnaire(text: String) throws -> (Questionnaire, Bool) {
        let outcome = checkQuestionnaire(text: text)
        guard let q = outcome.questionnaire else {
            throw SKMError(
                .invalidQuestionnaire,
                "Definisi kuesioner tidak sah:\n" + outcome.errors.map { "- \($0)" }.joined(separator: "\n"),
                details: .array(outcome.problems.map(\.json)))
        }
        let definition = JSONWriter.compact.string(q.json)
        let added = try store().addQuestionnaire(id: q.id, definition: definition, at: clock.timestamp())
        invalidateCaches()
        return (q, added)
    }
}
