public import SKMCore

/// The sentences for a result without an IKM or without an interval. SKMService passes its one
/// wording (`IKMWording.forReport`), so the report says what `skm ikm` and RPC say; the renderers
/// only place the sentences.
public struct ResultWording: Sendable {
    let unavailable: @Sendable (IKMUnavailable) -> String
    let intervalUnavailable: @Sendable (IntervalUnavailable) -> String

    public init(
        unavailable: @escaping @Sendable (IKMUnavailable) -> String,
        intervalUnavailable: @escaping @Sendable (IntervalUnavailable) -> String
    ) {
        self.unavailable = unavailable
        self.intervalUnavailable = intervalUnavailable
    }

    /// Why `r` has no IKM; nil when it has one.
    func reason(_ r: IKMResult) -> String? { r.unavailable.map(unavailable) }

    /// Why `r` has an IKM but no interval; nil otherwise.
    func intervalReason(_ r: IKMResult) -> String? { r.ci95Unavailable.map(intervalUnavailable) }
}
