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

    /// Reads a mode as typed: `exact`, `0.111`/`0,111`, `0.11`/`0,11`.
    public init?(parsing text: String) {
        let normalized = text.trimmingSpaces().lowercased().replacingComma()
        switch normalized {
        case "exact", "eksak", "1/n": self = .exact
        case "0.111", ".111": self = .threeDecimals
        case "0.11", ".11": self = .twoDecimals
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

extension String {
    fileprivate func replacingComma() -> String {
        String(map { $0 == "," ? "." : $0 })
    }
}
