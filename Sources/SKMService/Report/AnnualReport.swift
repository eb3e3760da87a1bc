import SKMCore
import SKMJSON
public import SKMReport
import SKMStore

extension SKMService {
    /// Gathers everything the annual report shows for a year (and optionally one unit).
    ///
    /// The year's IKM, its services and quarters come from the same `computeIKM` call as
    /// `skm ikm --year Y --by service,quarter,semester`, so the report's numbers are that command's
    /// numbers. Respondent profiles are counted in one pass over the year's responses;
    /// the trend is the aggregates grouped by year. Returns the data and notes for the person
    /// who asked (missing profile fields, an empty year…).
    public func annualReportData(_ request: ReportRequest) throws -> (ReportData, notes: [String]) {
        let store = try existingStore()
        var profile = try reportProfile(request.profile)
        let population = request.population ?? profile.population
        let ikm = try computeIKM(
            IKMRequest(
                filter: SurveyFilter(
                    year: request.year, units: request.unit.map { [$0] } ?? [], questionnaire: request.questionnaire),
                breakdowns: [.service, .quarter, .semester], population: population))
        let q = ikm.questionnaire
        profile.rtl = try rtlEntries(
            of: profile, for: q, year: request.year, unit: ikm.filter.units.count == 1 ? ikm.filter.units.first : nil)
        var query = ikm.filter.query
        query.questionnaireID = q.id

        let allUnits = try store.units()
        let scope = ikm.filter.units.isEmpty ? allUnits : ikm.filter.units
        try checkProfileUnits(profile, scope: scope, databaseUnits: allUnits.count)
        let followUp = try reportFollowUp(year: request.year, scope: scope.map(\.code), questionnaire: q.id)
        var office = profile.office
        var notes: [String] = []
        if office.name == nil && scope.count == 1 { office.name = scope[0].name }
        if profile.origin == nil {
            notes.append(
                "Profil kantor (\(ReportProfile.fileName)) tidak ditemukan: laporan memuat isian bertanda [ … ] yang harus dilengkapi."
            )
        } else if case let missing = profile.missingFields.filter({ $0 != "rtl" || followUp.items.isEmpty }), !missing.isEmpty {
            notes.append(
                "Profil \(profile.origin ?? "") belum memuat: \(missing.joined(separator: ", ")); bagian itu ditandai [ … ] di laporan."
            )
        }
        if case .unusable(let reason) = office.logo { notes.append("Logo tidak dimuat: \(reason).") }
        let result = ikm.result
        if result.respondents == 0 {
            notes.append(
                "Belum ada responden tahun \(request.year)\(request.unit.map { " untuk unit \($0)" } ?? ""): laporan berisi kerangka dengan bagian bertanda."
            )
        } else if let reason = result.unavailable {
            notes.append(IKMWording.text(reason))
        }

        let services = try serviceSummaries(ikm, questionnaire: q)
        let quarterGroups = ikm.breakdowns.first { $0.breakdown == .quarter }?.groups ?? []
        let quarters = YearQuarter.all(of: request.year).map { quarter -> GroupResult in
            let found = quarterGroups.first { $0.group == .quarter(quarter) }
            return GroupResult(
                key: "Q\(quarter.quarter)", label: "Triwulan \(Roman.numeral(quarter.quarter))",
                result: found?.result ?? Self.empty(q))
        }
        let semesterGroups = ikm.breakdowns.first { $0.breakdown == .semester }?.groups ?? []
        let semesters = YearSemester.all(of: request.year).map { semester -> GroupResult in
            let found = semesterGroups.first { $0.group == .semester(semester) }
            return GroupResult(
                key: "S\(semester.semester)", label: "Semester \(Roman.numeral(semester.semester))",
                result: found?.result ?? Self.empty(q))
        }
        let profileCounts = try store.profileCounts(query)
        var demographics = profileTables(profileCounts, questionnaire: q)
        let serviceRows = services.map { (label: $0.label, count: $0.result.respondents) }
        demographics.insert(
            DemographicTable(id: "layanan", title: "Jenis layanan", rows: serviceRows), at: min(4, demographics.count))
        let (comments, commentCount) = try commentGroups(query)
        let (iku, ikuProblems) = ikuLines(year: request.year, scope: scope.map(\.code), databaseUnits: allUnits.map(\.code))
        notes += ikuProblems
        var data = ReportData(
            year: request.year, scopeDescription: ikm.filter.indonesianDescription, generatedOn: clock.today(), office: office,
            pelaksana: profile.pelaksana, rtl: profile.rtl, questionnaire: q, overall: result, services: services,
            quarters: quarters, years: try yearSummaries(ikm, year: request.year), demographics: demographics,
            sample: ikm.sample,
            surveySpan: profileCounts.first.flatMap { first in profileCounts.last.map { (first: first, last: $0) } }, iku: iku,
            ikuNote: nil,
            comments: comments, commentCount: commentCount, wording: IKMWording.forReport,
            units: scope.map { ReportUnit(code: $0.code, name: $0.name) }, semesters: semesters)
        data.followUp = followUp
        return (data, notes)
    }

    static func empty(_ q: Questionnaire) -> IKMResult {
        IKMScorer.score(Tally(unsurCount: q.unsur.count), questionnaire: q)
    }

    /// Every service in scope with its result; those without respondents get an empty one.
    func serviceSummaries(_ ikm: IKMReport, questionnaire q: Questionnaire) throws -> [GroupResult] {
        let groups = ikm.breakdowns.first { $0.breakdown == .service }?.groups ?? []
        let scope = try servicesInScope(ikm.filter)
        let severalUnits = Set(scope.map(\.unitID)).count > 1
        var summaries = scope.map { s -> GroupResult in
            let key = Self.serviceKey(s)
            let label = severalUnits ? "\(s.name) (\(s.unitCode))" : s.name
            return GroupResult(key, label: label, result: groups.first { $0.group == key }?.result ?? Self.empty(q))
        }
        for g in groups where !summaries.contains(where: { $0.group == g.group }) {
            summaries.append(g)
        }
        return summaries
    }

    /// The IKM of every year up to `year` in the store (same unit scope), any questionnaire.
    func yearSummaries(_ ikm: IKMReport, year: Int) throws -> [YearSummary] {
        let catalog = try catalog()
        let query = ResponseQuery(to: DateRange.year(year)?.to, unitIDs: ikm.filter.query.unitIDs)
        var years: [YearSummary] = []
        for group in try existingStore().tallies(query, groupBy: .year) {
            guard case .year(let y) = group.key, y < year, let q = try? catalog.questionnaire(group.questionnaireID) else {
                continue
            }
            try group.tally.checkBounds(scale: q.scale)
            years.append(
                YearSummary(year: y, result: IKMScorer.score(group.tally, questionnaire: q), questionnaireTitle: q.title))
        }
        years.append(YearSummary(year: year, result: ikm.result, questionnaireTitle: ikm.questionnaire.title))
        return years.sorted { ($0.year, $0.questionnaireID) < ($1.year, $1.questionnaireID) }
    }

    /// Respondents by gender, education, occupation, age group and time slot, labelled from the
    /// questionnaire; every listed choice appears (0 included), "Tidak diisi" when someone left it empty.
    func profileTables(_ counted: ProfileCounts, questionnaire q: Questionnaire) -> [DemographicTable] {
        func choices(_ attribute: ResponseAttribute, _ field: ProfileField?, id: String, title: String) -> DemographicTable {
            let counts = counted.counts(of: attribute)
            var rows = (field?.choices ?? []).map { choice in
                (label: choice.label, count: counts.first { $0.value == choice.code }?.count ?? 0)
            }
            for c in counts where c.value != nil && !(field?.choices.contains { $0.code == c.value } ?? false) {
                rows.append((label: c.value ?? "", count: c.count))
            }
            let blank = counts.filter { $0.value == nil }.reduce(0) { $0 + $1.count }
            if blank > 0 { rows.append((label: "Tidak diisi", count: blank)) }
            return DemographicTable(id: id, title: title, rows: rows)
        }
        var tables = [
            choices(.gender, q.profile.gender, id: "jenis-kelamin", title: q.profile.gender?.label ?? "Jenis kelamin"),
            choices(.education, q.profile.education, id: "pendidikan", title: q.profile.education?.label ?? "Pendidikan"),
            choices(.occupation, q.profile.occupation, id: "pekerjaan", title: q.profile.occupation?.label ?? "Pekerjaan"),
        ]
        var ages = AgeGroups.rows(counted.counts(of: .age))
        if q.profile.age == nil && ages.allSatisfy({ $0.label == "Tidak diisi" }) { ages = [] }
        tables.append(DemographicTable(id: "usia", title: "Kelompok usia", rows: ages))
        let slots = counted.counts(of: .timeSlot)
        var slotRows = q.timeSlots.map { slot in (label: slot.label, count: slots.first { $0.value == slot.code }?.count ?? 0) }
        for c in slots where c.value != nil && !q.timeSlots.contains(where: { $0.code == c.value }) {
            slotRows.append((label: c.value ?? "", count: c.count))
        }
        let blank = slots.filter { $0.value == nil }.reduce(0) { $0 + $1.count }
        if blank > 0 { slotRows.append((label: "Tidak diisi", count: blank)) }
        tables.append(DemographicTable(id: "waktu", title: "Waktu pengisian", rows: slotRows))
        return tables
    }

    /// Identical comments (ignoring case and spacing) counted once, most frequent first.
    func commentGroups(_ query: ResponseQuery) throws -> ([CommentGroup], Int) {
        struct Accumulator {
            var text: String
            var count: Int
            var services: [String]
            var first: CivilDate
            var last: CivilDate
        }
        var groups: [String: Int] = [:]
        var list: [Accumulator] = []
        var total = 0
        try existingStore().forEachComment(query) { c in
            total += 1
            let key = c.text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(
                separator: " ")
            if let index = groups[key] {
                list[index].count += 1
                if !list[index].services.contains(c.serviceName) { list[index].services.append(c.serviceName) }
                list[index].first = min(list[index].first, c.date)
                list[index].last = max(list[index].last, c.date)
            } else {
                groups[key] = list.count
                list.append(Accumulator(text: c.text, count: 1, services: [c.serviceName], first: c.date, last: c.date))
            }
        }
        let sorted = list.enumerated().sorted { a, b in
            a.element.count != b.element.count ? a.element.count > b.element.count : a.offset < b.offset
        }.map(\.element)
        return (
            sorted.map { CommentGroup(text: $0.text, count: $0.count, services: $0.services, first: $0.first, last: $0.last) },
            total
        )
    }

    /// The profile must describe the units the report covers: its `office.unit` equal to them, or,
    /// when it names none, the database must hold one unit only. Otherwise one office's name,
    /// head and RTL would appear above another unit's (or several units') respondents.
    func checkProfileUnits(_ profile: ReportProfile, scope: [UnitRecord], databaseUnits: Int) throws {
        guard profile.origin != nil else { return }
        let source =
            profile.origin.map { $0 == "params.profile" ? "Profil laporan (params.profile)" : "Berkas profil \($0)" } ?? "Profil"
        let field = profile.origin == "params.profile" ? "profile.office.unit" : "office.unit"
        let codes = scope.map(\.code)
        if profile.units.isEmpty {
            guard databaseUnits > 1 else { return }
            throw SKMError(
                .invalidFilter,
                "\(source) tidak menyebut unitnya, sedangkan basis data berisi \(databaseUnits) unit. Tulis \"unit\" di bagian office (mis. \"unit\": \"\(codes.first ?? "KODE")\"; untuk laporan gabungan, daftar semua unitnya) agar laporan tidak memakai nama kantor yang salah.",
                field: field)
        }
        guard Set(profile.units) == Set(codes) else {
            let wanted = profile.units.joined(separator: ", ")
            throw SKMError(
                .invalidFilter,
                "\(source) untuk unit \(wanted), sedangkan laporan ini mencakup unit \(codes.joined(separator: ", ")). Buat laporan dengan --unit \(profile.units.count == 1 ? wanted : "yang sesuai"), atau pakai --profile dengan profil unit yang dilaporkan.",
                field: field,
                details: [
                    "profileUnits": .array(profile.units.map { .string($0) }), "reportUnits": .array(codes.map { .string($0) }),
                ])
        }
    }

    /// The `skm`-sourced indicators of the loaded plans whose IKM is this report's IKM: the units
    /// they name (or, when they name none, the database's only unit) are exactly the report's
    /// units and they name no service. Returns the lines and notes for the person who asked
    /// (indicators left out and why); the report itself words their absence neutrally.
    func ikuLines(year: Int, scope: [String], databaseUnits: [String]) -> ([IKULine], [String]) {
        guard let plans = try? plans() else { return ([], []) }
        let wanted = Set(scope)
        var lines: [IKULine] = []
        var notes: [String] = []
        for plan in plans where plan.years.contains(year) {
            var matching: [String] = []
            for indicator in plan.indicators {
                guard case .skm(let units, let services, _) = indicator.realisasi else { continue }
                let named = units.isEmpty ? (databaseUnits.count == 1 ? databaseUnits : []) : units.map { $0.uppercased() }
                if named.isEmpty {
                    notes.append(
                        "IKU \(plan.id)/\(indicator.code) tidak disajikan: rencananya tidak menyebut unit, sedangkan basis data berisi \(databaseUnits.count) unit (tulis \"unit\" pada realisasinya)."
                    )
                } else if Set(named) == wanted && services.isEmpty {
                    matching.append(indicator.code)
                }
            }
            guard !matching.isEmpty else { continue }
            do {
                let evaluation = try evaluatePlan(id: plan.id, year: year)
                for line in evaluation.indicators where matching.contains(line.indicator.code) {
                    lines.append(IKULine(planID: plan.id, organisation: plan.organisation, evaluation: line))
                }
            } catch let error as SKMError {
                notes.append("Rencana \(plan.id): \(error.message)")
            } catch {
                notes.append("Rencana \(plan.id) tidak dapat dievaluasi.")
            }
        }
        return (lines, notes)
    }
}

/// Age groups of the report; ages come from the store as exact years.
enum AgeGroups {
    static let groups: [(label: String, range: ClosedRange<Int>)] = [
        ("Di bawah 20 tahun", 0...19), ("20–29 tahun", 20...29), ("30–39 tahun", 30...39), ("40–49 tahun", 40...49),
        ("50–59 tahun", 50...59), ("60 tahun ke atas", 60...Int.max),
    ]

    static func rows(_ counts: [ValueCount]) -> [(label: String, count: Int)] {
        var rows = groups.map { (label: $0.label, count: 0) }
        var blank = 0
        for c in counts {
            guard let text = c.value, let age = Int(text) else {
                blank += c.count
                continue
            }
            if let index = groups.firstIndex(where: { $0.range.contains(age) }) { rows[index].count += c.count }
        }
        if blank > 0 { rows.append((label: "Tidak diisi", count: blank)) }
        return rows
    }
}
