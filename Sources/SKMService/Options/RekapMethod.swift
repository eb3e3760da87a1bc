public import SKMCore

/// How a rekap consolidates its units' figures into one IKM. No regulation prescribes either;
/// every output names the one used.
public enum RekapMethod: String, Sendable, CaseIterable {
    /// Every answer of every unit pooled (the default): exact from the summed aggregates, the same
    /// as weighting each unit by its respondents per unsur.
    case pooled = "pooled"
    /// The plain (unweighted) mean of the IKMs of the units that have respondents.
    case meanOfUnits = "mean-of-units"

    /// How the method is named to a person, in Bahasa Indonesia.
    public var indonesianName: String {
        switch self {
        case .pooled: return "gabungan semua jawaban (pooled)"
        case .meanOfUnits: return "rata-rata IKM unit tanpa bobot (mean-of-units)"
        }
    }

    /// One sentence on what the method computes, for reports and `skm rekap`.
    public var indonesianExplanation: String {
        switch self {
        case .pooled:
            return
                "Semua jawaban responden seluruh unit digabung lalu NRR per unsur, indeks dan IKM dihitung sekali; unit dengan responden lebih banyak berbobot lebih besar."
        case .meanOfUnits:
            return
                "IKM tiap unit dihitung sendiri lalu dirata-rata tanpa bobot; unit tanpa responden tidak ikut, unit kecil berbobot sama dengan unit besar."
        }
    }

    /// The method named by `raw` (nil: `pooled`): `pooled`/`gabungan` or
    /// `mean-of-units`/`rata-rata-unit`, ignoring case; anything else is `invalid_aggregation`.
    public static func parse(_ raw: String?, field: String = "method") throws(SKMError) -> RekapMethod {
        guard let raw else { return .pooled }
        switch raw.trimmingSpaces().lowercased() {
        case "pooled", "gabungan": return .pooled
        case "mean-of-units", "rata-rata-unit": return .meanOfUnits
        default:
            throw SKMError(
                .invalidAggregation, "\(field) harus \"pooled\" atau \"mean-of-units\", diterima \"\(raw.clipped(30))\".",
                field: field)
        }
    }
}
