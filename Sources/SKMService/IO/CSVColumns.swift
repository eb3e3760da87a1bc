import SKMCore
import SKMJSON

/// The meaning of each column of an import CSV, from its header.
///
/// English names and the Indonesian ones offices use are both accepted, in any case and with
/// spaces, underscores, hyphens or dots (`Jenis Kelamin`, `JENIS_KELAMIN`, `No.`); answer
/// columns are named by unsur code (`U1`…). Columns skm does not store (`No`, `Timestamp`…) and
/// identity columns (`Nama`, `NIK`, `HP`…) are ignored and listed in the report; other unknown
/// columns are refused (a typo would otherwise silently drop data); the columns an export writes
/// but an import does not need are ignored silently.
struct CSVColumns {
    /// The columns besides the answers and the profile choices (those come from `ProfileKey.fields`).
    enum Field: String, CaseIterable {
        case date, unit, service, time, age, comment, clientId, questionnaire, idGlobal

        var ordinal: Int {
            switch self {
            case .date: return 0
            case .unit: return 1
            case .service: return 2
            case .time: return 3
            case .age: return 4
            case .comment: return 5
            case .clientId: return 6
            case .questionnaire: return 7
            case .idGlobal: return 8
            }
        }
    }

    /// A header as compared: lower case, without spaces, underscores, hyphens, dots or colons.
    static func key(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { !" _-.:\t".unicodeScalars.contains($0) })
    }

    static let aliases: [String: Field] = Dictionary(
        namedAliases.map { (key($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })

    static let namedAliases: [String: Field] = [
        "date": .date, "tanggal": .date, "tgl": .date, "tanggal_survei": .date,
        "unit": .unit, "unit_layanan": .unit, "kode_unit": .unit,
        "service": .service, "layanan": .service, "jenis_layanan": .service, "kode_layanan": .service,
        "time": .time, "jam": .time, "jam_survei": .time, "waktu": .time,
        "age": .age, "usia": .age, "umur": .age,
        "comment": .comment, "saran": .comment, "komentar": .comment,
        "clientid": .clientId, "client_id": .clientId,
        "questionnaire": .questionnaire, "kuesioner": .questionnaire,
        "idglobal": .idGlobal, "globalid": .idGlobal,
        "tanggal_pelayanan": .date, "tanggal_pengisian": .date, "jenis_pelayanan": .service, "usia_responden": .age,
        "umur_responden": .age, "saran_masukan": .comment, "kritik_dan_saran": .comment, "saran_dan_masukan": .comment,
    ]

    /// Columns offices' sheets and form tools add that skm does not store; read, ignored and
    /// listed in the report (compared by `key`).
    static let notStored: Set<String> = Set(
        [
            "no", "nomor", "no_urut", "nomor_urut", "urut", "timestamp", "cap_waktu", "waktu_pengisian", "stempel_waktu",
            "keterangan", "ket", "jumlah", "total", "rata_rata", "nilai", "ikm", "status",
        ].map(key))

    /// The form tools' timestamp columns (Google Forms: `Timestamp`, `Cap waktu`), the date of a
    /// response when the sheet has no date column.
    static let timestamps: Set<String> = Set(["timestamp", "cap_waktu", "stempel_waktu"].map(key))

    /// Columns that identify a person; skm stores no identity, so they are ignored with a notice.
    static let identity: Set<String> = Set(
        [
            "nama", "nama_responden", "nama_lengkap", "nik", "no_ktp", "nomor_ktp", "ktp", "nik_ktp", "hp", "no_hp",
            "nomor_hp", "telepon", "no_telepon", "nomor_telepon", "telp", "no_telp", "nomor_telp", "wa", "no_wa", "whatsapp",
            "nomor_whatsapp", "email", "e_mail", "alamat_email", "alamat", "kontak",
        ].map(key))

    /// Column name (as `key`) → index of the profile field in `ProfileKey.fields`.
    static let profileAliases: [String: Int] = Dictionary(
        ProfileKey.fields.enumerated().flatMap { i, field in field.columnNames.map { (key($0), i) } },
        uniquingKeysWith: { a, _ in a })

    /// The names listed when a header has unknown columns.
    static func knownColumns(unsurCount: Int) -> String {
        "date/tanggal, unit, service/layanan, U1…U\(unsurCount), time/jam, "
            + ProfileKey.fields.map { "\($0.name)/\($0.indonesianName), " }.joined()
            + "age/usia, comment/saran, clientId/client_id, questionnaire, idGlobal"
    }

    /// Written by `skm export`; carried but not needed.
    static let ignored: Set<String> = Set(["id", "createdat", "voidedat", "voidreason"].map(key))

    var index: [Field: Int] = [:]
    var headerName: [Field: String] = [:]
    /// `index` as an array by field (dictionary lookups per cell are too slow for a million rows).
    var column: [Int?] = []
    /// The column of each profile field, in `ProfileKey.fields` order, and its header as written.
    var profileColumn: [Int?] = Array(repeating: nil, count: ProfileKey.fields.count)
    var profileHeaderName: [String?] = Array(repeating: nil, count: ProfileKey.fields.count)
    /// Answer columns: unsur code (upper-case) → column.
    var answers: [(code: String, index: Int)] = []
    /// The answer columns' headers as written, in `answers` order.
    var answerNames: [String] = []
    var voidedIndex: Int?
    let count: Int
    /// Columns not stored (`No`, `Timestamp`…), as the header writes them.
    var ignoredColumns: [String] = []
    /// Identity columns left out (`Nama`, `NIK`…), as the header writes them.
    var identityColumns: [String] = []

    init(header: [String], questionnaire: Questionnaire) throws {
        count = header.count
        var timestamp: (index: Int, name: String)?
        var unknown: [String] = []
        var seen = Set<String>()
        for (i, raw) in header.enumerated() {
            let name = raw.trimmingSpaces()
            let key = Self.key(name)
            guard seen.insert(key).inserted else {
                throw SKMError(.csvHeader, "Kolom \"\(name)\" tertulis dua kali di baris judul.", field: name)
            }
            if let field = Self.aliases[key] {
                index[field] = i
                headerName[field] = name
            } else if let profile = Self.profileAliases[key] {
                profileColumn[profile] = i
                profileHeaderName[profile] = name
            } else if Self.isAnswerColumn(key) {
                answers.append((code: key.uppercased(), index: i))
                answerNames.append(name)
            } else if let unsur = questionnaire.unsurOfQuestion(text: name) {
                // A form tool's export: the question's text as the header of its answers.
                answers.append((code: unsur.uppercased(), index: i))
                answerNames.append(name)
            } else if key == "voided" {
                voidedIndex = i
            } else if Self.identity.contains(key) {
                identityColumns.append(name)
            } else if Self.notStored.contains(key) {
                if Self.timestamps.contains(key) && timestamp == nil { timestamp = (i, name) }
                ignoredColumns.append(name)
            } else if !Self.ignored.contains(key) {
                unknown.append(name)
            }
        }
        if !unknown.isEmpty {
            let shown = unknown.prefix(Self.unknownShown).map { "\"\($0.clipped(30))\"" }.joined(separator: ", ")
            let more = unknown.count > Self.unknownShown ? " dan \(unknown.count - Self.unknownShown) lainnya" : ""
            throw SKMError(
                .csvHeader,
                "Kolom tidak dikenal (\(unknown.count)): \(shown)\(more). Kolom yang dikenal: \(Self.knownColumns(unsurCount: questionnaire.unsur.count)).",
                details: [
                    "unknown": .array(unknown.prefix(Self.unknownShown).map { .string(String($0.prefix(100))) }),
                    "unknownCount": .int(unknown.count),
                ])
        }
        if index[.date] == nil, let timestamp {
            // A form tool's response sheet has no date column: the date is the response's timestamp.
            index[.date] = timestamp.index
            headerName[.date] = timestamp.name
            ignoredColumns.removeAll { $0 == timestamp.name }
        }
        column = Field.allCases.map { index[$0] }
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

    /// How many unknown column names an error lists (the rest are counted).
    static let unknownShown = 10

    /// True when `name` is a column skm recognises (stored, ignored on purpose, or a question's
    /// text); a workbook's header row is the first with two of them.
    static func isKnown(_ name: String, questionnaire: Questionnaire) -> Bool {
        let key = Self.key(name.trimmingSpaces())
        guard !key.isEmpty else { return false }
        return aliases[key] != nil || profileAliases[key] != nil || isAnswerColumn(key) || notStored.contains(key)
            || identity.contains(key) || ignored.contains(key) || questionnaire.unsurOfQuestion(text: name) != nil
    }

    static func isAnswerColumn(_ key: String) -> Bool {
        key.count >= 2 && key.count <= 16 && key.hasPrefix("u") && key.dropFirst().allSatisfy(\.isASCIIDigit)
    }

    /// The header as written in the file for an error's field (`answers.U3` → `U3`; for
    /// `answers[i]`, the unsur column of question i).
    func column(for field: String?, questionnaire: Questionnaire?) -> String? {
        guard let field else { return nil }
        if field.hasPrefix("answers.") { return answerHeader(String(field.dropFirst("answers.".count))) }
        if field.hasPrefix("answers["), let q = questionnaire,
            let index = Int(field.dropFirst("answers[".count).prefix { $0.isASCIIDigit }), index < q.questions.count
        {
            return answerHeader(q.questions[index].unsur)
        }
        if field == "answers" {
            // The answer columns as the file names them, never the wire name "answers".
            guard let first = answerNames.first, let last = answerNames.last else { return nil }
            return first == last ? first : "\(first)…\(last)"
        }
        let key = field.hasPrefix("respondent.") ? String(field.dropFirst("respondent.".count)) : field
        if let profile = ProfileKey.fields.firstIndex(where: { $0.name == key }) { return profileHeaderName[profile] ?? key }
        guard let f = Field(rawValue: key) else { return field }
        return headerName[f] ?? key
    }

    /// The header of the answer column for an unsur code, as the file writes it.
    func answerHeader(_ code: String) -> String {
        answers.firstIndex { $0.code == code.uppercased() }.map { answerNames[$0] } ?? code
    }

    /// For a questionnaire: which column holds each question's answer (nil: no such column),
    /// and the answer columns that questionnaire does not have.
    func layout(for q: Questionnaire) -> (questionColumns: [Int?], foreign: [(code: String, index: Int)]) {
        var questionColumns: [Int?] = Array(repeating: nil, count: q.questions.count)
        var foreign: [(code: String, index: Int)] = []
        for column in answers {
            if let u = q.unsurIndex(of: column.code) {
                questionColumns[q.questionIndexOfUnsur[u]] = column.index
            } else {
                foreign.append(column)
            }
        }
        return (questionColumns, foreign)
    }

    /// The draft of one data row. Answers come in question order, so the validator reports
    /// them by question; `column(for:questionnaire:)` turns that back into the unsur column.
    func draft(
        _ record: CSVRecord, questionnaire q: Questionnaire,
        layout: (questionColumns: [Int?], foreign: [(code: String, index: Int)])
    ) throws -> ResponseDraft {
        guard record.count == count else {
            throw SKMError(
                .csvMalformed,
                "Baris ini punya \(record.count) kolom, baris judul \(count). Periksa pemisah (, atau ;) dan tanda kutip.")
        }
        func text(_ field: Field) -> String? { text(at: column[field.ordinal]) }
        func text(at index: Int?) -> String? {
            guard let i = index else { return nil }
            let raw = record.field(i)
            if raw.isEmpty { return nil }
            let s = CSVWriter.unneutralised(String(decoding: raw, as: UTF8.self)).trimmingSpaces()
            return s.isEmpty ? nil : s
        }
        if let v = voidedIndex, ["true", "1", "ya", "yes"].contains(record.string(v).lowercased()) {
            throw SKMError(.voidedNotImported, "Respons yang sudah dibatalkan (voided) tidak diimpor.", field: "voided")
        }
        for column in layout.foreign where !Self.answer(record.field(column.index)).isBlank {
            throw SKMError(.unknownUnsur, "Kolom \(column.code) tidak ada di kuesioner \(q.id).", field: "answers.\(column.code)")
        }
        var answers: [RawInteger] = []
        answers.reserveCapacity(layout.questionColumns.count)
        for (question, column) in layout.questionColumns.enumerated() {
            guard let column else {
                throw SKMError(
                    .csvHeader, "Kolom \(q.questions[question].unsur) tidak ada, padahal kuesioner \(q.id) menanyakannya.",
                    field: "answers.\(q.questions[question].unsur)")
            }
            var answer = Self.answer(record.field(column))
            if case .invalid(let text) = answer, let value = q.scaleValue(ofOption: text, question: question) {
                answer = .value(value)  // the option's words, as form tools store them
            }
            answers.append(answer)
        }
        var draft = ResponseDraft(
            questionnaire: q.id, unit: text(.unit), service: text(.service), date: text(.date), time: text(.time),
            answers: .byQuestion(answers), age: text(.age).map { RawInteger(text: $0) } ?? .blank,
            comment: text(.comment), clientID: text(.clientId))
        draft.globalID = text(.idGlobal)
        for (i, profile) in ProfileKey.fields.enumerated() { profile.setDraftValue(&draft, text(at: profileColumn[i])) }
        return draft
    }

    /// The questionnaire a row names in its `questionnaire` column, if the file has one.
    func questionnaireID(_ record: CSVRecord) -> String? {
        guard let i = column[Field.questionnaire.ordinal] else { return nil }
        let s = record.string(i).trimmingSpaces()
        return s.isEmpty ? nil : s
    }

    /// A single digit is the common case; anything else goes through the general reader.
    static func answer(_ bytes: ArraySlice<UInt8>) -> RawInteger {
        if bytes.count == 1, let b = bytes.first, b >= 0x30, b <= 0x39 { return .value(Int(b - 0x30)) }
        if bytes.isEmpty { return .blank }
        return RawInteger(text: String(decoding: bytes, as: UTF8.self))
    }
}

extension RawInteger {
    var isBlank: Bool { self == .blank }
}
