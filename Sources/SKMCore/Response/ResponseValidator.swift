import SKMJSON

/// Checks everything about a response that needs only the questionnaire and today's date.
///
/// Whether the unit and service exist is the service layer's check (it needs the store).
/// An instance remembers the values it has already accepted (dates, codes, profile choices), so
/// a million-row import checks each distinct value once; the rules are the same either way.
public final class ResponseValidator {
    /// Survey dates before this are taken as typing mistakes.
    public static let earliestDate = CivilDate(year: 2000, month: 1, day: 1) ?? CivilDate(dayNumber: 10957)
    static let memoryLimit = 4096

    /// The definition every draft is checked against.
    public let questionnaire: Questionnaire
    /// The day of entry: no survey date may be later, and a draft without a date gets it.
    public let today: CivilDate
    /// Also accept `DD/MM/YYYY` and `D/M/YYYY` (day first) dates, as Indonesian Excel writes
    /// them: set for imports of files; a submitted date stays `YYYY-MM-DD`.
    public var acceptsDayFirstDates = false
    // Used from one thread, never re-entrantly: the per-access exclusivity check (a tenth of a
    // million-row import) is switched off for this hot state.
    @exclusivity(unchecked) var dates: [String: CivilDate] = [:]
    @exclusivity(unchecked) var slots: [String: String] = [:]
    @exclusivity(unchecked) var codes: [String: String] = [:]
    /// Accepted raw profile values → choice code, one memory per `ProfileKey.fields` entry.
    @exclusivity(unchecked) var choices: [[String: String]] = Array(repeating: [:], count: ProfileKey.fields.count)

    /// A validator for many drafts of one questionnaire on one day (an import, a batch).
    public init(questionnaire: Questionnaire, today: CivilDate) {
        self.questionnaire = questionnaire
        self.today = today
    }

    /// One-off validation (no memory kept).
    public static func validate(
        _ draft: ResponseDraft, questionnaire q: Questionnaire, today: CivilDate
    ) throws(SKMError) -> ValidatedResponse {
        try ResponseValidator(questionnaire: q, today: today).validate(draft)
    }

    /// `compute(raw)`, remembered for `raw` once it succeeded.
    func remembered<T>(
        _ raw: String, in memory: inout [String: T], _ compute: (String) throws(SKMError) -> T
    ) throws(SKMError) -> T {
        if let known = memory[raw] { return known }
        let value = try compute(raw)
        if memory.count >= Self.memoryLimit { memory.removeAll(keepingCapacity: true) }
        memory[raw] = value
        return value
    }

    func remember(_ raw: String, _ value: String, in memory: inout [String: String]) {
        if memory.count >= Self.memoryLimit { memory.removeAll(keepingCapacity: true) }
        memory[raw] = value
    }

    /// Checks every field in a fixed order and throws the first problem, with its field name.
    public func validate(_ draft: ResponseDraft) throws(SKMError) -> ValidatedResponse {
        let q = questionnaire
        guard let unit = draft.unit else {
            throw SKMError(.missingField, "Unit layanan wajib diisi.", field: "unit")
        }
        guard let service = draft.service else {
            throw SKMError(.missingField, "Jenis layanan wajib diisi.", field: "service")
        }
        let unitCode = try remembered(unit, in: &codes) { raw throws(SKMError) in
            try TextRules.code(raw, field: "unit", what: "unit")
        }
        let serviceCode = try remembered(service, in: &codes) { raw throws(SKMError) in
            try TextRules.code(raw, field: "service", what: "layanan")
        }
        let date: CivilDate
        if let raw = draft.date {
            let dayFirst = acceptsDayFirstDates
            date = try remembered(raw, in: &dates) { raw throws(SKMError) in
                try Self.validateDate(raw, today: today, dayFirst: dayFirst)
            }
        } else {
            date = today
        }
        var slot: String?
        if let raw = draft.time {
            slot = try remembered(raw, in: &slots) { raw throws(SKMError) in try Self.validateTime(raw, questionnaire: q) ?? "" }
            if slot == "" { slot = nil }
        }
        guard let sheet = draft.answers else {
            throw SKMError(.missingField, "Jawaban wajib diisi.", field: "answers")
        }
        let answers = try AnswerValidator.validate(sheet, for: q)
        let respondent = try validateRespondent(draft)
        let comment = try TextRules.comment(draft.comment)
        let clientID = try TextRules.clientID(draft.clientID)
        let globalID = try TextRules.globalID(draft.globalID)
        return ValidatedResponse(
            content: ResponseContent(
                questionnaireID: q.id, unitCode: unitCode, serviceCode: serviceCode, date: date,
                timeSlot: slot, answers: answers, respondent: respondent, comment: comment),
            clientID: clientID, score: RespondentScore.of(answers: answers, weights: q.weights), globalID: globalID)
    }

    /// A survey date `YYYY-MM-DD` (with `dayFirst`, an import's dates: also `DD/MM/YYYY` as Indonesian Excel writes
    /// it and form tools' timestamps, see `DateText`) from `earliestDate` to `today`; blank or nil means today.
    /// Otherwise `invalid_date` (shape, impossible or too early) or `future_date`, naming `field`.
    public static func validateDate(
        _ raw: String?, today: CivilDate, field: String = "date", dayFirst: Bool = false
    ) throws(SKMError) -> CivilDate {
        guard let raw, !raw.trimmingSpaces().isEmpty else { return today }
        let text = raw.trimmingSpaces()
        var reading = CivilDate(iso: text).map(DateText.Reading.date) ?? .invalid
        if dayFirst, reading == .invalid { reading = DateText.read(text) }
        if reading == .ambiguous { throw ambiguousDate(text, field: field) }
        guard case .date(let date) = reading else {
            throw SKMError(
                .invalidDate,
                dayFirst
                    ? "Tanggal \"\(text.clipped(40))\" tidak sah: tulis HH/BB/TTTT atau TTTT-BB-HH dengan tanggal yang ada (boleh diikuti jam, seperti cap waktu Google Forms), mis. 14/03/2025, 2025-03-14 atau 2025/03/14 9:05:12 AM GMT+7."
                    : "Tanggal \"\(text.clipped(40))\" tidak sah: tulis TTTT-BB-HH dengan tanggal yang ada, mis. 2025-03-14.",
                field: field)
        }
        guard date <= today else {
            throw SKMError(
                .futureDate, "Tanggal \(date.iso) ada di masa depan (hari ini \(today.iso)).", field: field)
        }
        guard date >= earliestDate else {
            throw SKMError(
                .invalidDate, "Tanggal \(date.iso) terlalu lama; survei dicatat mulai tahun \(earliestDate.year).",
                field: field)
        }
        return date
    }

    /// The `invalid_date` of a timestamp whose day and month could swap (`DateText.Reading.ambiguous`),
    /// naming the forms to write instead.
    public static func ambiguousDate(_ text: String, field: String = "date") -> SKMError {
        SKMError(
            .invalidDate,
            "Tanggal \"\(text.clipped(40))\" ambigu: dengan jam 12 (AM/PM) urutan hari dan bulan bisa terbalik (3/4 bisa 3 April atau 4 Maret). Tulis TTTT-BB-HH (2025-03-14), TTTT/BB/HH (2025/03/14 9:05:12 AM) atau HH/BB/TTTT dengan jam 24 (14/03/2025 09:05:12).",
            field: field, details: ["reason": .string("ambiguous_day_month")])
    }

    /// Every problem of a draft, in field order, not just the first (an import reports them all);
    /// empty when `validate` would accept it. Only called for a draft `validate` refused.
    public func problems(_ draft: ResponseDraft) -> [SKMError] {
        let q = questionnaire
        var found: [SKMError] = []
        func check(_ body: () throws(SKMError) -> Void) {
            do { try body() } catch { found.append(error) }
        }
        check { () throws(SKMError) in
            guard let unit = draft.unit else { throw SKMError(.missingField, "Unit layanan wajib diisi.", field: "unit") }
            _ = try TextRules.code(unit, field: "unit", what: "unit")
        }
        check { () throws(SKMError) in
            guard let service = draft.service else {
                throw SKMError(.missingField, "Jenis layanan wajib diisi.", field: "service")
            }
            _ = try TextRules.code(service, field: "service", what: "layanan")
        }
        check { () throws(SKMError) in
            if let raw = draft.date { _ = try Self.validateDate(raw, today: today, dayFirst: acceptsDayFirstDates) }
        }
        check { () throws(SKMError) in _ = try Self.validateTime(draft.time, questionnaire: q) }
        if let sheet = draft.answers {
            found += AnswerValidator.problems(sheet, for: q)
        } else {
            found.append(SKMError(.missingField, "Jawaban wajib diisi.", field: "answers"))
        }
        // Each profile field on its own, with the same rule as `validate`.
        for profile in ProfileKey.fields {
            var single = ResponseDraft()
            profile.setDraftValue(&single, profile.draftValue(draft))
            check { () throws(SKMError) in _ = try validateRespondent(single) }
        }
        check { () throws(SKMError) in _ = try validateRespondent(ResponseDraft(age: draft.age)) }
        check { () throws(SKMError) in _ = try TextRules.comment(draft.comment) }
        check { () throws(SKMError) in _ = try TextRules.clientID(draft.clientID) }
        check { () throws(SKMError) in _ = try TextRules.globalID(draft.globalID) }
        return found
    }

    static func validateTime(_ raw: String?, questionnaire q: Questionnaire) throws(SKMError) -> String? {
        guard let raw, !raw.trimmingSpaces().isEmpty else { return nil }
        if let slot = q.timeSlot(matching: raw) { return slot.code }
        let choices = q.timeSlots.map { "\($0.code) (\($0.label))" }.joined(separator: " atau ")
        throw SKMError(
            .invalidTime,
            "Jam survei \"\(raw.clipped(40))\" tidak dikenal; pilih \(choices), atau tulis jam seperti 09:30 di dalam jam layanan.",
            field: "time", details: ["allowed": .array(q.timeSlots.map { .string($0.code) })])
    }

    func validateRespondent(_ draft: ResponseDraft) throws(SKMError) -> Respondent {
        let q = questionnaire
        var respondent = Respondent()
        for (i, profile) in ProfileKey.fields.enumerated() {
            guard let raw = profile.draftValue(draft), !raw.isEmpty else { continue }
            if let known = choices[i][raw] {
                profile.setRespondentValue(&respondent, known)
                continue
            }
            guard !raw.trimmingSpaces().isEmpty else { continue }
            let field = "respondent.\(profile.name)"
            guard let spec = profile.spec(q.profile) else {
                throw SKMError(.unknownField, "Kuesioner \(q.id) tidak menanyakan \(profile.indonesianName).", field: field)
            }
            if spec.choice(matching: raw) == nil, let mapped = profile.choice(forCommonWord: raw, in: spec) {
                // A common word (`Petani`): counted under the form's category, the word kept.
                profile.setRespondentValue(&respondent, mapped.code)
                profile.setWordAsWritten?(&respondent, raw.trimmingSpaces())
                continue
            }
            guard let choice = spec.choice(matching: raw) else {
                let list = spec.choices.map { "\($0.code) (\($0.label))" }.joined(separator: ", ")
                throw SKMError(
                    .invalidProfileValue,
                    "\(spec.label) \"\(raw.clipped(40))\" tidak dikenal; pilih salah satu: \(list).", field: field,
                    details: ["allowed": .array(spec.choices.map { .string($0.code) })])
            }
            profile.setRespondentValue(&respondent, choice.code)
            remember(raw, choice.code, in: &choices[i])
        }
        switch draft.age {
        case .blank:
            break
        case .value(let age):
            guard let spec = q.profile.age else {
                throw SKMError(.unknownField, "Kuesioner \(q.id) tidak menanyakan usia.", field: "respondent.age")
            }
            guard (spec.min...spec.max).contains(age) else {
                throw SKMError(
                    .invalidProfileValue, "\(spec.label) harus \(spec.min)–\(spec.max) tahun, diterima \(age).",
                    field: "respondent.age")
            }
            respondent.age = age
        case .invalid(let text):
            throw SKMError(
                .invalidProfileValue, "Usia harus bilangan bulat (tahun), diterima \"\(text.clipped(40))\".",
                field: "respondent.age")
        }
        return respondent
    }
}
