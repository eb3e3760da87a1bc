import SKMCore
public import SKMJSON
public import SKMReport

/// The office's own part of the annual report, from `skm-report.json` or the RPC `profile`
/// param: who the office is, who ran the survey, the population served and the RTL.
///
///     {"office": {"unit"?, "name", "address", "head", "nip", "position"?, "city"?, "logo"?},
///      "pelaksana": "...", "population": 9400,
///      "rtl": [{"unsur": "U3", "program": "...", "waktu": ["TW I", "TW II"], "penanggungJawab": "...",
///               "questionnaire"?: "ipak-90-2021"}]}
///
/// Every part is optional (the report marks what is missing), but what is written must be
/// valid: an unknown key or a quarter like "TW V" is an error, never silently ignored.
public struct ReportProfile: Sendable {
    /// Who the office is; `isMissing` when the profile gives no `office`.
    public var office: OfficeProfile
    /// The unit codes the profile describes (`office.unit`, one code or a list), normalised;
    /// empty when the profile does not say (then it applies only to a database with one unit).
    public var units: [String] = []
    /// Who carried out the survey (the office itself or a named team); nil when not given.
    public var pelaksana: String?
    /// Service users in the year (at least 1), for the sample-size check; nil when not given.
    public var population: Int?
    /// The rencana tindak lanjut rows, in the profile's order; empty when none are given.
    public var rtl: [RTLEntry]
    /// Field paths of the RTL entries, for errors found later (an unsur the questionnaire lacks).
    var rtlFields: [String]
    /// The questionnaire each RTL entry names (lowercased), nil when it names none: then it
    /// belongs to the questionnaire its year was measured with.
    var rtlQuestionnaires: [String?] = []
    /// The logo path as written, resolved against `baseDirectory`.
    var logoPath: String?
    /// Where a relative logo path is read from (the profile file's folder).
    var baseDirectory: String?
    /// Where the profile came from, for messages ("skm-report.json", "params.profile").
    public var origin: String?

    /// The profile used when none is found: every part missing, which the report marks.
    public static let missing = ReportProfile(
        office: OfficeProfile(isMissing: true), pelaksana: nil, population: nil, rtl: [], rtlFields: [], logoPath: nil,
        baseDirectory: nil, origin: nil)

    /// The profile's file name, looked for beside the database and then in the current folder.
    public static let fileName = "skm-report.json"

    /// `skm-report.json` in the database's folder: where a profile is looked for first.
    public static func path(besideDatabase database: String) -> String {
        SKMService.directory(of: database) + "/" + fileName
    }

    static let keys = ["office", "pelaksana", "population", "rtl"]
    static let officeKeys = ["unit", "name", "address", "head", "nip", "position", "city", "logo"]
    static let rtlKeys = ["unsur", "program", "waktu", "penanggungJawab", "questionnaire"]

    /// Decodes a profile; `path` prefixes field names in errors (`profile.` over RPC).
    public static func decode(_ value: JSONValue, path: String = "", origin: String?, baseDirectory: String?) throws
        -> ReportProfile
    {
        guard let object = value.objectValue else {
            throw SKMError(
                .wrongType, "Profil laporan harus objek JSON, bukan \(value.indonesianTypeName).",
                field: path.isEmpty ? "profile" : String(path.dropLast()))
        }
        let fields = JSONFields(object, path: path)
        try fields.rejectUnknown(keys)
        var profile = ReportProfile.missing
        profile.office.isMissing = false
        profile.origin = origin
        profile.baseDirectory = baseDirectory
        if let office = try fields.nested("office") {
            try office.rejectUnknown(officeKeys)
            for raw in try office.stringList("unit") {
                let code = try TextRules.code(raw, field: office.path + "unit", what: "unit")
                if !profile.units.contains(code) { profile.units.append(code) }
            }
            profile.office.name = try text(office, "name")
            profile.office.address = try text(office, "address")
            profile.office.head = try text(office, "head")
            profile.office.nip = try text(office, "nip")
            profile.office.position = try text(office, "position")
            profile.office.city = try text(office, "city")
            profile.logoPath = try text(office, "logo")
        }
        profile.pelaksana = try text(fields, "pelaksana")
        if let population = try fields.int("population") {
            guard population >= 1 else {
                throw SKMError(
                    .invalidPopulation, "population harus bilangan bulat 1 atau lebih, diterima \(population).",
                    field: path + "population")
            }
            profile.population = population
        }
        for (i, item) in (try fields.array("rtl") ?? []).enumerated() {
            let itemPath = "\(path)rtl[\(i)]"
            guard let entry = item.objectValue else {
                throw SKMError(.wrongType, "\(itemPath) harus objek, bukan \(item.indonesianTypeName).", field: itemPath)
            }
            let f = JSONFields(entry, path: itemPath + ".")
            try f.rejectUnknown(rtlKeys)
            guard let unsur = try text(f, "unsur") else {
                throw SKMError(
                    .missingField, "\(itemPath).unsur wajib diisi (kode unsur, mis. \"U3\").", field: itemPath + ".unsur")
            }
            guard let program = try text(f, "program", limit: 1000) else {
                throw SKMError(
                    .missingField, "\(itemPath).program wajib diisi (program/kegiatan perbaikan).", field: itemPath + ".program")
            }
            profile.rtl.append(
                RTLEntry(
                    unsur: unsur.uppercased(), program: program, quarters: try quarters(f, itemPath),
                    penanggungJawab: try text(f, "penanggungJawab")))
            profile.rtlFields.append(itemPath)
            profile.rtlQuestionnaires.append(try text(f, "questionnaire", limit: 100)?.lowercased())
        }
        return profile
    }

    /// Optional text: trimmed, empty means absent, no control characters, at most `limit` characters.
    static func text(_ f: JSONFields, _ key: String, limit: Int = 300) throws -> String? {
        guard let raw = try f.string(key) else { return nil }
        let field = f.path + key
        guard let clean = try TextRules.comment(raw, field: field) else { return nil }
        if clean.count > limit {
            throw SKMError(.textTooLong, "\(field) terlalu panjang (\(clean.count) karakter, maksimal \(limit)).", field: field)
        }
        if clean.contains(where: { $0 == "\n" || $0 == "\r" }) && key != "address" && key != "program" {
            throw SKMError(.invalidText, "\(field) harus satu baris.", field: field)
        }
        return clean
    }

    /// `waktu`: quarters as "TW I", "TW 2", "Triwulan III", "IV" or 1–4.
    static func quarters(_ f: JSONFields, _ itemPath: String) throws -> [Int] {
        guard let value = f.object["waktu"], !value.isNull else { return [] }
        let items = value.arrayValue ?? [value]
        var quarters: [Int] = []
        for (i, item) in items.enumerated() {
            let field = items.count == 1 && value.arrayValue == nil ? "\(itemPath).waktu" : "\(itemPath).waktu[\(i)]"
            guard let q = quarter(item) else {
                throw SKMError(
                    .invalidFilter,
                    "\(field) harus triwulan \"TW I\"–\"TW IV\" (atau 1–4), diterima \(item.description.clipped(30)).",
                    field: field)
            }
            if !quarters.contains(q) { quarters.append(q) }
        }
        return quarters.sorted()
    }

    static func quarter(_ value: JSONValue) -> Int? {
        if let n = value.numberValue?.int { return (1...4).contains(n) ? n : nil }
        guard var text = value.stringValue?.trimmingSpaces().uppercased() else { return nil }
        for prefix in ["TRIWULAN", "TW"] where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count)).trimmingSpaces()
            if text.hasPrefix("-") || text.hasPrefix(".") { text = String(text.dropFirst()).trimmingSpaces() }
        }
        switch text {
        case "1", "I": return 1
        case "2", "II": return 2
        case "3", "III": return 3
        case "4", "IV": return 4
        default: return nil
        }
    }

    /// The office fields still missing, for the message after writing the report.
    public var missingFields: [String] {
        var missing: [String] = []
        if office.name == nil { missing.append("office.name") }
        if office.address == nil { missing.append("office.address") }
        if office.head == nil { missing.append("office.head") }
        if office.nip == nil { missing.append("office.nip") }
        if pelaksana == nil { missing.append("pelaksana") }
        if rtl.isEmpty { missing.append("rtl") }
        return missing
    }
}
