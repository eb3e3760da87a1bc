public import SKMCore
public import SKMJSON
import SKMStore

extension SKMService {
    /// Checks a plan; with `fileName`, the plan's id must be the file name without `.json`.
    public func checkPlan(text: String, fileName: String? = nil) -> PlanDecoder.Outcome {
        let outcome = PlanDecoder.decode(text: text)
        guard let plan = outcome.plan, let fileName else { return outcome }
        let expected = Self.planID(fromFileName: fileName)
        guard plan.id != expected else { return outcome }
        return PlanDecoder.Outcome(
            plan: nil,
            problems: outcome.problems + [
                DefinitionProblem(
                    .error, "id", "id rencana \"\(plan.id)\" harus sama dengan nama berkas tanpa .json (\"\(expected)\")")
            ])
    }

    /// `Examples/iku/tomoni-timur-2021-2026.json` → `tomoni-timur-2021-2026`.
    public static func planID(fromFileName path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".json") ? String(name.dropLast(5)) : name
    }

    /// Loads (or replaces) a plan from a file; returns the plan and whether it changed.
    public func loadPlan(path: String) throws -> (PerformancePlan, Bool) {
        try store(plan: checkPlan(text: try TextFile.read(path), fileName: path))
    }

    /// Loads (or replaces) the plans of several files: every file is read and checked first, so
    /// one bad file (named in the error) stores none of them; then each plan is stored in order.
    /// Returns each plan and whether it changed.
    public func loadPlans(paths: [String]) throws -> [(PerformancePlan, Bool)] {
        var outcomes: [PlanDecoder.Outcome] = []
        for path in paths {
            let outcome = checkPlan(text: try TextFile.read(path), fileName: path)
            guard outcome.plan != nil else {
                throw SKMError(
                    .invalidPlan,
                    "Berkas \(path.clipped(80)): rencana IKU tidak sah; tidak ada rencana yang dimuat:\n"
                        + outcome.errors.map { "- \($0)" }.joined(separator: "\n"),
                    field: "plan", details: .array(outcome.problems.map(\.json)))
            }
            outcomes.append(outcome)
        }
        return try outcomes.map { try store(plan: $0) }
    }

    /// Loads (or replaces) a plan given as JSON (RPC `iku.plan.put`).
    public func putPlan(json: JSONValue) throws -> (PerformancePlan, Bool) {
        try store(plan: PlanDecoder.decode(json))
    }

    func store(plan outcome: PlanDecoder.Outcome) throws -> (PerformancePlan, Bool) {
        guard let plan = outcome.plan else {
            throw SKMError(
                .invalidPlan, "Rencana IKU tidak sah:\n" + outcome.errors.map { "- \($0)" }.joined(separator: "\n"),
                field: "plan", details: .array(outcome.problems.map(\.json)))
        }
        let changed = try store().putPlan(id: plan.id, definition: JSONWriter.compact.string(plan.json), at: clock.timestamp())
        return (plan, changed)
    }

    /// Every stored plan, by id; definitions that no longer decode are skipped. Needs an existing database.
    public func plans() throws -> [PerformancePlan] {
        try existingStore().plans().compactMap { PlanDecoder.decode(text: $0.definition).plan }
    }

    /// The stored plan with this id (spaces trimmed); `unknown_plan`, naming the known ones, when there is none.
    public func plan(id: String) throws -> PerformancePlan {
        if let text = try existingStore().plan(id: id.trimmingSpaces()), let plan = PlanDecoder.decode(text: text).plan {
            return plan
        }
        let known = try existingStore().plans().map(\.id)
        throw SKMError(
            .unknownPlan,
            "Rencana \"\(id.clipped(60))\" belum dimuat. \(known.isEmpty ? "Muat dengan 'skm iku load BERKAS'." : "Yang ada: \(known.joined(separator: ", ")).")",
            field: "plan")
    }

    /// Records a realisasi (a correction is a new record; the history stays).
    /// Ratio indicators take numerator and denominator; others take the value.
    public func setRealisasi(
        plan planID: String, indicator code: String, year: Int, value: Double?, numerator: Double?, denominator: Double?,
        note: String? = nil, enteredBy: String? = nil
    ) throws -> StoredRealisasi {
        let plan = try plan(id: planID)
        guard let indicator = plan.indicator(code) else {
            throw SKMError(
                .unknownIndicator,
                "Indikator \"\(code.clipped(40))\" tidak ada di rencana \(plan.id); yang ada: \(plan.indicators.map(\.code).joined(separator: ", ")).",
                field: "indicator")
        }
        guard plan.years.contains(year) || indicator.baseline?.year == year else {
            throw SKMError(
                .invalidFilter, "Tahun \(year) di luar periode rencana \(plan.firstYear)–\(plan.lastYear).", field: "year")
        }
        let realisasi: Realisasi
        switch indicator.realisasi {
        case .skm, .akip:
            let origin = indicator.realisasi == .akip ? "evaluasi AKIP yang disimpan ('skm akip evaluate')" : "data survei (IKM)"
            throw SKMError(
                .realisasiComputed, "Realisasi \(indicator.code) dihitung otomatis dari \(origin), tidak dimasukkan.",
                field: "indicator")
        case .ratio:
            guard value == nil, let numerator, let denominator else {
                throw SKMError(
                    .missingField,
                    "\(indicator.code) adalah rasio: isi pembilang dan penyebut (--numerator N --denominator D), bukan nilai.",
                    field: numerator == nil ? "numerator" : "denominator")
            }
            guard numerator.isFinite, denominator.isFinite, numerator >= 0, denominator >= 0 else {
                throw SKMError(.invalidNumber, "Pembilang dan penyebut harus angka 0 atau lebih.", field: "numerator")
            }
            guard let ratio = Realisasi.ratio(numerator: numerator, denominator: denominator) else {
                throw SKMError(
                    .invalidNumber, "Penyebut \(indicator.code) bernilai 0: rasio tidak dapat dihitung. Periksa datanya.",
                    field: "denominator")
            }
            realisasi = ratio
        case .count, .value:
            guard numerator == nil, denominator == nil, let value else {
                throw SKMError(.missingField, "Isi nilai realisasi \(indicator.code).", field: "value")
            }
            guard value.isFinite else { throw SKMError(.invalidNumber, "Nilai realisasi harus angka.", field: "value") }
            if indicator.realisasi == .count && (value < 0 || value != value.rounded()) {
                throw SKMError(
                    .invalidNumber, "\(indicator.code) adalah jumlah: isi bilangan bulat 0 atau lebih.", field: "value")
            }
            realisasi = Realisasi(value: value)
        }
        let cleanNote = try TextRules.comment(note, field: "note")
        let by = try TextRules.comment(enteredBy, field: "enteredBy").map { $0.clipped(100) }
        return try store().addRealisasi(
            plan: plan.id, indicator: indicator.code, year: year, realisasi: realisasi, note: cleanNote,
            at: clock.timestamp(), by: by)
    }

    /// The LKjIP-style evaluation of a plan for a year: target, realisasi, capaian and category
    /// per indicator, with the change against the previous year and progress to the final target.
    public func evaluatePlan(id: String, year: Int) throws -> PlanEvaluation {
        let plan = try plan(id: id)
        guard plan.years.contains(year) else {
            throw SKMError(
                .invalidFilter, "Tahun \(year) di luar periode rencana \(plan.firstYear)–\(plan.lastYear).", field: "year")
        }
        let entered = try existingStore().realisasiHistory(plan: plan.id)
        var latest: [String: Realisasi] = [:]
        for r in entered { latest["\(r.indicator.uppercased())/\(r.year)"] = r.realisasi }
        return PlanEvaluator.evaluate(plan, year: year) { indicator, year in
            switch indicator.realisasi {
            case .skm(let units, let services, let questionnaire):
                return self.surveyRealisasi(year: year, units: units, services: services, questionnaire: questionnaire)
            case .akip:
                guard let akip = try? self.existingStore().akipEvaluations(year: year).last else {
                    return .failure(
                        RealisasiUnavailable("Belum ada evaluasi AKIP tahun \(year) ('skm akip evaluate --year \(year)')."))
                }
                return .success(Realisasi(value: akip.total))
            case .ratio, .count, .value:
                guard let r = latest["\(indicator.code.uppercased())/\(year)"] else { return .failure(.notEntered(year)) }
                return .success(r)
            }
        }
    }

    /// The year's IKM as published (two decimals), from the survey store. An indicator that names
    /// no unit takes the database's only unit; with several units it has no realisasi until the
    /// plan names the unit(s) whose IKM feeds it (pooling every unit would give an IKM no office has).
    func surveyRealisasi(year: Int, units: [String], services: [String], questionnaire: String?) -> Result<
        Realisasi, RealisasiUnavailable
    > {
        do {
            if units.isEmpty {
                let registered = try existingStore().units().map(\.code)
                if registered.count > 1 {
                    return .failure(
                        RealisasiUnavailable(
                            "Rencana tidak menyebut unit yang IKM-nya menjadi realisasi, sedangkan basis data berisi \(registered.count) unit (\(registered.joined(separator: ", ").clipped(120))). Tulis \"unit\" pada realisasi indikator ini, mis. \"realisasi\": {\"source\": \"skm\", \"unit\": \"\(registered[0])\"}, lalu muat ulang rencananya."
                        ))
                }
            }
            let report = try computeIKM(
                IKMRequest(filter: SurveyFilter(year: year, units: units, services: services, questionnaire: questionnaire)))
            guard let shown = report.result.ikmDisplayed else {
                return .failure(
                    RealisasiUnavailable(
                        "Belum ada IKM tahun \(year): \(report.result.unavailable.map { IKMWording.text($0) } ?? "tidak ada responden.")"
                    ))
            }
            return .success(Realisasi(value: shown))
        } catch let error as SKMError {
            return .failure(RealisasiUnavailable("IKM tahun \(year) tidak dapat dihitung: \(error.message)"))
        } catch {
            return .failure(RealisasiUnavailable("IKM tahun \(year) tidak dapat dihitung."))
        }
    }

    /// Every realisasi entered for a plan, oldest first.
    public func realisasiHistory(plan id: String) throws -> [StoredRealisasi] {
        try existingStore().realisasiHistory(plan: try plan(id: id).id)
    }
}
