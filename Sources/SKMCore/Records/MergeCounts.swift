/// What one source's merge did.
public struct MergeCounts: Sendable, Equatable {
    /// Responses stored here for the first time (voided ones included).
    public var responsesAdded = 0
    /// Of those, how many came already voided.
    public var voidedAdded = 0
    /// Responses this database already had (same global id, same client id and content, or the
    /// same row of the same imported file).
    public var alreadyPresent = 0
    /// Voids made in the source after an earlier merge, applied here now.
    public var voidsCarried = 0
    /// Units added.
    public var unitsAdded = 0
    /// Services added.
    public var servicesAdded = 0
    /// Units or services renamed (`--keep-name source`).
    public var renamed = 0
    /// Custom questionnaires added.
    public var questionnairesAdded = 0
    /// Import batches added.
    public var batchesAdded = 0
    /// Units placed under their source parent (the unit hierarchy).
    public var parentsLinked = 0
    /// Visits added (their grouping of responses carried by the responses' global ids).
    public var visitsAdded = 0
    /// Visit voids made in the source after an earlier merge, applied here now.
    public var visitVoidsCarried = 0
    /// RTL item versions added (new items and later versions of items here).
    public var rtlVersionsAdded = 0
    /// Publication log versions added.
    public var publicationVersionsAdded = 0
    /// Aggregate packages the source had imported, stored here now (each version, oldest first).
    public var packagesCarried = 0
    /// Of the source's packages, those this database already holds (the same package id).
    public var packagesAlreadyPresent = 0
    /// Of the source's packages, those older than the package this database holds for the same
    /// unit and year (skipped: this database is simply newer).
    public var packagesOlderSkipped = 0

    /// Nothing counted.
    public init() {}

    /// Whether the merge changed this database.
    public var changedSomething: Bool {
        responsesAdded + voidsCarried + unitsAdded + servicesAdded + renamed + parentsLinked + questionnairesAdded + batchesAdded
            + visitsAdded
            + visitVoidsCarried + rtlVersionsAdded + publicationVersionsAdded + packagesCarried > 0
    }
}
