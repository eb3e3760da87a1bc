public import SKMCore
public import SKMReport

/// The one Indonesian wording of why an IKM, or its 95 % interval, could not be computed. The
/// core reports the reason as data; `skm ikm`, the `reason` of the IKM JSON (CLI `--json` and
/// RPC), IKU evaluation and the annual report all word it here.
public enum IKMWording {
    /// Why there is no IKM.
    public static func text(_ reason: IKMUnavailable) -> String {
        switch reason {
        case .noRespondents:
            return "Belum ada responden untuk pilihan ini."
        case .unansweredUnsur(let codes):
            return "IKM tidak dapat dihitung: unsur \(codes.joined(separator: ", ")) tidak dijawab oleh satu responden pun. "
                + "Bila unsur itu memang tidak berlaku, gunakan kuesioner tanpa unsur tersebut."
        }
    }

    /// Why there is an IKM but no interval.
    public static func text(_ reason: IntervalUnavailable) -> String {
        switch reason {
        case .tooFewRespondents: return "Selang kepercayaan memerlukan sedikitnya 2 responden."
        case .tooFewRespondentsInAService: return "Selang kepercayaan memerlukan sedikitnya 2 responden di setiap layanan."
        }
    }

    /// Why a result has no IKM, else why it has no interval; nil when it has both.
    public static func reason(for result: IKMResult) -> String? {
        if let reason = result.unavailable { return text(reason) }
        return result.ci95Unavailable.map { text($0) }
    }

    /// The same sentences for the annual report's renderers.
    public static let forReport = ResultWording(unavailable: { text($0) }, intervalUnavailable: { text($0) })
}
