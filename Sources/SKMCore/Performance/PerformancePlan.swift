/// An office's performance plan: its IKU (and IKI) indicators with yearly targets.
///
/// The five kecamatan documents skm comes from are such plans. Their indicators include the IKM
/// itself ("IKM unit pelayanan × 25"), the AKIP evaluation score and ratio indicators
/// ("jumlah X / jumlah Y × 100%"); `RealisasiSource` says how each realisasi is obtained.
public struct PerformancePlan: Sendable, Equatable {
    /// The plan's identifier: lowercase letters, digits and hyphens (e.g. `tomoni-timur-2021-2026`).
    public let id: String
    /// The office the plan belongs to, as printed on reports.
    public let organisation: String
    /// The source document's title (Renstra, Perjanjian Kinerja…); nil when not given.
    public let document: String?
    /// Where the plan was taken from (a file, a decree number); nil when not given.
    public let source: String?
    /// First year of the plan period (1990–2100).
    public let firstYear: Int
    /// Last year of the plan period, ≥ `firstYear`; its target is the "final target" evaluations compare with.
    public let lastYear: Int
    /// Free remark carried with the plan; nil when not given.
    public let note: String?
    /// At least one indicator, in document order, with codes unique ignoring case.
    public let indicators: [Indicator]
    /// How capaian percentages are categorised; `.standard` unless the plan file overrides it.
    public let bands: CapaianBands

    /// Builds a plan already validated by the caller; `PlanDecoder` is the checked way to make one from a file.
    public init(
        id: String, organisation: String, document: String?, source: String?, firstYear: Int, lastYear: Int,
        note: String?, indicators: [Indicator], bands: CapaianBands = .standard
    ) {
        self.id = id
        self.organisation = organisation
        self.document = document
        self.source = source
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.note = note
        self.indicators = indicators
        self.bands = bands
    }

    /// The indicator with this code, ignoring case; nil when the plan has none.
    public func indicator(_ code: String) -> Indicator? {
        indicators.first { $0.code.caseInsensitiveEquals(code) }
    }

    /// The plan period, both ends included.
    public var years: ClosedRange<Int> { firstYear...lastYear }
}

/// One indicator of a plan.
public struct Indicator: Sendable, Equatable {
    /// Whether the indicator is an organisation's IKU or an individual's IKI (raw value as written in plan files).
    public enum Kind: String, Sendable {
        case iku = "IKU"
        case iki = "IKI"
    }
    /// Whether a higher or a lower realisasi is better; decides the capaian formula and whether a target is met.
    public enum Polarity: String, Sendable { case higher, lower }

    /// The indicator's code, unique in its plan ignoring case; no spaces, at most 40 characters.
    public let code: String
    /// IKU (the default) or IKI.
    public let kind: Kind
    /// The position an IKI belongs to; nil for most IKU.
    public let jabatan: String?
    /// The strategic goal (sasaran) the indicator measures; nil when not given.
    public let sasaran: String?
    /// The indicator as the plan words it.
    public let name: String
    /// Unit of measure as written (e.g. "%", "indeks"); nil when not given.
    public let satuan: String?
    /// Which direction is better; `.higher` unless the plan says otherwise.
    public let polarity: Polarity
    /// The computation as the plan words it, for reports only; skm does not evaluate it.
    public let formula: String?
    /// Who is responsible for the indicator; nil when not given.
    public let responsible: String?
    /// Where the data comes from, as the plan words it; nil when not given.
    public let dataSource: String?
    /// Kondisi awal.
    public let baseline: (year: Int, value: Double)?
    /// Target value per year, all within the plan period; empty when the plan sets none.
    public let targets: [Int: Double]
    /// How this indicator's realisasi is obtained each year.
    public let realisasi: RealisasiSource

    /// Builds an indicator already validated by the caller; `PlanDecoder` checks one from a file.
    public init(
        code: String, kind: Kind, jabatan: String?, sasaran: String?, name: String, satuan: String?,
        polarity: Polarity, formula: String?, responsible: String?, dataSource: String?,
        baseline: (year: Int, value: Double)?, targets: [Int: Double], realisasi: RealisasiSource
    ) {
        self.code = code
        self.kind = kind
        self.jabatan = jabatan
        self.sasaran = sasaran
        self.name = name
        self.satuan = satuan
        self.polarity = polarity
        self.formula = formula
        self.responsible = responsible
        self.dataSource = dataSource
        self.baseline = baseline
        self.targets = targets
        self.realisasi = realisasi
    }

    /// Equal when every field agrees; written by hand because the baseline tuple is not Equatable.
    public static func == (a: Indicator, b: Indicator) -> Bool {
        a.code == b.code && a.kind == b.kind && a.jabatan == b.jabatan && a.sasaran == b.sasaran && a.name == b.name
            && a.satuan == b.satuan && a.polarity == b.polarity && a.formula == b.formula
            && a.responsible == b.responsible && a.dataSource == b.dataSource && a.baseline?.year == b.baseline?.year
            && a.baseline?.value == b.baseline?.value && a.targets == b.targets && a.realisasi == b.realisasi
    }
}

/// How an indicator's realisasi (the value reached) is obtained.
public enum RealisasiSource: Sendable, Equatable {
    /// The year's IKM from the survey store, optionally for some units/services and a questionnaire.
    case skm(units: [String], services: [String], questionnaire: String?)
    /// The total of the AKIP evaluation stored for the year.
    case akip
    /// Numerator and denominator entered as counts; realisasi = numerator / denominator × 100.
    case ratio(numerator: String?, denominator: String?)
    /// A count entered directly.
    case count
    /// A value entered directly (for example a score received from the kabupaten).
    case value

    /// The `source` word used in plan files and JSON output: skm, akip, ratio, count or value.
    public var name: String {
        switch self {
        case .skm: return "skm"
        case .akip: return "akip"
        case .ratio: return "ratio"
        case .count: return "count"
        case .value: return "value"
        }
    }
}
