public import SKMCore

/// Everything the consolidated report (rekap) shows, gathered by the service layer. Format-neutral:
/// `RekapContent` turns it into a `ReportDocument`, which HTML, Markdown, CSV (and later Word)
/// render alike.
public struct RekapData: Sendable {
    /// The year consolidated.
    public var year: Int
    /// What the rekap covers, for the cover and headings ("unit di bawah KAB — Kabupaten Uji").
    public var scope: String
    /// The method's name ("gabungan semua jawaban (pooled)") and its one-sentence explanation.
    public var method: (name: String, explanation: String)
    /// The other method's name and IKM, shown for comparison only.
    public var alternatives: [(name: String, ikm: Double?)]
    /// The questionnaire every figure was scored with.
    public var questionnaire: Questionnaire
    /// The consolidated result by the chosen method.
    public var consolidated: IKMResult
    /// One row per unit, in the order of the rekap (by code).
    public var units: [RekapUnitData]
    /// The years before `year` the trend table covers (oldest first; empty for none).
    public var earlierYears: [Int]

    /// The data as the service layer assembles it.
    public init(
        year: Int, scope: String, method: (name: String, explanation: String), alternatives: [(name: String, ikm: Double?)],
        questionnaire: Questionnaire, consolidated: IKMResult, units: [RekapUnitData], earlierYears: [Int]
    ) {
        self.year = year
        self.scope = scope
        self.method = method
        self.alternatives = alternatives
        self.questionnaire = questionnaire
        self.consolidated = consolidated
        self.units = units
        self.earlierYears = earlierYears
    }
}

/// One unit of the consolidated report.
public struct RekapUnitData: Sendable {
    /// The unit's code and name.
    public var code: String
    /// The name as shown (the parent's own respondents are marked so).
    public var name: String
    /// How many units the figure covers (the unit and every unit under it).
    public var unitCount: Int
    /// The unit's result for the year.
    public var result: IKMResult
    /// Position by IKM (1 = highest); nil without respondents.
    public var rank: Int?
    /// Index of the weakest unsur; nil without respondents.
    public var weakestUnsur: Int?
    /// The recorded population and its Krejcie–Morgan minimum, when recorded.
    public var sample: (population: Int, minimum: Int)?
    /// The coverage status as a reader sees it ("sampel kurang").
    public var coverageLabel: String
    /// True when the unit belongs on the coverage list (no data or too few respondents).
    public var isCoverageGap: Bool
    /// The IKM of each earlier year that has respondents.
    public var trend: [(year: Int, ikm: Double?)]

    /// A row as the service layer assembles it.
    public init(
        code: String, name: String, unitCount: Int, result: IKMResult, rank: Int?, weakestUnsur: Int?,
        sample: (population: Int, minimum: Int)?, coverageLabel: String, isCoverageGap: Bool, trend: [(year: Int, ikm: Double?)]
    ) {
        self.code = code
        self.name = name
        self.unitCount = unitCount
        self.result = result
        self.rank = rank
        self.weakestUnsur = weakestUnsur
        self.sample = sample
        self.coverageLabel = coverageLabel
        self.isCoverageGap = isCoverageGap
        self.trend = trend
    }
}
