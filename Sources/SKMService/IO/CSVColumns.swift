import SKMCore

/// The meaning of each column of an import CSV, from its header.
///
/// English names and the Indonesian ones offices use are both accepted; answer columns are
/// named by unsur code (`U1`…). Unknown columns are refused (a typo would otherwise silently
/// drop data); the columns an export writes but an import does not need are ignored.
struct CSVColumns {
    enum Field: String, CaseIterable {
        case date, unit, service, time, gender, education, occupation, age, comment, clientId, questionnaire
    }

    static let aliases: [String: Field] = [
        "date": .date, "tanggal": .date, "tgl": .date, "tanggal_survei": .date,
        "unit": .unit, "unit_layanan": .unit, "kode_unit": .unit,
        "service": .service, "layanan": .service, "jenis_layanan": .service, "kode_layanan": .service,
        "time": .time, "jam": .time, "jam_survei": .time, "waktu": .time,
        "gender": .gender, "jenis_kelamin": .gender, "jk": .gender,
        "education": .education, "pendidikan": .education,
        "occupation": .occupation, "pekerjaan": .occupation,
        "age": .age, "usia": .age, "umur": .age,
        "comment": .comment, "saran": .comment, "komentar": .comment,
        "clientid": .clientId, "client_id": .clientId,
        "questionnaire": .questionnaire, "kuesioner": .questionnaire,
    ]

    /// Written by `skm export`; carried but not needed.
    static let ignored: Set<String> = ["id", "createdat", "created_at", "voidedat", "voided_at", "voidreason", "void_reason"]

    var index: [Field: Int] = [:]
    var headerName: [Field: String] = [:]
    /// Answer columns: unsur code (upper-case) → column.
    var answers: [(code: String, index: Int)] = []
    var voidedIndex: Int?
    let count: Int

    init(header: [String], questionnaire: Questionnaire) throws {
        count = header.count
        var unknown: [String] = []
        var seen = Set<String>()
        for (i, raw) in header.enumerated() {
            let name = raw.trimmingSpaces()
            let key = name.lowercased()
            guard seen.insert(key).inserted else {
                throw SKMError(.csvHeader, "Kolom \"\(name)\" tertulis dua kali di baris judul.", field: name)
            }
            if let field = Self.aliases[key] {
                index[field] = i
                headerName[field] = name
            } else if Self.isAnswerColumn(key) {
                answers.append((code: name.uppercased(), index: i))
            } else if key == "voided" {
                voidedIndex = i
            } else if !Self.ignored.contains(key) {
                unknown.append(name)
            }
        }
        if !unknown.isEmpty {
            throw SKMError(
                .csvHeader,
                "Kolom tidak dikenal: \(unknown.map { "\"\($0.clipped(30))\"" }.joined(separator: ", ")). Kolom yang dikenal: date/tanggal, unit, service/layanan, U1…U\(questionnaire.unsur.count), time/jam, gender/jenis_kelamin, education/pendidikan, occupation/pekerjaan, age/usia, comment/saran, clientId/client_id, questionnaire.",
                details: ["unknown": .array(unknown.map { .string($0) })])
        }
        var missing = [Field.date, .unit, .service].filter { index[$0] == nil }.map(\.rawValue)
        if index[.questionnaire] == nil {
            missing += questionnaire.unsur.map(\.code).filter { code in !answers.contains { $0.code == code.uppercased() } }
        }
        if !missing.isEmpty {
            throw SKMError(
                .csvHeader, "Kolom wajib tidak ada: \(missing.joined(separator: ", ")).",
                details: ["missing": .array(missing.map { .string($0) })])
        }
    }

    static func isAnswerColumn(_ key: String) -> Bool {
        key.count >= 2 && key.count <= 16 && key.hasPrefix("u") && key.dropFirst().allSatisfy(\.isASCIIDigit)
    }

    /// The header as written in the file for an error's field (`answers.U3` → `U3`).
    func column(for field: String?) -> String? {
        guard let field else { return nil }
        if field.hasPrefix("answers.") { return String(field.dropFirst("answers.".count)) }
        let key = field.hasPrefix("respondent.") ? String(field.dropFirst("respondent.".count)) : field
        guard let f = Field(rawValue: key) else { return field }
        return headerName[f] ?? key
    }

    /// The draft of one data row.
    func draft(_ record: CSVRecord, defaultQuestionnaire: String?, catalog: QuestionnaireCatalog) throws -> ResponseDraft {
        guard record.fields.count == count else {
            throw SKMError(
                .csvMalformed,
                "Baris ini punya \(record.fields.count) kolom, baris judul \(count). Periksa pemisah (, atau ;) dan tanda kutip.")
        }
        func text(_ field: Field) -> String? {
            guard let i = index[field] else { return nil }
            let s = CSVWriter.unneutralised(String(decoding: record.fields[i], as: UTF8.self)).trimmingSpaces()
            return s.isEmpty ? nil : s
        }
        if let v = voidedIndex, ["true", "1", "ya", "yes"].contains(String(decoding: record.fields[v], as: UTF8.self).lowercased()) {
            throw SKMError(.voidedNotImported, "Respons yang sudah dibatalkan (voided) tidak diimpor.", field: "voided")
        }
        let questionnaireID = text(.questionnaire) ?? defaultQuestionnaire
        let q = try catalog.questionnaire(questionnaireID)
        var pairs: [(code: String, answer: RawInteger)] = []
        for column in answers {
            let raw = Self.answer(record.fields[column.index])
            guard q.unsurIndex(of: column.code) != nil else {
                if raw == .blank { continue }
                throw SKMError(.unknownUnsur, "Kolom \(column.code) tidak ada di kuesioner \(q.id).", field: "answers.\(column.code)")
            }
            pairs.append((code: column.code, answer: raw))
        }
        return ResponseDraft(
            questionnaire: q.id, unit: text(.unit), service: text(.service), date: text(.date), time: text(.time),
            answers: .byUnsur(pairs), gender: text(.gender), education: text(.education),
            occupation: text(.occupation), age: text(.age).map { RawInteger(text: $0) } ?? .blank,
            comment: text(.comment), clientID: text(.clientId))
    }

    /// A single digit is the common case; anything else goes through the general reader.
    static func answer(_ bytes: [UInt8]) -> RawInteger {
        if bytes.count == 1, bytes[0] >= 0x30, bytes[0] <= 0x39 { return .value(Int(bytes[0] - 0x30)) }
        if bytes.isEmpty { return .blank }
        return RawInteger(text: String(decoding: bytes, as: UTF8.self))
    }
}
