public import SKMCore

/// What the follow-up register contributes to BAB IV of the annual report.
public struct ReportFollowUp: Sendable {
    /// The report year's RTL items in the report's scope (not cancelled); when there are any,
    /// the RTL table is made from them instead of the profile's `rtl` list.
    public var items: [RTLItem] = []
    /// The follow-up figures of every year up to the report year that has items or publications.
    public var years: [RTLYearSummary] = []
    /// The report year's publications that count (voided ones left out).
    public var publications: [PublicationRecord] = []

    /// Nothing registered.
    public init() {}

    /// The register's items, figures and publications for a report.
    public init(items: [RTLItem], years: [RTLYearSummary], publications: [PublicationRecord]) {
        self.items = items
        self.years = years
        self.publications = publications
    }
}
