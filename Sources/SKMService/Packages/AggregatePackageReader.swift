public import SKMCore
public import SKMJSON

/// Reads an aggregate package and refuses it whole (`invalid_package`, naming the member at
/// fault) unless every part is well formed and every count could come from real responses:
/// the format and version, the registry, the questionnaire definitions, and per row
/// non-negative integer counts, unsur answered at most once per respondent, sums between
/// count × lowest and count × highest answer, sums of squares consistent with the sums, and
/// respondent counts below `maxRowRespondents` so no later sum can overflow. Pure: it sees
/// only the bytes; the receiving database's checks come after (`SKMService.importPackage`).
public enum AggregatePackageReader {
    /// Respondents one row (one service on one day) may hold: far above any counter, far below
    /// anything that could overflow a sum of a hundred units' years.
    public static let maxRowRespondents = 1_000_000
    /// Rows one package may hold (a year of 100 units with 40 services each, every day).
    public static let maxRows = 2_000_000

    /// Whether `prefix` (the first bytes of a file) looks like a package rather than CSV or JSON
    /// Lines: a JSON object with a `"format"` member near its start (no response has one; inside
    /// a JSON string the quotes would be escaped, so a comment quoting it does not count). The
    /// reader then says whether it is a package skm knows.
    public static func looksLikePackage(_ prefix: [UInt8]) -> Bool {
        let space: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        guard let first = prefix.first(where: { !space.contains($0) && ![0xEF, 0xBB, 0xBF].contains($0) }),
            first == UInt8(ascii: "{")
        else { return false }
        let key = Array("\"format\"".utf8)
        var start = 0
        while start + key.count <= prefix.count {
            defer { start += 1 }
            guard prefix[start..<start + key.count].elementsEqual(key) else { continue }
            var i = start + key.count
            while i < prefix.count, space.contains(prefix[i]) { i += 1 }
            guard i < prefix.count, prefix[i] == UInt8(ascii: ":") else { continue }
            return true
        }
        return false
    }

    /// Parses and checks a package.
    public static func read(_ bytes: [UInt8]) throws(SKMError) -> AggregatePackage {
        let json: JSONValue
        do {
            var body = bytes[...]
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
            json = try JSONParser(maxDepth: 32).parse(Array(body))
        } catch {
            throw SKMError(.invalidPackage, "Paket agregat bukan JSON yang sah: \(error.indonesianMessage)")
        }
        return try read(json)
    }

    static let topLevelKeys = [
        "format", "formatVersion", "producer", "createdAt", "packageId", "sourceDatabase", "sourceGeneration", "year",
        "units", "questionnaires", "rows", "profiles", "smallCellRule",
    ]

    /// Checks a parsed package.
    public static func read(_ json: JSONValue) throws(SKMError) -> AggregatePackage {
        let root = try object(json, "")
        guard root["format"]?.stringValue == AggregatePackage.formatName else {
            throw bad("", "bukan paket agregat skm (\"format\" harus \"\(AggregatePackage.formatName)\")")
        }
        let version = try integer(root["formatVersion"], "formatVersion")
        guard version == AggregatePackage.formatVersion else {
            throw bad(
                "formatVersion",
                "versi format \(version) tidak dikenal; skm ini membaca versi \(AggregatePackage.formatVersion). Perbarui skm atau minta paket versi \(AggregatePackage.formatVersion)"
            )
        }
        try rejectUnknown(root, "", topLevelKeys)
        let producer = try string(root["producer"], "producer", limit: 100)
        let createdAt = try string(root["createdAt"], "createdAt", limit: 40)
        guard createdAt.count >= 20, CivilDate(iso: String(createdAt.prefix(10))) != nil else {
            throw bad("createdAt", "waktu pembuatan harus ISO 8601 UTC, mis. 2026-01-05T08:00:00.000Z")
        }
        let packageID = try string(root["packageId"], "packageId", limit: 36)
        guard isUUID(packageID) else { throw bad("packageId", "harus UUID (8-4-4-4-12 digit heksadesimal huruf kecil)") }
        let source = try string(root["sourceDatabase"], "sourceDatabase", limit: 32)
        guard source.count == 32, source.utf8.allSatisfy(isLowerHex) else {
            throw bad("sourceDatabase", "harus identitas basis data: 32 digit heksadesimal huruf kecil")
        }
        let generation = try integer(root["sourceGeneration"], "sourceGeneration")
        let year = try integer(root["year"], "year")
        guard (1900...9999).contains(year) else { throw bad("year", "tahun \(year) di luar 1900–9999") }
        let units = try readUnits(root["units"])
        let questionnaires = try readQuestionnaires(root["questionnaires"])
        let (rows, respondents) = try readRows(root["rows"], year: year, units: units, questionnaires: questionnaires)
        let profiles = root["profiles"] ?? .array([])
        try PackageProfiles.check(profiles, units: units, rows: rows)
        return AggregatePackage(
            producer: producer, createdAt: createdAt, packageID: packageID, sourceDatabase: source,
            sourceGeneration: Int64(generation), year: year, units: units, questionnaires: questionnaires, rows: rows,
            respondents: respondents, profiles: profiles)
    }

    static func readUnits(_ value: JSONValue?) throws(SKMError) -> [PackageUnit] {
        let list = try array(value, "units")
        guard !list.isEmpty else { throw bad("units", "paket harus menyebut paling sedikit satu unit") }
        var units: [PackageUnit] = []
        var seen: Set<String> = []
        for (i, item) in list.enumerated() {
            let path = "units[\(i)]"
            let o = try object(item, path)
            try rejectUnknown(o, path, ["code", "name", "services"])
            let code = try code(o["code"], path + ".code", what: "unit")
            guard seen.insert(code).inserted else { throw bad(path + ".code", "unit \(code) disebut dua kali") }
            let name = try name(o["name"], path + ".name", what: "unit")
            var services: [(code: String, name: String)] = []
            for (k, s) in try array(o["services"], path + ".services").enumerated() {
                let spath = "\(path).services[\(k)]"
                let so = try object(s, spath)
                try rejectUnknown(so, spath, ["code", "name"])
                let scode = try self.code(so["code"], spath + ".code", what: "layanan")
                guard !services.contains(where: { $0.code == scode }) else {
                    throw bad(spath + ".code", "layanan \(code)/\(scode) disebut dua kali")
                }
                services.append((scode, try self.name(so["name"], spath + ".name", what: "layanan")))
            }
            units.append(PackageUnit(code: code, name: name, services: services))
        }
        return units
    }

    static func readQuestionnaires(_ value: JSONValue?) throws(SKMError) -> [Questionnaire] {
        var found: [Questionnaire] = []
        for (i, item) in try array(value, "questionnaires").enumerated() {
            let outcome = QuestionnaireDecoder.decode(item)
            guard let q = outcome.questionnaire, outcome.errors.isEmpty else {
                let first = outcome.errors.first.map { "\($0.path): \($0.message)" } ?? "tidak terbaca"
                throw bad("questionnaires[\(i)]", "definisi kuesioner tidak sah (\(first))")
            }
            guard !found.contains(where: { $0.id == q.id }) else {
                throw bad("questionnaires[\(i)]", "kuesioner \(q.id) disebut dua kali")
            }
            found.append(q)
        }
        return found
    }

    struct RowKey: Hashable {
        let questionnaire: String
        let day: String
        let unit: String
        let service: String
    }

    static func readRows(
        _ value: JSONValue?, year: Int, units: [PackageUnit], questionnaires: [Questionnaire]
    ) throws(SKMError) -> ([PackageRow], Int) {
        let list = try array(value, "rows")
        guard list.count <= maxRows else { throw bad("rows", "lebih dari \(maxRows) baris") }
        let byCode = Dictionary(units.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [PackageRow] = []
        rows.reserveCapacity(list.count)
        var seen: Set<RowKey> = []
        var total = 0
        for (i, item) in list.enumerated() {
            let path = "rows[\(i)]"
            let o = try object(item, path)
            try rejectUnknown(
                o, path, ["questionnaire", "day", "unit", "service", "respondents", "scoreSum", "scoreSumOfSquares", "unsur"])
            let qid = try string(o["questionnaire"], path + ".questionnaire", limit: 100)
            guard let q = questionnaires.first(where: { $0.id == qid }) else {
                throw bad(path + ".questionnaire", "kuesioner \"\(qid.clipped(40))\" tidak ada di daftar questionnaires paket")
            }
            let day = try string(o["day"], path + ".day", limit: 10)
            guard let date = CivilDate(iso: day), date.iso == day, date.year == year else {
                throw bad(path + ".day", "tanggal \"\(day.clipped(20))\" bukan tanggal TTTT-BB-HH di tahun \(year)")
            }
            let unitCode = try string(o["unit"], path + ".unit", limit: 40)
            guard let unit = byCode[unitCode] else {
                throw bad(path + ".unit", "unit \"\(unitCode.clipped(40))\" tidak ada di daftar units paket")
            }
            let serviceCode = try string(o["service"], path + ".service", limit: 40)
            guard unit.services.contains(where: { $0.code == serviceCode }) else {
                throw bad(
                    path + ".service", "layanan \"\(serviceCode.clipped(40))\" tidak terdaftar di unit \(unitCode) dalam paket")
            }
            guard seen.insert(RowKey(questionnaire: qid, day: day, unit: unitCode, service: serviceCode)).inserted else {
                throw bad(path, "baris untuk \(qid), \(day), \(unitCode)/\(serviceCode) muncul dua kali")
            }
            let tally = try readTally(o, path: path, questionnaire: q)
            guard let next = AggregateBounds.add(total, tally.respondents) else {
                throw bad(path + ".respondents", "jumlah responden melampaui batas bilangan")
            }
            total = next
            rows.append(PackageRow(questionnaireID: qid, day: day, unitCode: unitCode, serviceCode: serviceCode, tally: tally))
        }
        return (rows, total)
    }

    static func readTally(_ o: JSONObject, path: String, questionnaire q: Questionnaire) throws(SKMError) -> Tally {
        let respondents = try integer(o["respondents"], path + ".respondents")
        guard respondents >= 1, respondents <= maxRowRespondents else {
            throw bad(
                path + ".respondents", "jumlah responden \(respondents) di luar 1–\(maxRowRespondents) untuk satu layanan sehari")
        }
        let low = q.scale.lowerBound
        let high = q.scale.upperBound
        let scoreSum = try number(o["scoreSum"], path + ".scoreSum")
        let scoreSquares = try number(o["scoreSumOfSquares"], path + ".scoreSumOfSquares")
        let r = Double(respondents)
        guard scoreSum >= 0, scoreSum <= r * Double(high) * (1 + 1e-9) else {
            throw bad(path + ".scoreSum", "jumlah skor \(scoreSum) di luar 0–\(respondents) × \(high)")
        }
        guard scoreSquares >= 0, scoreSquares <= r * Double(high) * Double(high) * (1 + 1e-9) else {
            throw bad(path + ".scoreSumOfSquares", "jumlah kuadrat skor \(scoreSquares) di luar 0–\(respondents) × \(high)²")
        }
        let list = try array(o["unsur"], path + ".unsur")
        guard list.count == q.unsur.count else {
            throw bad(path + ".unsur", "\(list.count) unsur, padahal kuesioner \(q.id) punya \(q.unsur.count) unsur")
        }
        var unsur: [UnsurTally] = []
        var answeredTotal = 0
        for (k, item) in list.enumerated() {
            let upath = "\(path).unsur[\(k)]"
            let triple = try array(item, upath)
            guard triple.count == 3 else { throw bad(upath, "harus [dijawab, jumlah, jumlah kuadrat]") }
            let answered = try integer(triple[0], upath + "[0]")
            let sum = try integer(triple[1], upath + "[1]")
            let squares = try integer(triple[2], upath + "[2]")
            try UnsurTallyCheck.check(
                answered: answered, sum: sum, squares: squares, respondents: respondents, low: low, high: high, path: upath)
            answeredTotal += answered
            unsur.append(UnsurTally(answered: answered, sum: sum, sumOfSquares: squares))
        }
        // Every stored response answers at least one unsur.
        guard answeredTotal >= respondents else {
            throw bad(path + ".respondents", "\(respondents) responden tetapi hanya \(answeredTotal) jawaban di semua unsur")
        }
        return Tally(respondents: respondents, unsur: unsur, scoreSum: scoreSum, scoreSumOfSquares: scoreSquares)
    }

    // MARK: - Typed reads

    static func bad(_ field: String, _ what: String) -> SKMError {
        SKMError(
            .invalidPackage,
            "Paket agregat ditolak seluruhnya\(field.isEmpty ? "" : " (\(field))"): \(what). Tidak ada yang disimpan.",
            field: field.isEmpty ? nil : field)
    }

    static func object(_ value: JSONValue?, _ field: String) throws(SKMError) -> JSONObject {
        guard let o = value?.objectValue else { throw bad(field, "harus objek JSON") }
        return o
    }

    static func array(_ value: JSONValue?, _ field: String) throws(SKMError) -> [JSONValue] {
        guard let a = value?.arrayValue else { throw bad(field, "harus array JSON") }
        return a
    }

    static func string(_ value: JSONValue?, _ field: String, limit: Int) throws(SKMError) -> String {
        guard let s = value?.stringValue else { throw bad(field, "harus teks") }
        guard s.count <= limit else { throw bad(field, "lebih dari \(limit) karakter") }
        return s
    }

    /// A whole number written as digits (no fraction, no exponent), within Int.
    static func integer(_ value: JSONValue?, _ field: String) throws(SKMError) -> Int {
        guard let n = value?.numberValue else { throw bad(field, "harus bilangan bulat") }
        guard let i = Int(n.text) else { throw bad(field, "\(n.text.clipped(30)) bukan bilangan bulat yang sah") }
        guard i >= 0 else { throw bad(field, "tidak boleh negatif (\(i))") }
        return i
    }

    static func number(_ value: JSONValue?, _ field: String) throws(SKMError) -> Double {
        guard let d = value?.numberValue?.double else { throw bad(field, "harus bilangan") }
        return d
    }

    static func code(_ value: JSONValue?, _ field: String, what: String) throws(SKMError) -> String {
        let raw = try string(value, field, limit: 64)
        let code: String
        do throws(SKMError) {
            code = try TextRules.code(raw, field: field, what: what)
        } catch {
            throw bad(field, error.message)
        }
        guard code == raw else { throw bad(field, "kode \"\(raw.clipped(40))\" harus ditulis huruf besar tanpa spasi") }
        return code
    }

    static func name(_ value: JSONValue?, _ field: String, what: String) throws(SKMError) -> String {
        let raw = try string(value, field, limit: TextRules.maxNameLength * 2)
        do throws(SKMError) {
            return try TextRules.name(raw, field: field, what: what)
        } catch {
            throw bad(field, error.message)
        }
    }

    static func rejectUnknown(_ o: JSONObject, _ path: String, _ allowed: [String]) throws(SKMError) {
        for key in o.keys where !allowed.contains(key) {
            throw bad(
                path.isEmpty ? key : "\(path).\(key)",
                "anggota \"\(key.clipped(40))\" tidak dikenal (paket tidak membawa data perorangan atau saran)")
        }
    }

    static func isLowerHex(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66) }

    static func isUUID(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        guard bytes.count == 36 else { return false }
        return bytes.enumerated().allSatisfy { i, b in [8, 13, 18, 23].contains(i) ? b == UInt8(ascii: "-") : isLowerHex(b) }
    }
}
