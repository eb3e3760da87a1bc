/// Why an IKM could not be computed. Data, not a sentence: the front ends word it (SKMService's
/// `IKMWording`), so the command line, RPC and the report say the same thing.
public enum IKMUnavailable: Sendable, Equatable {
    /// Nobody answered for this selection.
    case noRespondents
    /// These unsur (codes, in questionnaire order) were left blank by every respondent, so
    /// Σ NRR × bobot has no value.
    case unansweredUnsur([String])
}

/// Why an IKM has no 95 % confidence interval.
public enum IntervalUnavailable: Sendable, Equatable {
    /// The interval needs at least two respondents.
    case tooFewRespondents
    /// A mean of services needs every service's interval, so two respondents in each.
    case tooFewRespondentsInAService
}
