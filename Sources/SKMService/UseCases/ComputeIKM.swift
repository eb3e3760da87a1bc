public import SKMCore
import SKMJSON
import SKMStore

/// How an IKM computation is broken down besides the overall figure.
public enum Breakdown: String, Sendable, CaseIterable {
    case unit, service, quarter, semester, month, year

    /// Reads an English or Indonesian name (`service`/`layanan`, `quarter`/`triwulan`, …), ignoring case; nil otherwise.
    public init?(parsing text: String) {
        switch text.trimmingSpaces().lowercased() {
        case "unit": self = .unit
        case "service", "layanan": self = .service
        case "quarter", "triwulan": self = .quarter
        case "semester": self = .semester
        case "month", "bulan": self = .month
        case "year", "tahun": self = .year
        default: return nil
        }
    }

    /// The Indonesian word a user reads (`layanan`, `triwulan`…), as `init(parsing:)` accepts it.
    public var indonesianName: String {
        switch self {
        case .unit: return "unit"
        case .service: return "layanan"
        case .quarter: return "triwulan"
        case .semester: return "semester"
        case .month: return "bulan"
        case .year: return "tahun"
        }
    }
}

/// What to compute.
public struct IKMRequest: Sendable {
    /// Which responses are scored.
    public var filter: SurveyFilter
    /// Exact unsur weights, or the rounded ones some offices use (0,111 or 0,11).
    public var weighting: Weighting
    /// Pooled over all respondents (the regulation's method), or the mean of the services' IKMs.
    public var aggregation: Aggregation
    /// Tables to compute besides the overall result, in the order asked.
    public var breakdowns: [Breakdown]
    /// The population served in the period, for the Krejcie–Morgan sample check.
    public var population: Int?

    /// A request with the regulation's defaults: all data, exact weights, pooled, no breakdowns, no sample check.
    public init(
        filter: SurveyFilter = SurveyFilter(), weighting: Weighting = .exact, aggregation: Aggregation = .pooled,
        breakdowns: [Breakdown] = [], population: Int? = nil
    ) {
        self.filter = filter
        self.weighting = weighting
        self.aggregation = aggregation
        self.breakdowns = breakdowns
        self.population = population
    }
}

/// Everything `skm ikm` shows: the overall result, its breakdowns and the sample check.
public struct IKMReport: Sendable {
    /// The questionnaire the data was scored with (named in the filter, else the only one present, else the default).
    public let questionnaire: Questionnaire
    /// The filter as resolved against the calendar and registry, for headings and JSON.
    public let filter: ResolvedFilter
    /// The overall result for the whole selection.
    public let result: IKMResult
    /// For `mean-of-services`: each service's own result, and the services left out for having no respondents.
    public let services: [GroupResult]
    /// Services in scope that have no respondents, which `mean-of-services` leaves out; empty when pooled.
    public let servicesWithoutRespondents: [ServiceRecord]
    /// One table per requested breakdown, in request order, each group sorted by its key.
    public let breakdowns: [(breakdown: Breakdown, groups: [GroupResult])]
    /// The Krejcie–Morgan check; nil when the request gives no population.
    public let sample: SampleCheck?
}

extension SKMService {
    /// Scores the selection. Needs an existing database (`file_error` otherwise, nothing created);
    /// data answered on several questionnaires is refused (`mixed_questionnaires`) unless the filter names one.
    public func computeIKM(_ request: IKMRequest) throws -> IKMReport {
        let store = try existingStore()
        let filter = try resolve(request.filter)
        let questionnaire = try questionnaireForData(filter)
        var query = filter.query
        query.questionnaireID = questionnaire.id
        // Every tally is checked before it is scored: stored sums that no responses could give
        // become `aggregate_corrupt`, never a wrong figure or an arithmetic trap.
        let score = { (tally: Tally) throws in
            try tally.checkBounds(scale: questionnaire.scale)
            return IKMScorer.score(tally, questionnaire: questionnaire, weighting: request.weighting)
        }

        let overallTally = try store.tallies(query, groupBy: .none).first?.tally ?? Tally(unsurCount: questionnaire.unsur.count)
        let overall = try score(overallTally)
        var serviceGroups: [GroupResult] = []
        var withoutRespondents: [ServiceRecord] = []
        let result: IKMResult
        switch request.aggregation {
        case .pooled:
            result = overall
        case .meanOfServices:
            serviceGroups = try groups(.service, query: query, score: score)
            let inScope = try servicesInScope(filter)
            withoutRespondents = inScope.filter { s in !serviceGroups.contains { $0.group == Self.serviceKey(s) } }
            result = IKMScorer.meanOfGroups(serviceGroups.map(\.result), questionnaire: questionnaire)
        }
        var breakdowns: [(breakdown: Breakdown, groups: [GroupResult])] = []
        for breakdown in request.breakdowns {
            breakdowns.append((breakdown, try groups(breakdown, query: query, score: score)))
        }
        var sample: SampleCheck?
        if let population = request.population {
            guard let minimum = SampleSize.minimum(population: population) else {
                throw SKMError(
                    .invalidPopulation, "Populasi harus bilangan bulat 1 atau lebih, diterima \(population).", field: "population"
                )
            }
            sample = SampleCheck(population: population, minimum: minimum, respondents: result.respondents)
        }
        return IKMReport(
            questionnaire: questionnaire, filter: filter, result: result, services: serviceGroups,
            servicesWithoutRespondents: withoutRespondents, breakdowns: breakdowns, sample: sample)
    }

    /// The questionnaire of the filtered data: the one named, else the only one present, else
    /// the default. Data from several questionnaires cannot be combined into one IKM — but the
    /// Zona Integritas perception surveys (IPKP, IPAK: bands carrying LKE values, reported by
    /// `skm zi`) answered in the same visits do not make an office's SKM data "mixed": when exactly
    /// one questionnaire present is not such a survey, it is the one meant.
    func questionnaireForData(_ filter: ResolvedFilter) throws -> Questionnaire {
        let catalog = try catalog()
        if let id = filter.query.questionnaireID { return try catalog.questionnaire(id) }
        let present = try existingStore().questionnaireCounts(filter.query)
        if present.count > 1 {
            let notPerception = try present.filter { try !catalog.questionnaire($0.id).isIntegrityPerceptionSurvey }
            if notPerception.count == 1 { return try catalog.questionnaire(notPerception[0].id) }
            let list = present.map { "\($0.id) (\($0.respondents) responden)" }.joined(separator: ", ")
            throw SKMError(
                .mixedQuestionnaires,
                "Data ini memakai beberapa kuesioner: \(list). IKM dihitung per kuesioner; pilih satu dengan --questionnaire.",
                field: "filter.questionnaire",
                details: ["questionnaires": .array(present.map { .string($0.id) })])
        }
        return try catalog.questionnaire(present.first?.id)
    }

    /// The groups of one breakdown, each scored (and checked) by `score`.
    func groups(_ breakdown: Breakdown, query: ResponseQuery, score: (Tally) throws -> IKMResult) throws -> [GroupResult] {
        let store = try existingStore()
        let grouping: TallyGrouping
        switch breakdown {
        case .unit: grouping = .unit
        case .service: grouping = .service
        case .quarter, .semester: grouping = .month
        case .month: grouping = .month
        case .year: grouping = .year
        }
        let tallies = try store.tallies(query, groupBy: grouping)
        switch breakdown {
        case .unit:
            let units = Dictionary(try store.units().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            return try tallies.compactMap { g -> GroupResult? in
                guard case .unit(let id) = g.key else { return nil }
                guard let unit = units[id] else {
                    return GroupResult(key: String(id), label: String(id), result: try score(g.tally))
                }
                return GroupResult(.unit(code: unit.code), label: "\(unit.code) — \(unit.name)", result: try score(g.tally))
            }.sorted { $0.key < $1.key }
        case .service:
            let services = Dictionary(try store.services().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            return try tallies.compactMap { g -> GroupResult? in
                guard case .service(let id) = g.key else { return nil }
                guard let s = services[id] else {
                    return GroupResult(key: String(id), label: String(id), result: try score(g.tally))
                }
                return GroupResult(Self.serviceKey(s), label: "\(s.code) — \(s.name) (\(s.unitCode))", result: try score(g.tally))
            }.sorted { $0.key < $1.key }
        case .month:
            return try tallies.compactMap { g in
                guard case .month(let month) = g.key else { return nil }
                return GroupResult(.month(month), label: month.label, result: try score(g.tally))
            }
        case .quarter:
            // Months merged in order, as always: summing the rows per quarter directly would add the
            // respondents' scores in another order and change the interval in its last digits.
            var quarters: [(quarter: YearQuarter, tally: Tally)] = []
            for g in tallies {
                guard case .month(let month) = g.key else { continue }
                if let last = quarters.indices.last, quarters[last].quarter == month.quarter {
                    try quarters[last].tally.add(g.tally)
                } else {
                    quarters.append((month.quarter, g.tally))
                }
            }
            return try quarters.map { q in
                GroupResult(
                    .quarter(q.quarter), label: "Triwulan \(Roman.numeral(q.quarter.quarter)) \(q.quarter.year)",
                    result: try score(q.tally))
            }
        case .semester:
            // Months merged in order, as for quarters.
            var semesters: [(semester: YearSemester, tally: Tally)] = []
            for g in tallies {
                guard case .month(let month) = g.key else { continue }
                if let last = semesters.indices.last, semesters[last].semester == month.semester {
                    try semesters[last].tally.add(g.tally)
                } else {
                    semesters.append((month.semester, g.tally))
                }
            }
            return try semesters.map { s in
                GroupResult(.semester(s.semester), label: s.semester.label, result: try score(s.tally))
            }
        case .year:
            return try tallies.compactMap { g in
                guard case .year(let year) = g.key else { return nil }
                return GroupResult(.year(year), label: String(year), result: try score(g.tally))
            }
        }
    }

    func servicesInScope(_ filter: ResolvedFilter) throws -> [ServiceRecord] {
        if !filter.services.isEmpty { return filter.services }
        if !filter.coveredUnits.isEmpty { return try filter.coveredUnits.flatMap { try existingStore().services(unitID: $0.id) } }
        return try existingStore().services()
    }

    /// The key of a service group (`UNIT/SERVICE` on the wire).
    static func serviceKey(_ s: ServiceRecord) -> GroupKey { .service(unitCode: s.unitCode, code: s.code) }
}
