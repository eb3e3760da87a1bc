/// What `skm check` found: data, worded for people by the service layer.
public struct StoreCheck: Sendable, Equatable {
    /// Every problem found, integrity first, then references, bookkeeping and aggregates.
    public let findings: [StoreFinding]

    /// A result with these findings (none: a healthy database).
    public init(findings: [StoreFinding]) { self.findings = findings }

    /// Nothing found.
    public var isHealthy: Bool { findings.isEmpty }

    /// SQLite's integrity check and the references are fine: the responses are whole, and only
    /// derived data (aggregates) may differ, which a rebuild from the responses repairs.
    public var responsesAreSound: Bool { findings.allSatisfy(\.isAboutAggregates) }
}

/// One problem `skm check` found.
public enum StoreFinding: Sendable, Equatable {
    /// A line of SQLite's `integrity_check` (SQLite's own English text).
    case integrity(String)
    /// A row of `table` refers to a missing row of `target`.
    case danglingReference(table: String, row: Int64, target: String)
    /// The file has no identity row (it should after migration 4).
    case identityMissing
    /// The writers recorded `recorded` responses; the table holds `actual`.
    case responseCountDiffers(recorded: Int64, actual: Int64)
    /// The writers recorded `recorded` as the last response id; the table's highest is `actual`.
    case lastResponseIDDiffers(recorded: Int64, actual: Int64)
    /// A daily total differs from a recount of the responses (respondents).
    case totalsDiffer(AggregateRowKey, stored: Int, recounted: Int)
    /// A per-unsur aggregate differs from a recount (`unsur` counts from 0).
    case unsurDiffers(AggregateRowKey, unsur: Int, stored: Int, recounted: Int)
    /// An aggregate row that no responses could give (`Store.implausibleAggregates`).
    case implausibleAggregate(ImplausibleAggregate)

    /// Findings a rebuild of the aggregates from the responses repairs.
    public var isAboutAggregates: Bool {
        switch self {
        case .totalsDiffer, .unsurDiffers, .implausibleAggregate: return true
        default: return false
        }
    }
}

/// Which aggregate row: (questionnaire, day, unit, service).
public struct AggregateRowKey: Sendable, Equatable {
    /// The questionnaire id.
    public let questionnaire: String
    /// The day, YYYY-MM-DD.
    public let day: String
    /// The unit's row id.
    public let unitID: Int64
    /// The service's row id.
    public let serviceID: Int64

    /// The key of one aggregate row.
    public init(questionnaire: String, day: String, unitID: Int64, serviceID: Int64) {
        self.questionnaire = questionnaire
        self.day = day
        self.unitID = unitID
        self.serviceID = serviceID
    }
}

/// An aggregate row that no set of responses could produce (found by `skm check`).
public struct ImplausibleAggregate: Sendable, Equatable {
    /// What is impossible about the row.
    public enum Problem: Sendable, Equatable {
        /// A count or sum below zero.
        case negative
        /// An unsur answered more often than the day had respondents.
        case answeredAboveRespondents(answered: Int, respondents: Int)
        /// A sum (or sum of squares) above what all-highest answers give: `answered` × `scaleMaximum`.
        case totalAboveMaximum(total: Int, answered: Int, scaleMaximum: Int)
        /// The packed unsur counts cannot be read (another version, or a wrong length).
        case unreadable
    }

    /// Which aggregate row.
    public let row: AggregateRowKey
    /// The unsur's index (0-based); nil for a row of respondent totals.
    public let unsur: Int?
    /// What is wrong with it.
    public let problem: Problem

    /// A row found impossible.
    public init(row: AggregateRowKey, unsur: Int?, problem: Problem) {
        self.row = row
        self.unsur = unsur
        self.problem = problem
    }
}
