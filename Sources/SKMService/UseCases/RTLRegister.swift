public import SKMCore
import SKMStore

/// What `skm rtl add` and `rtl.add` ask for; values as the person wrote them.
public struct RTLAddRequest: Sendable {
    /// The survey year the item follows up.
    public var year: Int
    /// The unsur code (`U3`).
    public var unsur: String
    /// The program or activity.
    public var program: String
    /// Who is responsible.
    public var penanggungJawab: String
    /// The date it should be done by.
    public var target: String
    /// The date it was set; nil: today.
    public var plannedOn: String?
    /// The unit; nil for the whole office (or the only unit, when a service is named).
    public var unit: String?
    /// The service within the unit; nil when the item is not for one service.
    public var service: String?
    /// The questionnaire, needed only when the year's data was answered on several.
    public var questionnaire: String?

    /// A request with the required values; the optional ones can be set afterwards.
    public init(
        year: Int, unsur: String, program: String, penanggungJawab: String, target: String, plannedOn: String? = nil,
        unit: String? = nil, service: String? = nil, questionnaire: String? = nil
    ) {
        self.year = year
        self.unsur = unsur
        self.program = program
        self.penanggungJawab = penanggungJawab
        self.target = target
        self.plannedOn = plannedOn
        self.unit = unit
        self.service = service
        self.questionnaire = questionnaire
    }
}

/// What `skm rtl correct` and `rtl.correct` change; nil leaves a value as it is.
public struct RTLCorrection: Sendable {
    /// A new program text.
    public var program: String?
    /// A new penanggung jawab.
    public var penanggungJawab: String?
    /// A new target date.
    public var target: String?
    /// A new completion date (the item becomes done).
    public var doneOn: String?
    /// A new proof of completion.
    public var evidence: String?
    /// Withdraws the item (it then counts in no share).
    public var cancel: Bool
    /// Why; required.
    public var reason: String

    /// A correction with its reason; set the values to change.
    public init(
        reason: String, program: String? = nil, penanggungJawab: String? = nil, target: String? = nil, doneOn: String? = nil,
        evidence: String? = nil, cancel: Bool = false
    ) {
        self.reason = reason
        self.program = program
        self.penanggungJawab = penanggungJawab
        self.target = target
        self.doneOn = doneOn
        self.evidence = evidence
        self.cancel = cancel
    }
}

extension SKMService {
    static let rtlProgramLimit = 1000
    static let rtlTextLimit = 300

    /// Adds an RTL item. The unsur must exist in the questionnaire the year was measured with
    /// (the only one with data that year, else the default), the item set in or after its year
    /// and not in the future, the target on or after the day it was set.
    public func addRTL(_ r: RTLAddRequest) throws -> RTLItem {
        let today = clock.today()
        let year = try FollowUpValues.year(r.year, today: today)
        let program = try FollowUpValues.text(
            r.program, field: "program", what: "Program/kegiatan", limit: Self.rtlProgramLimit, multiline: true)
        let pj = try FollowUpValues.text(r.penanggungJawab, field: "pj", what: "Penanggung jawab", limit: Self.rtlTextLimit)
        let plannedOn = try r.plannedOn.map { try FollowUpValues.date($0, field: "date", what: "Tanggal penetapan") } ?? today
        try checkPlannedOn(plannedOn, year: year, today: today)
        let target = try FollowUpValues.date(r.target, field: "target", what: "Tanggal target")
        try checkTarget(target, plannedOn: plannedOn)
        let (unit, service) = try rtlScope(unit: r.unit, service: r.service)
        let q = try questionnaire(ofYear: year, unit: unit, named: r.questionnaire)
        let unsur = try rtlUnsur(r.unsur, questionnaire: q, field: "unsur")
        let item = RTLItem(
            number: 0, version: 1, year: year, unsur: unsur, questionnaire: q.id, program: program, penanggungJawab: pj,
            target: target, plannedOn: plannedOn, unitCode: unit?.code, serviceCode: service?.code, action: "add",
            recordedAt: clock.timestamp())
        guard let stored = try existingStore().addRTLItem(item) else {
            throw SKMError(.internal, "RTL tidak tersimpan.")
        }
        return stored
    }

    /// Records that item `number` was done on `date` with its proof. The date must not be in
    /// the future nor before the item was set; an item done already is `rtl_already_done`.
    public func completeRTL(number: Int, date: String, evidence: String) throws -> RTLItem {
        let doneOn = try FollowUpValues.date(date, field: "date", what: "Tanggal selesai")
        let proof = try FollowUpValues.text(
            evidence, field: "evidence", what: "Bukti tindak lanjut", limit: Self.rtlProgramLimit, multiline: true)
        let today = clock.today()
        let at = clock.timestamp()
        return try changeRTL(number) { current in
            if let done = current.doneOn {
                throw SKMError(
                    .rtlAlreadyDone,
                    "RTL \(number) sudah selesai pada \(done.iso). Tanggal atau bukti yang salah diperbaiki dengan 'skm rtl correct \(number) --date … --reason …'.",
                    field: "number")
            }
            try self.checkDone(doneOn, of: current, today: today)
            var next = current
            next.doneOn = doneOn
            next.evidence = proof
            next.reason = nil
            next.action = "done"
            next.recordedAt = at
            return next
        }
    }

    /// Corrects item `number` as a new version (the earlier ones stay in its history), or
    /// cancels it. A cancelled item cannot be changed again.
    public func correctRTL(number: Int, _ c: RTLCorrection) throws -> RTLItem {
        let reason = try TextRules.reason(c.reason)
        let program = try FollowUpValues.optionalText(
            c.program, field: "program", what: "Program/kegiatan", limit: Self.rtlProgramLimit, multiline: true)
        let pj = try FollowUpValues.optionalText(
            c.penanggungJawab, field: "pj", what: "Penanggung jawab", limit: Self.rtlTextLimit)
        let target = try c.target.map { try FollowUpValues.date($0, field: "target", what: "Tanggal target") }
        let doneOn = try c.doneOn.map { try FollowUpValues.date($0, field: "date", what: "Tanggal selesai") }
        let evidence = try FollowUpValues.optionalText(
            c.evidence, field: "evidence", what: "Bukti tindak lanjut", limit: Self.rtlProgramLimit, multiline: true)
        guard program != nil || pj != nil || target != nil || doneOn != nil || evidence != nil || c.cancel else {
            throw SKMError(
                .missingField,
                "Tidak ada yang dikoreksi: isi --program, --pj, --target, --date, --evidence atau --cancel.", field: "program")
        }
        let today = clock.today()
        let at = clock.timestamp()
        return try changeRTL(number) { current in
            var next = current
            if let program { next.program = program }
            if let pj { next.penanggungJawab = pj }
            if let target {
                try self.checkTarget(target, plannedOn: current.plannedOn)
                next.target = target
            }
            if let doneOn {
                try self.checkDone(doneOn, of: current, today: today)
                next.doneOn = doneOn
            }
            if let evidence { next.evidence = evidence }
            if let doneOn = next.doneOn, next.evidence == nil {
                // Only an item not done yet lacks evidence: `done` always stores it.
                throw SKMError(
                    .missingField,
                    "RTL \(number) belum selesai, jadi belum ada tanggal selesai yang dapat dikoreksi. Catat penyelesaiannya beserta bukti: 'skm rtl done \(number) --date \(doneOn.iso) --evidence …'.",
                    field: "evidence")
            }
            if next.doneOn == nil && evidence != nil {
                throw SKMError(
                    .missingField, "RTL \(number) belum selesai: isi --date (tanggal selesai) bersama buktinya.", field: "date")
            }
            next.cancelled = c.cancel
            next.reason = reason
            next.action = c.cancel ? "cancel" : "correct"
            next.recordedAt = at
            return next
        }
    }

    func changeRTL(_ number: Int, _ change: (RTLItem) throws -> RTLItem) throws -> RTLItem {
        let updated = try existingStore().changeRTLItem(number: number) { current in
            if current.cancelled {
                throw SKMError(
                    .rtlCancelled, "RTL \(number) sudah dibatalkan (\(current.reason ?? "tanpa alasan")); tambahkan RTL baru.",
                    field: "number")
            }
            return try change(current)
        }
        guard let updated else {
            throw SKMError(.rtlNotFound, "RTL nomor \(number) tidak ada. Lihat daftarnya dengan 'skm rtl list'.", field: "number")
        }
        return updated
    }

    /// The current state of every RTL item (of one year), by number; cancelled ones included.
    public func rtlItems(year: Int? = nil) throws -> [RTLItem] {
        FollowUpSummary.current(try existingStore().rtlVersions()).filter { year == nil || $0.year == year }
    }

    /// Every version of item `number`, oldest first.
    public func rtlHistory(number: Int) throws -> [RTLItem] {
        let versions = try existingStore().rtlVersions(number: number)
        guard !versions.isEmpty else {
            throw SKMError(.rtlNotFound, "RTL nomor \(number) tidak ada. Lihat daftarnya dengan 'skm rtl list'.", field: "number")
        }
        return versions
    }

    /// Shares done (by the target date and overall), speed and media count per year (one year
    /// or every year with items or publications) and per service.
    public func rtlSummary(year: Int? = nil) throws -> [RTLYearSummary] {
        let store = try existingStore()
        let items = FollowUpSummary.current(try store.rtlVersions())
        let publications = FollowUpSummary.current(try store.publicationVersions())
        let ends = try surveyPeriodEnds(Set(items.map(\.year)).union(publications.map(\.year)))
        return FollowUpSummary.years(items: items, publications: publications) { ends[$0] ?? Self.yearEnd($0) }
            .filter { year == nil || $0.year == year }
    }

    /// The last survey day of each year (the last day with a response), else 31 December.
    func surveyPeriodEnds(_ years: Set<Int>) throws -> [Int: CivilDate] {
        var ends: [Int: CivilDate] = [:]
        for year in years {
            guard let range = DateRange.year(year) else { continue }
            ends[year] = try existingStore().lastResponseDay(from: range.from, to: range.to) ?? range.to
        }
        return ends
    }

    static func yearEnd(_ year: Int) -> CivilDate {
        CivilDate(year: year, month: 12, day: 31) ?? CivilDate(dayNumber: 0)
    }

    func checkPlannedOn(_ plannedOn: CivilDate, year: Int, today: CivilDate) throws {
        if plannedOn > today {
            throw SKMError(.futureDate, "Tanggal penetapan \(plannedOn.iso) belum tiba (hari ini \(today.iso)).", field: "date")
        }
        if plannedOn.year < year {
            throw SKMError(
                .dateOrder, "Tanggal penetapan \(plannedOn.iso) sebelum tahun survei \(year): RTL disusun dari hasil survei.",
                field: "date")
        }
    }

    func checkTarget(_ target: CivilDate, plannedOn: CivilDate) throws {
        if target < plannedOn {
            throw SKMError(
                .dateOrder, "Tanggal target \(target.iso) sebelum RTL ditetapkan (\(plannedOn.iso)).", field: "target")
        }
    }

    func checkDone(_ doneOn: CivilDate, of item: RTLItem, today: CivilDate) throws {
        if doneOn > today {
            throw SKMError(.futureDate, "Tanggal selesai \(doneOn.iso) belum tiba (hari ini \(today.iso)).", field: "date")
        }
        if doneOn < item.plannedOn {
            throw SKMError(
                .dateOrder,
                "Tanggal selesai \(doneOn.iso) sebelum RTL \(item.number) ditetapkan (\(item.plannedOn.iso)).", field: "date")
        }
    }

    /// The unit and service an item is for. A service without a unit is looked for in the only unit.
    func rtlScope(unit rawUnit: String?, service rawService: String?) throws -> (UnitRecord?, ServiceRecord?) {
        let unitText = rawUnit.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
        let serviceText = rawService.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
        var unit = try unitText.map { try resolveUnit($0, field: "unit") }
        guard let serviceText else { return (unit, nil) }
        if unit == nil {
            let units = try existingStore().units()
            guard units.count == 1 else {
                throw SKMError(
                    .missingField,
                    "Sebutkan unit layanan \(serviceText.clipped(32)) dengan --unit (basis data berisi \(units.count) unit).",
                    field: "unit")
            }
            unit = units[0]
        }
        guard let unit else { return (nil, nil) }
        return (unit, try resolveService(serviceText, in: unit, field: "service"))
    }

    /// The questionnaire a year was measured with (in a unit): the one named, else the only one
    /// with data, else the default.
    func questionnaire(ofYear year: Int, unit: UnitRecord?, named: String?) throws -> Questionnaire {
        let filter = try resolve(
            SurveyFilter(year: year, units: unit.map { [$0.code] } ?? [], services: [], questionnaire: named))
        return try questionnaireForData(filter)
    }

    func rtlUnsur(_ raw: String, questionnaire q: Questionnaire, field: String) throws -> String {
        let code = raw.trimmingSpaces().uppercased()
        guard !code.isEmpty else { throw SKMError(.missingField, "Kode unsur wajib diisi (mis. U3).", field: field) }
        guard let index = q.unsurIndex(of: code) else {
            throw SKMError(
                .unknownUnsur,
                "Unsur \"\(raw.clipped(20))\" tidak ada di kuesioner \(q.id) (\(q.unsur.map(\.code).joined(separator: ", "))).",
                field: field)
        }
        return q.unsur[index].code
    }
}
