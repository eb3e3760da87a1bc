/// An office's performance plan: its IKU (and IKI) indicators with yearly targets.
///
/// The five kecamatan documents skm comes from are such plans. Their indicators include the IKM
/// itself ("IKM unit pelayanan × 25"), the AKIP evaluation score and ratio indicators
/// ("jumlah X / jumlah Y × 100%"); `RealisasiSource` says how each realised value is obtained.
public struct PerformancePlan: Sendable, Equatable {
    public let id: String
    public let organisation: String
    public let document: String?
    public let source: String?
    public let firstYear: Int
    public let lastYear: Int
    public let note: String?
    public let indicators: [Indicator]
    public let bands: CapaianBands

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

    public func indicator(_ code: String) -> Indicator? {
        indicators.first { $0.code.caseInsensitiveEquals(code) }
    }

    public var years: ClosedRange<Int> { firstYear...lastYear }
}

/// One indicator of a plan.
public struct Indicator: Sendable, Equatable {
    public enum Kind: String, Sendable { case iku = "IKU", iki = "IKI" }
    public enum Polarity: String, Sendable { case higher, lower }

    public let code: String
    public let kind: Kind
    public let jabatan: String?
    public let sasaran: String?
    public let name: String
    public let satuan: String?
    public let polarity: Polarity
    public let formula: String?
    public let responsible: String?
    public let dataSource: String?
    /// Kondisi awal.
    public let baseline: (year: Int, value: Double)?
    public let targets: [Int: Double]
    public let realisasi: RealisasiSource

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

    public static func == (a: Indicator, b: Indicator) -> Bool {
        a.code == b.code && a.kind == b.kind && a.jabatan == b.jabatan && a.sasaran == b.sasaran && a.name == b.name
            && a.satuan == b.satuan && a.polarity == b.polarity && a.formula == b.formula
            && a.responsible == b.responsible && a.dataSource == b.dataSource && a.baseline?.year == b.baseline?.year
            && a.baseline?.value == b.baseline?.value && a.targets == b.targets && a.realisasi == b.realisasi
    }
}

/// How an indicator's realised value (realisasi) is obtained.
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

    public var name: String {
        switch self {
        case .skm: return "skm"
        case .akip: return "akip"
        case .ratio: return "ratio"
        case .count: return "count"
        case .value: return "value"
        }
    }

    /// Entered by people (rather than computed by skm).
    public var isEntered: Bool {
        switch self {
        case .skm, .akip: return false
        default: return true
        }
    }
}
