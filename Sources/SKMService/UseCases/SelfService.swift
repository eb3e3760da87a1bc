public import SKMCore
import SKMReport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the self-service pages (`skm serve`) show for one unit and service: the registry records
/// and the questionnaire the form asks, in its paper question order.
public struct SurveyForm: Sendable {
    /// The unit offering the service.
    public let unit: UnitRecord
    /// The service the respondent answers about.
    public let service: ServiceRecord
    /// The questionnaire asked: the one named by the front end, else the default (as `skm entry`).
    public let questionnaire: Questionnaire
}

/// One service's line on the results screen: today's and the year's IKM, the same figures
/// `skm ikm --service UNIT/SERVICE` gives for those periods.
public struct ResultsBoardLine: Sendable {
    /// The service (its unit's code is `service.unitCode`).
    public let service: ServiceRecord
    /// Today's result (no respondents: `respondents` is 0 and `ikm` nil).
    public let today: IKMResult
    /// The result from 1 January to today.
    public let year: IKMResult
}

/// The results screen: one line per registered service, scored with one questionnaire.
public struct ResultsBoard: Sendable {
    /// The day the figures are for.
    public let date: CivilDate
    /// The questionnaire the figures were scored with.
    public let questionnaire: Questionnaire
    /// Every registered service, by unit and service code.
    public let lines: [ResultsBoardLine]
}

extension SKMService {
    /// The form for a unit and service (codes as typed): both must be registered
    /// (`unknown_unit`, `unknown_service`), and `questionnaire` (nil: the default) must be known.
    /// Needs an existing database; nothing is created.
    public func surveyForm(unit rawUnit: String, service rawService: String, questionnaire: String? = nil) throws -> SurveyForm {
        let unit = try resolveUnit(rawUnit)
        let service = try resolveService(rawService, in: unit)
        return SurveyForm(unit: unit, service: service, questionnaire: try catalog().questionnaire(questionnaire))
    }

    /// Every registered unit with its services, by code: what the self-service start page lists.
    public func serviceDirectory() throws -> [(unit: UnitRecord, services: [ServiceRecord])] {
        let services = try self.services()
        return try units().map { unit in (unit, services.filter { $0.unitID == unit.id }) }
    }

    /// The service directory for serving the survey: a database without units (`unknown_unit`)
    /// or without services (`unknown_service`) has no form to offer, and the error says which
    /// commands register them.
    public func servableDirectory() throws -> [(unit: UnitRecord, services: [ServiceRecord])] {
        let directory = try serviceDirectory()
        guard let first = directory.first else {
            throw SKMError(
                .unknownUnit,
                """
                Belum ada unit terdaftar, jadi survei daring belum punya layanan untuk dinilai. Daftarkan dulu unit dan layanannya, mis.:
                  skm unit add KEC-TT Kantor Camat Tomoni Timur
                  skm service add KEC-TT KTP-KK Pengantar KTP-el dan Kartu Keluarga
                lalu jalankan skm serve lagi.
                """, field: "unit")
        }
        guard directory.contains(where: { !$0.services.isEmpty }) else {
            let units = directory.map(\.unit.code).joined(separator: ", ")
            throw SKMError(
                .unknownService,
                """
                Unit \(units) belum punya layanan, jadi survei daring belum punya layanan untuk dinilai. Daftarkan dulu, mis.:
                  skm service add \(first.unit.code) KODE NAMA LAYANAN
                lalu jalankan skm serve lagi.
                """, field: "service")
        }
        return directory
    }

    /// Today's and this year's IKM of every registered service, computed by `computeIKM` with a
    /// service breakdown over the questionnaire `questionnaire` (nil: the default), so the figures
    /// are those of `skm ikm` for the same period and service.
    public func resultsBoard(questionnaire: String? = nil) throws -> ResultsBoard {
        let today = clock.today()
        let q = try catalog().questionnaire(questionnaire)
        func byService(from: CivilDate) throws -> [GroupKey: IKMResult] {
            let filter = SurveyFilter(from: from.iso, to: today.iso, questionnaire: q.id)
            let report = try computeIKM(IKMRequest(filter: filter, breakdowns: [.service]))
            let groups = report.breakdowns.first?.groups ?? []
            return Dictionary(groups.map { ($0.group, $0.result) }, uniquingKeysWith: { a, _ in a })
        }
        let dayResults = try byService(from: today)
        let yearStart = CivilDate(year: today.year, month: 1, day: 1) ?? today
        let yearResults = try byService(from: yearStart)
        let empty = IKMScorer.score(Tally(unsurCount: q.unsur.count), questionnaire: q, weighting: .exact)
        let lines = try services().map { service -> ResultsBoardLine in
            let key = GroupKey.service(unitCode: service.unitCode, code: service.code)
            return ResultsBoardLine(service: service, today: dayResults[key] ?? empty, year: yearResults[key] ?? empty)
        }
        return ResultsBoard(date: today, questionnaire: q, lines: lines)
    }
}

extension SKMService {
    /// Every problem of a draft that `submit` refused for its input, each with its field
    /// (`answers[3]`, `respondent.age`…), so a form can show each message beside its field.
    /// Falls back to `error` itself when the validator finds nothing more specific (registry errors).
    public func problems(of draft: ResponseDraft, refusedWith error: SKMError) -> [SKMError] {
        guard let q = try? catalog().questionnaire(draft.questionnaire) else { return [error] }
        let found = validator(for: q).problems(draft)
        return found.isEmpty ? [error] : found
    }

    /// The office's name from `skm-report.json` (beside the database or in the current folder);
    /// nil when there is no profile or it names no office. An invalid profile is an error.
    public func officeName() throws -> String? {
        try reportProfile(.automatic).office.name
    }
}

extension SKMService {
    /// The time slot of `q` the computer's local clock is in now (nil: outside every slot, or the
    /// form has none): what a form filled in today is stored with, at the front desk and online.
    public func timeSlotNow(of q: Questionnaire) -> TimeSlot? {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return q.timeSlot(matching: ClockTime.format(minutes: Int(parts.tm_hour) * 60 + Int(parts.tm_min)))
    }
}
