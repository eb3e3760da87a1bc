/// The result for one unsur: its counts, NRR and weighted NRR.
public struct UnsurResult: Sendable, Equatable {
    /// The unsur code from the questionnaire (U1…).
    public let code: String
    /// The unsur's name from the questionnaire.
    public let name: String
    /// Responses that answered this unsur (blanks excluded).
    public let answered: Int
    /// Sum of the answer values given to this unsur.
    public let sum: Int
    /// sum / answered; nil when nobody answered this unsur.
    public let nrr: Double?
    /// The unsur's bobot as applied: exact, or rounded per `Weighting`.
    public let weight: Double
    /// nrr × weight.
    public let weighted: Double?
    /// nrr × conversion factor (the unsur on the 25–100 scale), for reports.
    public let converted: Double?
    /// The band of the converted value, as displayed.
    public let band: Band?
    /// Sample standard deviation of the answers.
    public let standardDeviation: Double?
}

/// A two-sided 95 % interval for the IKM (normal approximation, see `IKMScorer`).
public struct ConfidenceInterval: Sendable, Equatable {
    /// Lower bound on the IKM scale, never below the lowest possible IKM.
    public let low: Double
    /// Upper bound on the IKM scale, never above the highest possible IKM.
    public let high: Double
    /// Standard error of the IKM, on the IKM scale (not the 1–4 scale).
    public let standardError: Double
}

/// How results of several services are combined.
public enum Aggregation: String, Sendable, CaseIterable {
    /// All respondents pooled: the IKM of the unit as one population (the default).
    case pooled = "pooled"
    /// The unweighted mean of each service's IKM; the regulation does not prescribe it.
    case meanOfServices = "mean-of-services"

    /// Reads `pooled`/`gabungan` or `mean-of-services`/`rata-rata-layanan`, ignoring case; nil otherwise.
    public init?(parsing text: String) {
        switch text.trimmingSpaces().lowercased() {
        case "pooled", "gabungan": self = .pooled
        case "mean-of-services", "rata-rata-layanan": self = .meanOfServices
        default: return nil
        }
    }
}

/// The IKM of a set of responses, with everything needed to show how it was computed.
public struct IKMResult: Sendable, Equatable {
    /// The questionnaire the responses were scored with.
    public let questionnaireID: String
    /// How unsur weights were applied (exact, or the rounded 0,111 / 0,11 some offices use).
    public let weighting: Weighting
    /// Whether respondents were pooled or services averaged.
    public let aggregation: Aggregation
    /// Responses counted (voided ones never count); a respondent with blanks still counts.
    public let respondents: Int
    /// One result per unsur, in questionnaire order.
    public let unsur: [UnsurResult]
    /// Σ weighted NRR, on the 1–4 scale; nil when it cannot be computed (see `unavailable`).
    public let indeks: Double?
    /// indeks × conversion factor, full precision.
    public let ikm: Double?
    /// `ikm` rounded half away from zero to two decimals: what is shown and classified.
    public let ikmDisplayed: Double?
    /// Mutu and kinerja of `ikmDisplayed`; nil without an IKM.
    public let band: Band?
    /// The 95 % interval; nil when it cannot be computed (see `ci95Unavailable`).
    public let ci95: ConfidenceInterval?
    /// Why there is no IKM (no respondents, an unsur nobody answered); nil when there is one.
    public let unavailable: IKMUnavailable?
    /// Why there is no interval, when there is an IKM but no interval.
    public let ci95Unavailable: IntervalUnavailable?

    /// A result as the scorer assembles it; `ikmDisplayed` is derived from `ikm`.
    public init(
        questionnaireID: String, weighting: Weighting, aggregation: Aggregation, respondents: Int,
        unsur: [UnsurResult], indeks: Double?, ikm: Double?, band: Band?, ci95: ConfidenceInterval?,
        unavailable: IKMUnavailable?, ci95Unavailable: IntervalUnavailable?
    ) {
        self.questionnaireID = questionnaireID
        self.weighting = weighting
        self.aggregation = aggregation
        self.respondents = respondents
        self.unsur = unsur
        self.indeks = indeks
        self.ikm = ikm
        self.ikmDisplayed = ikm.map { DisplayRounding.round($0, decimals: 2) }
        self.band = band
        self.ci95 = ci95
        self.unavailable = unavailable
        self.ci95Unavailable = ci95Unavailable
    }

    /// Unsur with an NRR, weakest first (ties in questionnaire order): the candidates for the RTL.
    public var unsurByStrength: [UnsurResult] {
        unsur.enumerated()
            .filter { $0.element.nrr != nil }
            .sorted { ($0.element.nrr ?? 0, $0.offset) < ($1.element.nrr ?? 0, $1.offset) }
            .map(\.element)
    }
}

/// The IKM of one group of a breakdown or a report table: a service, a quarter…
public struct GroupResult: Sendable {
    /// What the group stands for; code compares these, never `key`.
    public let group: GroupKey
    /// The group as headings show it, e.g. "KTP-KK — Pengantar KTP-el (KEC-TT)" or "Triwulan I".
    public let label: String
    /// The group's own IKM result.
    public let result: IKMResult

    /// The group's identifier on the wire (`GroupKey.text`): a unit code, `UNIT/SERVICE`,
    /// `2025-Q1`, `2025-03`, `2025`.
    public var key: String { group.text }

    /// A group of a breakdown.
    public init(_ group: GroupKey, label: String, result: IKMResult) {
        self.group = group
        self.label = label
        self.result = result
    }

    /// A group known only by its text key.
    public init(key: String, label: String, result: IKMResult) {
        self.init(.text(key), label: label, result: result)
    }
}
