public import SKMCore
import SKMStore

/// What `skm rekap` and `ikm.rekap` consolidate: one year, the units under `parent` (or the
/// top-level units), by one method.
public struct RekapRequest: Sendable {
    /// The calendar year (2000–9999).
    public var year: Int
    /// The code of the unit whose direct sub-units are compared; nil for the top-level units.
    public var parent: String?
    /// How the units' figures become one IKM (pooled by default).
    public var method: RekapMethod
    /// A questionnaire id; nil to let the data decide (several questionnaires in the year are refused).
    public var questionnaire: String?
    /// How many years before `year` to score for each unit's trend (0: none; at most 20).
    public var earlierYears: Int

    /// A rekap of `year`; the rest as the defaults say.
    public init(
        year: Int, parent: String? = nil, method: RekapMethod = .pooled, questionnaire: String? = nil, earlierYears: Int = 0
    ) {
        self.year = year
        self.parent = parent
        self.method = method
        self.questionnaire = questionnaire
        self.earlierYears = earlierYears
    }
}

/// Where a unit stands in the rekap's coverage list.
public enum RekapCoverage: String, Sendable {
    /// Respondents at least the Krejcie–Morgan minimum for the unit's recorded population.
    case adequate = "adequate"
    /// Respondents, but fewer than the minimum for its recorded population.
    case tooFew = "too-few"
    /// No respondents in the year.
    case noData = "no-data"
    /// Respondents, but no population recorded, so adequacy cannot be judged.
    case populationUnknown = "population-unknown"

    /// The Indonesian label a reader sees.
    public var indonesianLabel: String {
        switch self {
        case .adequate: return "sampel cukup"
        case .tooFew: return "sampel kurang"
        case .noData: return "tanpa data"
        case .populationUnknown: return "populasi belum dicatat"
        }
    }
}

/// One row of a rekap: a unit with everything under it.
public struct RekapUnit: Sendable {
    /// The unit the row stands for.
    public let unit: UnitRecord
    /// How many units the row covers (the unit and every unit under it; 1 for `ownDataOnly`).
    public let unitCount: Int
    /// True for the row of the parent's own responses (answered at the parent office itself).
    public let ownDataOnly: Bool
    /// The unit's IKM for the year, pooled over its own and its descendants' respondents.
    public let result: IKMResult
    /// The Krejcie–Morgan check against the unit's recorded population; nil when none is recorded.
    public let sample: SampleCheck?
    /// The index (in questionnaire order) of the unsur with the lowest NRR; nil without respondents.
    public let weakestUnsur: Int?
    /// The position in the ranking by IKM (1 = highest); nil without respondents.
    public let rank: Int?
    /// Sample adequacy for the coverage list.
    public let coverage: RekapCoverage
    /// The unit's IKM in each earlier year asked for that has respondents, oldest first.
    public let trend: [(year: Int, result: IKMResult)]
}

/// A consolidated IKM of many units for one year.
public struct RekapReport: Sendable {
    /// The year consolidated.
    public let year: Int
    /// The unit whose sub-units are compared; nil for the top-level units.
    public let parent: UnitRecord?
    /// The method of `consolidated`.
    public let method: RekapMethod
    /// The questionnaire every figure was scored with.
    public let questionnaire: Questionnaire
    /// Every row by unit code (the parent's own responses, if any, last).
    public let units: [RekapUnit]
    /// The consolidated IKM by `method`.
    public let consolidated: IKMResult
    /// Both methods' results, so a reader can compare (`consolidated` is one of them).
    public let byMethod: [(method: RekapMethod, result: IKMResult)]

    /// The rows with respondents, highest IKM first (ties by code).
    public var ranking: [RekapUnit] {
        units.filter { $0.rank != nil }.sorted { ($0.rank ?? 0, $0.unit.code) < ($1.rank ?? 0, $1.unit.code) }
    }

    /// The rows without respondents or with too few for their population.
    public var coverageGaps: [RekapUnit] {
        units.filter { $0.coverage == .noData || $0.coverage == .tooFew }
    }
}

extension SKMService {
    /// Consolidates a year over the units under `request.parent` (or the top-level units). Each
    /// unit's figure is pooled over the unit and every unit under it, from the same aggregate
    /// reads and scorer as `skm ikm`; `skm ikm --year Y --unit P` equals the pooled rekap of P.
    public func rekap(_ request: RekapRequest) throws -> RekapReport {
        guard (0...20).contains(request.earlierYears) else {
            throw SKMError(.invalidFilter, "Jumlah tahun pembanding harus 0–20.", field: "earlierYears")
        }
        let store = try existingStore()
        let tree = try unitTree()
        let parent = try request.parent.map { try resolveUnit($0, field: "parent") }
        let filter = try resolve(
            SurveyFilter(year: request.year, units: parent.map { [$0.code] } ?? [], questionnaire: request.questionnaire))
        let questionnaire = try questionnaireForData(filter)
        var rows: [(unit: UnitRecord, members: [Int64], own: Bool)]
        if let parent {
            rows = tree.children(of: parent).map { ($0, tree.subtree(of: $0).map(\.id), false) }
            rows.append((parent, [parent.id], true))
        } else {
            rows = tree.roots.map { ($0, tree.subtree(of: $0).map(\.id), false) }
        }
        guard !rows.isEmpty else {
            throw SKMError(.unknownUnit, "Belum ada unit terdaftar; tambahkan dengan 'skm unit add KODE NAMA'.", field: "parent")
        }
        let score = { (tally: Tally) throws -> IKMResult in
            try tally.checkBounds(scale: questionnaire.scale)
            return IKMScorer.score(tally, questionnaire: questionnaire, weighting: .exact)
        }
        var tallies = try rowTallies(
            rows.map(\.members), year: request.year, filter: filter, questionnaire: questionnaire, store: store)
        // The parent's own row appears only when responses were answered at the parent itself
        // (or when it has no sub-units, so that the rekap still has a row).
        if let last = rows.last, last.own, rows.count > 1, tallies.last?.respondents == 0 {
            rows.removeLast()
            tallies.removeLast()
        }
        var pooledTally = Tally(unsurCount: questionnaire.unsur.count)
        var results: [IKMResult] = []
        for index in rows.indices {
            try pooledTally.add(tallies[index])
            results.append(try score(tallies[index]))
        }
        var trends: [[(year: Int, result: IKMResult)]] = Array(repeating: [], count: rows.count)
        if request.earlierYears > 0 {
            for year in (request.year - request.earlierYears)..<request.year where year >= 2000 {
                let earlier = try resolve(
                    SurveyFilter(year: year, units: parent.map { [$0.code] } ?? [], questionnaire: questionnaire.id))
                let yearTallies = try rowTallies(
                    rows.map(\.members), year: year, filter: earlier, questionnaire: questionnaire, store: store)
                for index in rows.indices where yearTallies[index].respondents > 0 {
                    trends[index].append((year, try score(yearTallies[index])))
                }
            }
        }
        let ranks = Self.ranks(results)
        let units = rows.indices.map { index -> RekapUnit in
            let row = rows[index]
            let result = results[index]
            let sample = row.unit.population.flatMap { population in
                SampleSize.minimum(population: population).map {
                    SampleCheck(population: population, minimum: $0, respondents: result.respondents)
                }
            }
            let coverage: RekapCoverage =
                result.respondents == 0
                ? .noData : sample.map { $0.sufficient ? .adequate : .tooFew } ?? .populationUnknown
            return RekapUnit(
                unit: row.unit, unitCount: row.members.count, ownDataOnly: row.own, result: result, sample: sample,
                weakestUnsur: Self.weakestUnsur(result), rank: ranks[index], coverage: coverage, trend: trends[index])
        }
        let pooled = try score(pooledTally)
        let mean = IKMScorer.meanOfGroups(results, questionnaire: questionnaire)
        return RekapReport(
            year: request.year, parent: parent, method: request.method, questionnaire: questionnaire, units: units,
            consolidated: request.method == .pooled ? pooled : mean, byMethod: [(.pooled, pooled), (.meanOfUnits, mean)])
    }

    /// One tally per row (each the sum of its member units' aggregates for the year), from one
    /// aggregate read grouped by unit.
    func rowTallies(
        _ rows: [[Int64]], year: Int, filter: ResolvedFilter, questionnaire: Questionnaire, store: Store
    ) throws -> [Tally] {
        var query = filter.query
        query.questionnaireID = questionnaire.id
        var byUnit: [Int64: Tally] = [:]
        for group in try store.tallies(query, groupBy: .unit) {
            if case .unit(let id) = group.key { byUnit[id] = group.tally }
        }
        return try rows.map { members in
            var tally = Tally(unsurCount: questionnaire.unsur.count)
            for id in members { if let part = byUnit[id] { try tally.add(part) } }
            return tally
        }
    }

    /// Ranks by IKM, highest first (1-based; equal IKMs to the full precision share a rank);
    /// nil for a result without an IKM.
    static func ranks(_ results: [IKMResult]) -> [Int?] {
        let scored = results.compactMap(\.ikm).sorted(by: >)
        return results.map { result in
            result.ikm.flatMap { ikm in scored.firstIndex(of: ikm).map { $0 + 1 } }
        }
    }

    /// The unsur with the lowest NRR (the first in questionnaire order on a tie); nil when no unsur has one.
    static func weakestUnsur(_ result: IKMResult) -> Int? {
        var weakest: (index: Int, nrr: Double)?
        for (index, unsur) in result.unsur.enumerated() {
            guard let nrr = unsur.nrr else { continue }
            if weakest.map({ nrr < $0.nrr }) ?? true { weakest = (index, nrr) }
        }
        return weakest?.index
    }
}
