public import SKMCore

/// Everything the annual report (Laporan Hasil SKM) shows, gathered from the store by the
/// service layer. The renderers read only this value, so they are pure and testable with
/// hand-made data (an unsur nobody answered, a single respondent, an empty year).
public struct ReportData: Sendable {
    public var year: Int
    /// What the report covers, for headings: the office name or "unit KEC-TT".
    public var scopeDescription: String
    public var generatedOn: CivilDate
    public var office: OfficeProfile
    public var pelaksana: String?
    public var rtl: [RTLEntry]
    public var questionnaire: Questionnaire
    /// The year's result (pooled, as `skm ikm` computes it).
    public var overall: IKMResult
    /// Every service in scope, those without respondents included (their result has none).
    public var services: [GroupResult]
    /// Triwulan I–IV, always four (empty quarters have no respondents).
    public var quarters: [GroupResult]
    /// Semester I–II, always two when gathered by the service (empty ones have no respondents);
    /// empty when the caller gave none, and the report then leaves the semester table out.
    public var semesters: [GroupResult]
    /// Every year in the store up to the report year, oldest first.
    public var years: [YearSummary]
    public var demographics: [DemographicTable]
    public var sample: SampleCheck?
    public var surveySpan: (first: CivilDate, last: CivilDate)?
    public var iku: [IKULine]
    /// Why no IKU comparison is possible, when there is none.
    public var ikuNote: String?
    public var comments: [CommentGroup]
    /// Every comment counted, duplicates included.
    public var commentCount: Int
    /// Why a result has no IKM or no interval, in the words CLI and RPC use.
    public var wording: ResultWording
    /// The units whose responses the report counts; more than one makes it a combined report.
    public var units: [ReportUnit]
    /// The follow-up register's part of BAB IV (RTL items, their figures, publications); empty
    /// when nothing is registered (the profile's RTL is then shown).
    public var followUp = ReportFollowUp()

    public init(
        year: Int, scopeDescription: String, generatedOn: CivilDate, office: OfficeProfile, pelaksana: String?,
        rtl: [RTLEntry], questionnaire: Questionnaire, overall: IKMResult, services: [GroupResult],
        quarters: [GroupResult], years: [YearSummary], demographics: [DemographicTable], sample: SampleCheck?,
        surveySpan: (first: CivilDate, last: CivilDate)?, iku: [IKULine], ikuNote: String?, comments: [CommentGroup],
        commentCount: Int, wording: ResultWording, units: [ReportUnit] = [], semesters: [GroupResult] = []
    ) {
        self.semesters = semesters
        self.year = year
        self.scopeDescription = scopeDescription
        self.generatedOn = generatedOn
        self.office = office
        self.pelaksana = pelaksana
        self.rtl = rtl
        self.questionnaire = questionnaire
        self.overall = overall
        self.services = services
        self.quarters = quarters
        self.years = years
        self.demographics = demographics
        self.sample = sample
        self.surveySpan = surveySpan
        self.iku = iku
        self.ikuNote = ikuNote
        self.comments = comments
        self.commentCount = commentCount
        self.wording = wording
        self.units = units
    }

    /// True when the report pools the responses of several units: it then says so wherever it
    /// names the result.
    public var isCombined: Bool { units.count > 1 }

    /// True when nobody answered in the year: the report is then a marked skeleton.
    public var isEmpty: Bool { overall.respondents == 0 }
}

/// A unit the report covers, as registered.
public struct ReportUnit: Sendable, Equatable {
    /// The unit's code (`KEC-TT`).
    public let code: String
    /// The unit's registered name.
    public let name: String

    /// A unit as registered.
    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// The office the report is about, from `skm-report.json` or RPC. Any part may be missing; the
/// report then shows a marked placeholder instead of inventing one.
public struct OfficeProfile: Sendable, Equatable {
    public var name: String?
    public var address: String?
    /// The head of office (kepala unit), who signs the report.
    public var head: String?
    public var nip: String?
    /// The head's position as printed above the signature ("Camat Tomoni Timur").
    public var position: String?
    /// The place written before the signature date.
    public var city: String?
    public var logo: Logo
    /// True when no profile was given at all (no file, nothing over RPC).
    public var isMissing: Bool

    public init(
        name: String? = nil, address: String? = nil, head: String? = nil, nip: String? = nil,
        position: String? = nil, city: String? = nil, logo: Logo = .none, isMissing: Bool = false
    ) {
        self.name = name
        self.address = address
        self.head = head
        self.nip = nip
        self.position = position
        self.city = city
        self.logo = logo
        self.isMissing = isMissing
    }
}

/// The office logo: embedded as a data URI, absent, or named but unusable (with the reason).
public enum Logo: Sendable, Equatable {
    case none
    case embedded(mimeType: String, base64: String)
    case unusable(String)

    public var dataURI: String? {
        guard case .embedded(let mime, let data) = self else { return nil }
        return "data:\(mime);base64,\(data)"
    }
}

/// One row of the Rencana Tindak Lanjut the office plans for an unsur.
public struct RTLEntry: Sendable, Equatable {
    public let unsur: String
    public let program: String
    /// Quarters (1–4) in which the activity runs.
    public let quarters: [Int]
    public let penanggungJawab: String?

    public init(unsur: String, program: String, quarters: [Int], penanggungJawab: String?) {
        self.unsur = unsur
        self.program = program
        self.quarters = quarters
        self.penanggungJawab = penanggungJawab
    }
}

/// One year of the trend. Years measured with another questionnaire are shown but flagged.
public struct YearSummary: Sendable {
    public let year: Int
    public let result: IKMResult
    /// The title of the questionnaire the year was measured with, as printed; its id when unknown.
    public let questionnaireTitle: String
    public var questionnaireID: String { result.questionnaireID }

    /// A year's result; `questionnaireTitle` defaults to the questionnaire's id.
    public init(year: Int, result: IKMResult, questionnaireTitle: String? = nil) {
        self.year = year
        self.result = result
        self.questionnaireTitle = questionnaireTitle ?? result.questionnaireID
    }
}

/// Respondents counted by one profile field (jenis kelamin, pendidikan…), "Tidak diisi" included.
public struct DemographicTable: Sendable, Equatable {
    public let id: String
    public let title: String
    public let rows: [(label: String, count: Int)]

    public init(id: String, title: String, rows: [(label: String, count: Int)]) {
        self.id = id
        self.title = title
        self.rows = rows
    }

    public var total: Int { rows.reduce(0) { $0 + $1.count } }

    public static func == (a: DemographicTable, b: DemographicTable) -> Bool {
        a.id == b.id && a.title == b.title && a.rows.elementsEqual(b.rows) { $0.label == $1.label && $0.count == $1.count }
    }
}

/// An IKU indicator whose realisasi is the survey's IKM, evaluated for the report year.
public struct IKULine: Sendable {
    public let planID: String
    public let organisation: String
    public let evaluation: IndicatorEvaluation

    public init(planID: String, organisation: String, evaluation: IndicatorEvaluation) {
        self.planID = planID
        self.organisation = organisation
        self.evaluation = evaluation
    }
}

/// Identical comments counted once, with the services and days they came from.
public struct CommentGroup: Sendable, Equatable {
    public let text: String
    public let count: Int
    public let services: [String]
    public let first: CivilDate
    public let last: CivilDate

    public init(text: String, count: Int, services: [String], first: CivilDate, last: CivilDate) {
        self.text = text
        self.count = count
        self.services = services
        self.first = first
        self.last = last
    }
}
