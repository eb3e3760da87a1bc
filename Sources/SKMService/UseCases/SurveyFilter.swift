public import SKMCore
public import SKMJSON
import SKMStore

/// Which responses a computation, listing or export covers, as a person states it: a year, a
/// quarter (triwulan), a semester, a month or a from–to period, units, services, a questionnaire.
public struct SurveyFilter: Sendable, Equatable {
    /// Calendar year (2000–9999); needed by quarter, semester and month.
    public var year: Int?
    /// Triwulan 1–4 of `year`; at most one of quarter, semester and month.
    public var quarter: Int?
    /// Semester 1–2 of `year`.
    public var semester: Int?
    /// Month 1–12 of `year`.
    public var month: Int?
    /// First date included, `YYYY-MM-DD`; with a year, the two periods are intersected.
    public var from: String?
    /// Last date included, `YYYY-MM-DD`.
    public var to: String?
    /// Unit codes; empty for every unit.
    public var units: [String]
    /// Service codes, looked up in the chosen units (or in every unit); empty for every service.
    public var services: [String]
    /// A questionnaire id; nil to let the data decide.
    public var questionnaire: String?

    /// A filter; every part is optional and an empty filter means all data.
    public init(
        year: Int? = nil, quarter: Int? = nil, semester: Int? = nil, month: Int? = nil, from: String? = nil,
        to: String? = nil, units: [String] = [], services: [String] = [], questionnaire: String? = nil
    ) {
        self.year = year
        self.quarter = quarter
        self.semester = semester
        self.month = month
        self.from = from
        self.to = to
        self.units = units
        self.services = services
        self.questionnaire = questionnaire
    }
}

/// A filter checked against the calendar and the registry.
public struct ResolvedFilter: Sendable {
    /// The store query: date range, unit and service ids, questionnaire.
    let query: ResponseQuery
    /// The units named, as registered.
    public let units: [UnitRecord]
    /// The units the filter covers: each named unit and every unit under it (empty: every unit).
    public let coveredUnits: [UnitRecord]
    /// The services named, as registered (a code may match in several units).
    public let services: [ServiceRecord]
    /// "Tahun 2025, triwulan II, unit KEC-TT" — for headings.
    public let indonesianDescription: String
    /// The filter as JSON (`year`, `quarter`, …, `from`/`to` as resolved dates), echoed in results.
    public let json: JSONValue
}

extension SKMService {
    /// Checks the filter against the calendar, registry and catalog; a bad part throws
    /// `invalid_filter`, `invalid_date` or `unknown_…` naming its `filter.` field.
    public func resolve(_ filter: SurveyFilter) throws -> ResolvedFilter {
        let range = try dateRange(of: filter)
        var parts: [String] = []
        var json = JSONObject()
        if let year = filter.year {
            parts.append("tahun \(year)")
            json["year"] = .int(year)
        }
        if let quarter = filter.quarter {
            parts.append("triwulan \(Roman.numeral(quarter))")
            json["quarter"] = .int(quarter)
        }
        if let semester = filter.semester {
            parts.append("semester \(semester)")
            json["semester"] = .int(semester)
        }
        if let month = filter.month {
            parts.append("bulan \(CivilDate.monthNames[month - 1])")
            json["month"] = .int(month)
        }
        if filter.from != nil || filter.to != nil, let range {
            parts.append("\(range.from.indonesian) s.d. \(range.to.indonesian)")
        }
        if let range {
            json["from"] = .string(range.from.iso)
            json["to"] = .string(range.to.iso)
        }
        var units: [UnitRecord] = []
        for code in filter.units { units.append(try resolveUnit(code, field: "filter.unit")) }
        // The one rule for a unit in a filter: it stands for itself and every unit under it.
        let covered = try unitsWithDescendants(units)
        var services: [ServiceRecord] = []
        if !filter.services.isEmpty {
            let pool =
                covered.isEmpty
                ? try existingStore().services() : try covered.flatMap { try existingStore().services(unitID: $0.id) }
            for raw in filter.services {
                let code = try TextRules.code(raw, field: "filter.service", what: "layanan")
                let matches = pool.filter { $0.code == code }
                guard !matches.isEmpty else {
                    let scope = units.isEmpty ? "unit mana pun" : "unit \(units.map(\.code).joined(separator: ", "))"
                    throw SKMError(.unknownService, "Layanan \"\(code)\" tidak terdaftar di \(scope).", field: "filter.service")
                }
                services.append(contentsOf: matches)
            }
        }
        if !units.isEmpty {
            parts.append("unit \(units.map(\.code).joined(separator: ", "))")
            json["unit"] = .array(units.map { .string($0.code) })
        }
        if !services.isEmpty {
            parts.append("layanan \(Array(Set(services.map(\.code))).sorted().joined(separator: ", "))")
            json["service"] = .array(Array(Set(services.map(\.code))).sorted().map { .string($0) })
        }
        var questionnaireID: String?
        if let raw = filter.questionnaire, !raw.trimmingSpaces().isEmpty {
            questionnaireID = try catalog().questionnaire(raw, field: "filter.questionnaire").id
            json["questionnaire"] = .string(questionnaireID ?? "")
        }
        let query = ResponseQuery(
            questionnaireID: questionnaireID, from: range?.from, to: range?.to,
            unitIDs: covered.isEmpty ? nil : covered.map(\.id), serviceIDs: services.isEmpty ? nil : services.map(\.id))
        let description = parts.isEmpty ? "Semua data" : parts.joined(separator: ", ").capitalizedFirst
        return ResolvedFilter(
            query: query, units: units, coveredUnits: covered, services: services, indonesianDescription: description,
            json: .object(json))
    }

    func dateRange(of filter: SurveyFilter) throws -> DateRange? {
        let periodCount = [filter.quarter, filter.semester, filter.month].compactMap { $0 }.count
        if periodCount > 1 {
            throw SKMError(.invalidFilter, "Pilih salah satu saja: triwulan, semester atau bulan.", field: "filter")
        }
        if periodCount == 1 && filter.year == nil {
            throw SKMError(
                .invalidFilter,
                "Triwulan, semester atau bulan memerlukan tahun (--year di baris perintah, filter.year lewat RPC).",
                field: "filter.year")
        }
        var range: DateRange?
        if let year = filter.year {
            guard (2000...9999).contains(year), let yearRange = DateRange.year(year) else {
                throw SKMError(.invalidFilter, "Tahun \(year) tidak sah; tulis empat angka, mis. 2025.", field: "filter.year")
            }
            range = yearRange
            if let quarter = filter.quarter {
                guard let r = DateRange.quarter(quarter, of: year) else {
                    throw SKMError(.invalidFilter, "Triwulan harus 1–4, diterima \(quarter).", field: "filter.quarter")
                }
                range = r
            }
            if let semester = filter.semester {
                guard let r = DateRange.semester(semester, of: year) else {
                    throw SKMError(.invalidFilter, "Semester harus 1 atau 2, diterima \(semester).", field: "filter.semester")
                }
                range = r
            }
            if let month = filter.month {
                guard let r = DateRange.month(month, of: year) else {
                    throw SKMError(.invalidFilter, "Bulan harus 1–12, diterima \(month).", field: "filter.month")
                }
                range = r
            }
        }
        if filter.from != nil || filter.to != nil {
            let from = try filter.from.map { try parseFilterDate($0, field: "filter.from") } ?? ResponseValidator.earliestDate
            let to = try filter.to.map { try parseFilterDate($0, field: "filter.to") } ?? CivilDate.distantFuture
            guard let explicit = DateRange(from: from, to: to) else {
                throw SKMError(.invalidFilter, "Tanggal awal \(from.iso) sesudah tanggal akhir \(to.iso).", field: "filter.from")
            }
            if let current = range {
                guard let both = current.intersection(explicit) else {
                    throw SKMError(
                        .invalidFilter, "Periode --from/--to tidak beririsan dengan tahun yang dipilih.", field: "filter.from")
                }
                range = both
            } else {
                range = explicit
            }
        }
        return range
    }

    func parseFilterDate(_ raw: String, field: String) throws -> CivilDate {
        guard let date = CivilDate(iso: raw.trimmingSpaces()) else {
            throw SKMError(
                .invalidDate, "Tanggal \"\(raw.clipped(40))\" tidak sah: tulis TTTT-BB-HH, mis. 2025-03-14.", field: field)
        }
        return date
    }
}

/// Roman numerals for quarters (Triwulan I–IV), as Indonesian reports write them.
public enum Roman {
    /// I–XII for 1–12; "" for anything smaller, XII for anything larger.
    public static func numeral(_ n: Int) -> String {
        ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"][max(0, min(n, 12))]
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
