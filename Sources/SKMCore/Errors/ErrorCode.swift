/// Every stable error code skm can report. The raw values are part of the public contract
/// (CLI `--json`, JSON-RPC `data.code`, `Protocol/README.md`): add new ones, never rename.
public enum ErrorCode: String, Sendable, CaseIterable {
    // Answers and responses
    case answerOutOfRange = "answer_out_of_range"
    case answerNotANumber = "answer_not_a_number"
    case answerCount = "answer_count"
    case answersMissing = "answers_missing"
    case unknownUnsur = "unknown_unsur"
    case noAnswers = "no_answers"
    case invalidDate = "invalid_date"
    case futureDate = "future_date"
    case invalidTime = "invalid_time"
    case invalidProfileValue = "invalid_profile_value"
    case invalidText = "invalid_text"
    case textTooLong = "text_too_long"
    case tooMany = "too_many"
    case missingField = "missing_field"
    case wrongType = "wrong_type"
    case unknownField = "unknown_field"
    /// A value of the wrong form where skm expects a fixed one (an import's `idGlobal` that is not 32 hex digits).
    case invalidValue = "invalid_value"
    /// An import row's global id (`idGlobal`) names a response stored here, or an earlier row of the same file,
    /// with other content; the row is not stored.
    case globalIDConflict = "global_id_conflict"

    // Registry
    case invalidCode = "invalid_code"
    case duplicateUnit = "duplicate_unit"
    case duplicateService = "duplicate_service"
    case unknownUnit = "unknown_unit"
    case unknownService = "unknown_service"
    /// A unit moved under itself or under one of its own descendants.
    case unitCycle = "unit_cycle"

    // Questionnaires
    case unknownQuestionnaire = "unknown_questionnaire"
    case invalidQuestionnaire = "invalid_questionnaire"
    case questionnaireConflict = "questionnaire_conflict"
    case mixedQuestionnaires = "mixed_questionnaires"
    /// A survey set (several questionnaires in one visit) that is not known, or a visit's
    /// questionnaire list that is not a usable set (empty, a questionnaire twice, a prefix twice).
    case unknownSurveySet = "unknown_survey_set"
    case invalidSurveySet = "invalid_survey_set"
    /// `skm visit void N`: there is no visit N.
    case visitNotFound = "visit_not_found"

    // Performance plans and AKIP
    case invalidPlan = "invalid_plan"
    case unknownPlan = "unknown_plan"
    case unknownIndicator = "unknown_indicator"
    case realisasiComputed = "realisasi_computed"
    case invalidEvaluation = "invalid_evaluation"
    case noEvaluation = "no_evaluation"

    // Follow-up register (RTL) and publication log
    /// `skm rtl done|correct N`: there is no RTL item N.
    case rtlNotFound = "rtl_not_found"
    /// `skm rtl done N` on an item already done (a wrong date is corrected with `skm rtl correct`).
    case rtlAlreadyDone = "rtl_already_done"
    /// A change to an RTL item that was cancelled.
    case rtlCancelled = "rtl_cancelled"
    /// Dates in the wrong order: a target or completion before the item was set, a publication
    /// before the survey year.
    case dateOrder = "date_order"
    /// A publication medium skm does not know.
    case invalidMedium = "invalid_medium"
    /// A publication link that is not an http or https address.
    case invalidLink = "invalid_link"
    /// `skm publish void N`: there is no publication entry N.
    case publicationNotFound = "publication_not_found"

    // Store
    case responseNotFound = "response_not_found"
    case alreadyVoided = "already_voided"
    case clientIDConflict = "client_id_conflict"
    /// A batch name (`skm entry --batch`) already holds forms of another survey date.
    case batchDateMismatch = "batch_date_mismatch"
    case databaseBusy = "database_busy"
    case databaseError = "database_error"
    case databaseTooNew = "database_too_new"
    /// The file is not an skm database (another program's SQLite file, an empty file, not SQLite).
    case notSKMDatabase = "not_skm_database"
    /// A -wal file beside the database belongs to another database or an older copy of it.
    case walMismatch = "wal_mismatch"
    /// SQLite's integrity check fails: the file is damaged.
    case databaseCorrupt = "database_corrupt"
    /// The running aggregates hold sums that cannot come from any set of responses (overflow,
    /// negative counts…); `skm check --repair` rebuilds them from the responses.
    case aggregateCorrupt = "aggregate_corrupt"
    case fileError = "file_error"

    // Computation and filters
    case invalidFilter = "invalid_filter"
    case invalidWeighting = "invalid_weighting"
    case invalidAggregation = "invalid_aggregation"
    case invalidNumber = "invalid_number"
    case invalidPopulation = "invalid_population"

    // Import
    case importInvalid = "import_invalid"
    case voidedNotImported = "voided_not_imported"
    case csvMalformed = "csv_malformed"
    case csvHeader = "csv_header"
    case invalidEncoding = "invalid_encoding"
    /// An .xlsx file that cannot be read: damaged, truncated, not a workbook, a part that is not
    /// well-formed XML, entity declarations, a cell reference past XFD / row 1,048,576.
    case xlsxInvalid = "xlsx_invalid"
    /// A workbook skm does not read: an old binary .xls, a password-protected file, ZIP64.
    case xlsxUnsupported = "xlsx_unsupported"
    /// A workbook part expands past the reader's limits (512 MiB a part, a zip bomb's ratio).
    case xlsxTooLarge = "xlsx_too_large"
    /// `skm import FILE.xlsx --sheet NAME`: the workbook has no sheet NAME.
    case xlsxSheetNotFound = "xlsx_sheet_not_found"
    /// The file's exact content was imported before (a batch not undone); `--again` imports it anyway.
    case alreadyImported = "already_imported"
    /// `skm import undo N`: there is no batch N.
    case importBatchNotFound = "import_batch_not_found"
    /// `skm import undo N`: batch N was undone before.
    case importAlreadyUndone = "import_already_undone"

    // Merge (`skm merge`)
    /// The merge source file does not exist.
    case sourceNotFound = "source_not_found"
    /// The merge source is this database (the same file, or a copy with the same identity).
    case mergeIntoSelf = "merge_into_self"
    /// The merge source is at an older schema and cannot be migrated read-only.
    case mergeSourceOutdated = "merge_source_outdated"
    /// A unit, service or custom questionnaire code exists on both sides with another name or
    /// definition, and no mapping option says what to do.
    case mergeConflict = "merge_conflict"

    // Aggregate packages
    /// An aggregate package that cannot be right (malformed, wrong format or version, impossible
    /// counts, a definition that differs from this database's); nothing of it is stored.
    case invalidPackage = "invalid_package"
    /// A package claiming a unit that is this office's own or another package source's, or a unit
    /// or service code registered here under another name; nothing of it is stored.
    case packageConflict = "package_conflict"
    /// A package older than the one already stored for the same unit and year; nothing stored.
    case packageOutdated = "package_outdated"

    // Command line
    case usage = "usage"

    case `internal` = "internal"

    /// The family the code belongs to, which decides the CLI exit status and the JSON-RPC error number.
    public var kind: ErrorKind {
        switch self {
        case .unknownUnit, .unknownService, .unknownQuestionnaire, .responseNotFound, .unknownPlan, .unknownIndicator,
            .noEvaluation, .importBatchNotFound, .rtlNotFound, .publicationNotFound, .unknownSurveySet, .visitNotFound,
            .xlsxSheetNotFound, .sourceNotFound:
            return .notFound
        case .duplicateUnit, .duplicateService, .unitCycle, .alreadyVoided, .clientIDConflict, .globalIDConflict,
            .questionnaireConflict,
            .alreadyImported, .importAlreadyUndone, .batchDateMismatch, .rtlAlreadyDone, .rtlCancelled, .mergeIntoSelf,
            .mergeConflict, .packageConflict, .packageOutdated:
            return .conflict
        case .databaseBusy:
            return .busy
        case .databaseError, .databaseTooNew, .fileError, .notSKMDatabase, .walMismatch, .databaseCorrupt, .aggregateCorrupt,
            .mergeSourceOutdated:
            return .storage
        case .usage:
            return .usage
        case .internal:
            return .internal
        default:
            return .validation
        }
    }
}
