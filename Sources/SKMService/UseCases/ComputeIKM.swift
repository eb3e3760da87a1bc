import SKMCore
import SKMStore

/// How an IKM computation is broken down besides the overall figure.
public enum Breakdown: String, Sendable, CaseIterable {
    case unit, service, quarter, month, year

    /// Reads an English or Indonesian name (`service`/`layanan`, `quarter`/`triwulan`, …), ignoring case; nil otherwise.
    public init?(parsing text: String) {
        switch text.trimmingSpaces().lowercased() {
        case "unit": self = .unit
        case "service", "layanan": self = .service
        case "quarter", "triwulan": self = .quarter
        case "month", "bulan": self = .month
        case "year", "tahun": self = .year
        default: return nil
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
        let score = { (tally: Tally) in IKMScorer.score(tally, questionnaire: questionnaire, weighting: request.weighting) }

        let overallTally = try store.tallies(query, groupBy: .none).first?.tally ?? Tally(unsurCount: questionnaire.unsur.count)
        var serviceGroups: [GroupResult] = []
        var withoutRespondents: [ServiceRecord] = []
        let result: IKMResult
        switch request.aggregation {
        case .pooled:
            result = score(overallTally)
        case .meanOfServices:
            serviceGroups = try groups(.service, query: query, score: score)
            let inScope = try servicesInScope(filter)
            withoutRespondents = inScope.filter { s in !serviceGroups.contains { $0.key == Self.serviceKey(s) } }
            result = IKMScorer.meanOfGroups(serviceGroups.map(\.result), questionnaire: questionnaire)
        }
        var breakdowns: [(breakdown: Breakdown, groups: [GroupResult])] = []
        for breakdown in request.breakdowns {
            breakdowns.append((breakdown, try groups(breakdown, query: query, score: score)))
        }
        var sample: SampleCheck?
        if let population = request.population {
            guard let minimum = SampleSize.minimum(population: population) else {
                throw SKMError(.invalidPopulation, "Populasi harus bilangan bulat 1 atau lebih, diterima \(population).", field: "population")
            }
            sample = SampleCheck(population: population, minimum: minimum, respondents: result.respondents)
        }
        return IKMReport(
            questionnaire: questionnaire, filter: filter, result: result, services: serviceGroups,
            servicesWithoutRespondents: withoutRespondents, breakdowns: breakdowns, sample: sample)
    }

    /// The questionnaire of the filtered data: the one named, else the only one present, else
    /// the default. Data from several questionnaires cannot be combined into one IKM.
    func questionnaireForData(_ filter: ResolvedFilter) throws -> Questionnaire {
        let catalog = try catalog()
        if let id = filter.query.questionnaireID { return try catalog.questionnaire(id) }
        let present = try existingStore().questionnaireCounts(filter.query)
        if present.count > 1 {
            let list = present.map { "\($0.id) (\($0.respondents) responden)" }.joined(separator: ", ")
            throw SKMError(
                .mixedQuestionnaires,
                "Data ini memakai beberapa kuesioner: \(list). IKM dihitung per kuesioner; pilih satu dengan --questionnaire.",
                field: "filter.questionnaire",
                details: ["questionnaires": .array(present.map { .string($0.id) })])
        }
        return try catalog.questionnaire(present.first?.id)
    }

    func groups(_ breakdown: Breakdown, query: ResponseQuery, score: (Tally) -> IKMResult) throws -> [GroupResult] {
        let store = try existingStore()
        switch breakdown {
        case .unit:
            let names = Dictionary(try store.units().map { (String($0.id), $0) }, uniquingKeysWith: { a, _ in a })
            return try store.tallies(query, groupBy: .unit).map { g in
                let unit = names[g.key]
                return GroupResult(
                    key: unit?.code ?? g.key, label: unit.map { "\($0.code) — \($0.name)" } ?? g.key, result: score(g.tally))
            }.sorted { $0.key < $1.key }
        case .service:
            let services = Dictionary(try store.services().map { (String($0.id), $0) }, uniquingKeysWith: { a, _ in a })
            return try store.tallies(query, groupBy: .service).map { g in
                let s = services[g.key]
                return GroupResult(
                    key: s.map(Self.serviceKey) ?? g.key, label: s.map { "\($0.code) — \($0.name) (\($0.unitCode))" } ?? g.key,
                    result: score(g.tally))
            }.sorted { $0.key < $1.key }
        case .month:
            return try store.tallies(query, groupBy: .month).map { g in
                GroupResult(key: g.key, label: Self.monthLabel(g.key), result: score(g.tally))
            }
        case .year:
            return try store.tallies(query, groupBy: .year).map { g in
                GroupResult(key: g.key, label: g.key, result: score(g.tally))
            }
        case .quarter:
            var merged: [(key: String, tally: Tally)] = []
            for g in try store.tallies(query, groupBy: .month) {
                let parts = g.key.split(separator: "-")
                guard parts.count == 2, let month = Int(parts[1]) else { continue }
                let key = "\(parts[0])-Q\((month - 1) / 3 + 1)"
                if let index = merged.firstIndex(where: { $0.key == key }) {
                    merged[index].tally.merge(g.tally)
                } else {
                    merged.append((key, g.tally))
                }
            }
            return merged.map { GroupResult(key: $0.key, label: Self.quarterLabel($0.key), result: score($0.tally)) }
        }
    }

    func servicesInScope(_ filter: ResolvedFilter) throws -> [ServiceRecord] {
        if !filter.services.isEmpty { return filter.services }
        if !filter.units.isEmpty { return try filter.units.flatMap { try existingStore().services(unitID: $0.id) } }
        return try existingStore().services()
    }

    /// `UNIT/SERVICE`, the key of a service group.
    static func serviceKey(_ s: ServiceRecord) -> String { "\(s.unitCode)/\(s.code)" }

    static func monthLabel(_ key: String) -> String {
        let parts = key.split(separator: "-")
        guard parts.count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return key }
        return "\(CivilDate.monthNames[m - 1]) \(parts[0])"
    }

    static func quarterLabel(_ key: String) -> String {
        let parts = key.split(separator: "-")
        guard parts.count == 2, let q = Int(parts[1].dropFirst()) else { return key }
        return "Triwulan \(Roman.numeral(q)) \(parts[0])"
    }
}
