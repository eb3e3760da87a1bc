import SKMCore
import SKMReport
import SKMStore

extension SKMService {
    /// The register's part of a report for `year` covering units `scope` of `questionnaire`: the
    /// year's items for those units or for the whole office (not cancelled) whose unsur are that
    /// questionnaire's (an item of another questionnaire belongs to that one's report), the
    /// figures of every year up to `year` over the same items, and the year's publications that count.
    func reportFollowUp(year: Int, scope: [String], questionnaire: String) throws -> ReportFollowUp {
        let store = try existingStore()
        let inScope = FollowUpSummary.current(try store.rtlVersions()).filter { item in
            item.year <= year && item.questionnaire == questionnaire && (item.unitCode.map(scope.contains) ?? true)
        }
        let publications = FollowUpSummary.current(try store.publicationVersions()).filter { $0.year <= year }
        let ends = try surveyPeriodEnds(Set(inScope.map(\.year)).union(publications.map(\.year)))
        let years = FollowUpSummary.years(items: inScope, publications: publications) { ends[$0] ?? Self.yearEnd($0) }
        return ReportFollowUp(
            items: inScope.filter { $0.year == year && !$0.cancelled }, years: years,
            publications: publications.filter { $0.year == year && $0.voidReason == nil })
    }
}
