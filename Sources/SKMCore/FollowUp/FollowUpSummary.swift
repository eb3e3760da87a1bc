/// The follow-up figures PEKPPP asks for, over a set of current RTL items: how many are done,
/// how many were done by their target date, and how fast (days from the end of the survey
/// period to completion).
public struct RTLFigures: Sendable, Equatable {
    /// Items that count (not cancelled).
    public var items = 0
    /// Of those, done.
    public var done = 0
    /// Of those, done on or before their target date.
    public var doneOnTime = 0
    /// Sum of the days from the survey period's end to completion over done items (0 for an
    /// item done before the period ended).
    public var daysSum = 0
    /// The most days any done item took; nil when none is done.
    public var maxDays: Int?

    /// An empty set of figures.
    public init() {}

    /// Done items as a percentage of the items (0–100); nil when there are none.
    public var shareDone: Double? { items == 0 ? nil : Double(done) / Double(items) * 100 }
    /// Items done by their target date as a percentage of the items; nil when there are none.
    public var shareOnTime: Double? { items == 0 ? nil : Double(doneOnTime) / Double(items) * 100 }
    /// Mean days from the end of the survey period to completion; nil when nothing is done.
    public var meanDays: Double? { done == 0 ? nil : Double(daysSum) / Double(done) }

    /// Counts one item; `periodEnd` is the last day of its year's survey period.
    public mutating func add(_ item: RTLItem, periodEnd: CivilDate) {
        guard !item.cancelled else { return }
        items += 1
        guard let doneOn = item.doneOn else { return }
        done += 1
        if item.doneOnTime { doneOnTime += 1 }
        let days = Self.days(from: periodEnd, to: doneOn)
        daysSum += days
        maxDays = max(maxDays ?? 0, days)
    }

    /// Days from the end of the survey period to completion; 0 when done before it ended.
    public static func days(from periodEnd: CivilDate, to doneOn: CivilDate) -> Int {
        max(0, doneOn.dayNumber - periodEnd.dayNumber)
    }
}

/// The figures for one group of items: a whole year, or one service of it.
public struct RTLSummaryLine: Sendable, Equatable {
    /// The survey year.
    public var year: Int
    /// The unit of the service line; nil on the year's line.
    public var unitCode: String?
    /// The service of the line; nil on the year's line.
    public var serviceCode: String?
    /// The last day of the year's survey period, from which speed is counted.
    public var periodEnd: CivilDate
    /// The line's counts, shares and speed.
    public var figures: RTLFigures

    /// A line with the given figures.
    public init(year: Int, unitCode: String? = nil, serviceCode: String? = nil, periodEnd: CivilDate, figures: RTLFigures) {
        self.year = year
        self.unitCode = unitCode
        self.serviceCode = serviceCode
        self.periodEnd = periodEnd
        self.figures = figures
    }
}

/// A year of follow-up: the year's line, one line per service named by its items, and the
/// number of distinct media its results were published in.
public struct RTLYearSummary: Sendable, Equatable {
    /// The survey year.
    public var year: Int
    /// Every item of the year (cancelled ones included: they are counted in no share).
    public var total: RTLSummaryLine
    /// One line per (unit, service) that items name, ordered by unit and service code.
    public var services: [RTLSummaryLine]
    /// The distinct media the year's results were published in, in `PublicationMedium` order.
    public var media: [PublicationMedium]
    /// Active publication entries of the year.
    public var publications: Int
}

/// Computes the follow-up summary from current items and publications (no I/O).
public enum FollowUpSummary {
    /// One summary per year that has items or publications, oldest first. `periodEnd` gives the
    /// last day of a year's survey period.
    public static func years(
        items: [RTLItem], publications: [PublicationRecord], periodEnd: (Int) -> CivilDate
    ) -> [RTLYearSummary] {
        let years = Set(items.map(\.year)).union(publications.map(\.year)).sorted()
        return years.map { year in
            let end = periodEnd(year)
            var total = RTLFigures()
            var byService: [String: RTLSummaryLine] = [:]
            for item in items where item.year == year {
                total.add(item, periodEnd: end)
                guard let unit = item.unitCode, let service = item.serviceCode else { continue }
                let key = unit + "/" + service
                var line =
                    byService[key]
                    ?? RTLSummaryLine(year: year, unitCode: unit, serviceCode: service, periodEnd: end, figures: RTLFigures())
                line.figures.add(item, periodEnd: end)
                byService[key] = line
            }
            let active = publications.filter { $0.year == year && $0.voidReason == nil }
            let used = Set(active.map(\.medium))
            return RTLYearSummary(
                year: year, total: RTLSummaryLine(year: year, periodEnd: end, figures: total),
                services: byService.values.sorted {
                    ($0.unitCode ?? "", $0.serviceCode ?? "") < ($1.unitCode ?? "", $1.serviceCode ?? "")
                },
                media: PublicationMedium.allCases.filter(used.contains), publications: active.count)
        }
    }

    /// The current state of each item: its highest version, ordered by number.
    public static func current(_ versions: [RTLItem]) -> [RTLItem] {
        var latest: [Int: RTLItem] = [:]
        for v in versions where (latest[v.number]?.version ?? 0) < v.version { latest[v.number] = v }
        return latest.values.sorted { $0.number < $1.number }
    }

    /// The current state of each publication entry, ordered by number.
    public static func current(_ versions: [PublicationRecord]) -> [PublicationRecord] {
        var latest: [Int: PublicationRecord] = [:]
        for v in versions where (latest[v.number]?.version ?? 0) < v.version { latest[v.number] = v }
        return latest.values.sorted { $0.number < $1.number }
    }
}
