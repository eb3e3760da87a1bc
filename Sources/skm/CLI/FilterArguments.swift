import SKMCore
import SKMService

/// Reads the shared filter options (`--year`, `--quarter`, `--unit`, …) into a `SurveyFilter`.
enum FilterArguments {
    static func filter(_ args: ParsedArguments) throws -> SurveyFilter {
        SurveyFilter(
            year: try args.int("year"), quarter: try args.int("quarter"), semester: try args.int("semester"),
            month: try args.int("month"), from: args.value("from"), to: args.value("to"), units: args.list("unit"),
            services: args.list("service"), questionnaire: args.value("questionnaire"))
    }
}
