/// How unsur weights are applied.
///
/// `exact` is the regulation's 1/n (or the questionnaire's declared weights). The two rounded
/// modes reproduce the spreadsheets that print the weight as 0,111 or 0,11 (for 14 unsur: 0,071
/// and 0,07), so an office can reconcile last year's published figure; their maximum IKM is
/// below 100 (99,9 and 99), which is exactly the error they carry.
public enum Weighting: String, Sendable, CaseIterable {
    case exact = "exact"
    case threeDecimals = "0.111"
    case twoDecimals = "0.11"

    /// Reads a mode as typed: `exact`, `0.111`/`0,111`, `0.11`/`0,11`, or the weight a 2004-era
    /// spreadsheet prints for its 14 unsur, `0.071`/`0,071` (three decimals) and `0.07`/`0,07` (two).
    public init?(parsing text: String) {
        let normalized = text.trimmingSpaces().lowercased().replacingComma()
        switch normalized {
        case "exact", "eksak", "1/n": self = .exact
        case "0.111", ".111", "0.071", ".071": self = .threeDecimals
        case "0.11", ".11", "0.07", ".07": self = .twoDecimals
        default: return nil
        }
    }

    /// The weights this mode applies to a questionnaire's exact weights.
    public func weights(from exact: [Double]) -> [Double] {
        switch self {
        case .exact: return exact
        case .threeDecimals: return exact.map { DisplayRounding.round($0, decimals: 3) }
        case .twoDecimals: return exact.map { DisplayRounding.round($0, decimals: 2) }
        }
    }

    /// An Indonesian description for reports and help.
    public var indonesianDescription: String {
        switch self {
        case .exact: return "bobot eksak (1/jumlah unsur, atau bobot yang ditetapkan kuesioner)"
        case .threeDecimals: return "bobot dibulatkan 3 desimal (0,111 untuk 9 unsur), seperti lembar kerja lama"
        case .twoDecimals: return "bobot dibulatkan 2 desimal (0,11 untuk 9 unsur), seperti lembar kerja lama"
        }
    }
}

extension IKMResult {
    /// The weight actually applied, as printed: `0,071` when every unsur had that weight
    /// (a rounded mode, or exact weights shown to four decimals as `1/14`), else `per unsur`.
    public var appliedWeightLabel: String {
        let weights = unsur.map(\.weight)
        guard let first = weights.first, weights.allSatisfy({ $0 == first }) else { return "per unsur (ditetapkan kuesioner)" }
        switch weighting {
        case .exact: return "1/\(weights.count)"
        case .threeDecimals: return IndonesianNumber.format(first, decimals: 3)
        case .twoDecimals: return IndonesianNumber.format(first, decimals: 2)
        }
    }

    /// The weighting in words, naming the weight actually applied to this result's unsur
    /// ("bobot dibulatkan 3 desimal: 0,071 tiap unsur (14 unsur), seperti lembar kerja lama").
    public var appliedWeightingDescription: String {
        let weights = unsur.map(\.weight)
        guard let first = weights.first, weights.allSatisfy({ $0 == first }) else { return weighting.indonesianDescription }
        let n = weights.count
        switch weighting {
        case .exact: return "bobot eksak 1/\(n) tiap unsur (\(n) unsur)"
        case .threeDecimals:
            return "bobot dibulatkan 3 desimal: \(appliedWeightLabel) tiap unsur (\(n) unsur), seperti lembar kerja lama"
        case .twoDecimals:
            return "bobot dibulatkan 2 desimal: \(appliedWeightLabel) tiap unsur (\(n) unsur), seperti lembar kerja lama"
        }
    }
}

extension String {
    fileprivate func replacingComma() -> String {
        String(map { $0 == "," ? "." : $0 })
    }
}
