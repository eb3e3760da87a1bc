/// The Zona Integritas survey results of a year (PermenPANRB 90/2021): for each survey (IPKP, IPAK)
/// its index per quarter, semester and the whole year, each with its mutu and LKE value.
///
/// Each survey is scored on its own questionnaire, exactly as `skm ikm --questionnaire ID` scores it;
/// the LKE value is the one the questionnaire's band table gives the period's mutu (data, never code).
public struct ZISummary: Sendable {
    /// One survey of the set: the questionnaire it is answered on and its results per period.
    public struct Survey: Sendable {
        /// `ipkp` or `ipak`: the survey's short name in JSON keys, CSV rows and headings.
        public let name: String
        /// The questionnaire the survey is scored with.
        public let questionnaire: Questionnaire
        /// Triwulan I–IV, always four (a quarter nobody answered has no respondents).
        public let quarters: [GroupResult]
        /// Semester I–II, always two.
        public let semesters: [GroupResult]
        /// The whole year.
        public let year: GroupResult

        /// Quarters, then semesters, then the year: the rows of every table.
        public var periods: [GroupResult] { quarters + semesters + [year] }

        /// A survey's results, as the service layer gathers them.
        public init(
            name: String, questionnaire: Questionnaire, quarters: [GroupResult], semesters: [GroupResult], year: GroupResult
        ) {
            self.name = name
            self.questionnaire = questionnaire
            self.quarters = quarters
            self.semesters = semesters
            self.year = year
        }
    }

    /// The calendar year covered.
    public let year: Int
    /// What the summary covers, for headings: "Tahun 2025" or "Tahun 2025, unit KEC-TT".
    public let scopeDescription: String
    /// The day the summary was made, printed on the page.
    public let generatedOn: CivilDate
    /// IPKP first, then IPAK.
    public let surveys: [Survey]

    /// The summary as gathered by the service layer.
    public init(year: Int, scopeDescription: String, generatedOn: CivilDate, surveys: [Survey]) {
        self.year = year
        self.scopeDescription = scopeDescription
        self.generatedOn = generatedOn
        self.surveys = surveys
    }
}
