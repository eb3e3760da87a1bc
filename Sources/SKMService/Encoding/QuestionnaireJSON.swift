public import SKMCore
public import SKMJSON

/// Questionnaire listings as JSON (`questionnaire list --json`, `questionnaire.list`).
public enum QuestionnaireJSON {
    /// One summary per questionnaire in the given order, marking built-in ones and the default.
    public static func summaries(_ list: [Questionnaire], catalog: QuestionnaireCatalog) -> JSONValue {
        .array(
            list.map { q in
                [
                    "id": .string(q.id), "title": .string(q.title), "status": .string(q.status),
                    "builtIn": .bool(catalog.isBuiltIn(q.id)), "default": .bool(q.id == QuestionnaireCatalog.defaultID),
                    "unsur": .int(q.unsur.count), "questions": .int(q.questions.count),
                ]
            })
    }
}
