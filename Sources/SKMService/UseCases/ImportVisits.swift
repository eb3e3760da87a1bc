import SKMCore
import SKMJSON
import SKMStore

/// The import of a CSV file whose rows are visits: shared columns (date, unit, service, time,
/// profile, saran, clientId) without a prefix, and each questionnaire's answers in columns named
/// `PREFIX.UNSUR` (`skm.U1`, `ipkp.U9`, `ipak.U5`; the questionnaire's id also works as the prefix:
/// `ipak-90-2021.U1`). Every row becomes one visit (`submitVisits`); all or nothing unless `--skip-invalid`.
///
/// A row without a `clientId` gets one from its bytes and its occurrence (`impor:<hash>:<k>`): the
/// k-th row of a file with given content is stored once however often the file is imported, so a
/// file imported again, or grown and imported again, stores only its new rows, like an ordinary
/// import. Rows found stored by that fingerprint are counted as `skipped` (same content), rows
/// found by their own `clientId` as `duplicates`.
struct VisitColumns {
    let set: SurveySet
    let count: Int
    /// Shared fields → column.
    var shared: [CSVColumns.Field: Int] = [:]
    var profile: [Int?] = Array(repeating: nil, count: ProfileKey.fields.count)
    /// For each member of the set (set order): its answer columns (unsur code, column).
    var answers: [[(code: String, index: Int)]]
    /// Columns read but not stored, and identity columns left out, as the header writes them.
    var ignored: [String] = []
    var identity: [String] = []

    /// The member and unsur code of a `PREFIX.UNSUR` header, if it is one of the set's.
    static func split(_ name: String, set: SurveySet) -> (member: Int, code: String)? {
        guard let dot = name.lastIndex(of: ".") else { return nil }
        let prefix = String(name[..<dot]).trimmingSpaces().lowercased()
        let code = CSVColumns.key(String(name[name.index(after: dot)...]))
        guard let member = set.members.firstIndex(where: { $0.prefix == prefix || $0.questionnaire == prefix }),
            CSVColumns.isAnswerColumn(code)
        else { return nil }
        return (member, code.uppercased())
    }

    /// True when some header names a set member's answers: the file is a file of visits.
    static func isVisitHeader(_ header: [String], set: SurveySet) -> Bool {
        header.contains { split($0.trimmingSpaces(), set: set) != nil }
    }

    /// Reads the header; an unknown column, or a questionnaire of the set with an unsur missing, is `csv_header`.
    init(header: [String], set: SurveySet, catalog: QuestionnaireCatalog) throws {
        self.set = set
        count = header.count
        answers = Array(repeating: [], count: set.members.count)
        var unknown: [String] = []
        for (i, raw) in header.enumerated() {
            let name = raw.trimmingSpaces()
            let key = CSVColumns.key(name)
            if let (member, code) = Self.split(name, set: set) {
                answers[member].append((code, i))
            } else if let field = CSVColumns.aliases[key], field != .questionnaire {
                shared[field] = i
            } else if let p = CSVColumns.profileAliases[key] {
                profile[p] = i
            } else if CSVColumns.identity.contains(key) {
                identity.append(name)
            } else if CSVColumns.notStored.contains(key) || CSVColumns.ignored.contains(key) {
                ignored.append(name)
            } else {
                unknown.append(name)
            }
        }
        if !unknown.isEmpty {
            let prefixes = set.members.map(\.prefix).joined(separator: ", ")
            throw SKMError(
                .csvHeader,
                "Kolom tidak dikenal: \(unknown.prefix(10).map { "\"\($0.clipped(30))\"" }.joined(separator: ", ")). Dalam berkas kunjungan, jawaban ditulis PREFIKS.UNSUR (prefiks set \(set.name): \(prefixes)), mis. ipak.U1.",
                details: ["unknown": .array(unknown.prefix(10).map { .string(String($0.prefix(100))) })])
        }
        var missing = [CSVColumns.Field.date, .unit, .service].filter { shared[$0] == nil }.map(\.rawValue)
        for (m, member) in set.members.enumerated() {
            let q = try catalog.questionnaire(member.questionnaire)
            missing += q.unsur.map(\.code).filter { code in !answers[m].contains { $0.code == code.uppercased() } }
                .map { "\(member.prefix).\($0)" }
        }
        if !missing.isEmpty {
            throw SKMError(
                .csvHeader, "Kolom wajib tidak ada: \(missing.joined(separator: ", ")).",
                details: ["missing": .array(missing.map { .string($0) })])
        }
    }

    /// A date as offices' sheets and form tools write it (`14/03/2025`, `2025/03/14 9:05:12 AM GMT+7`;
    /// the import rule, `DateText`) in ISO form; a timestamp whose day and month could swap is refused;
    /// any other text unchanged for the validator to judge.
    static func isoDate(_ text: String?) throws -> String? {
        guard let text, CivilDate(iso: text) == nil else { return text }
        switch DateText.read(text) {
        case .date(let date): return date.iso
        case .ambiguous: throw ResponseValidator.ambiguousDate(text)
        case .invalid: return text
        }
    }

    /// The visit of one data row.
    func draft(_ record: CSVRecord) throws -> VisitDraft {
        guard record.count == count else {
            throw SKMError(
                .csvMalformed,
                "Baris ini punya \(record.count) kolom, baris judul \(count). Periksa pemisah (, atau ;) dan tanda kutip.")
        }
        func text(_ index: Int?) -> String? {
            guard let index else { return nil }
            let s = CSVWriter.unneutralised(record.string(index)).trimmingSpaces()
            return s.isEmpty ? nil : s
        }
        let date = try Self.isoDate(text(self.shared[.date]))
        var shared = ResponseDraft(
            unit: text(self.shared[.unit]), service: text(self.shared[.service]), date: date,
            time: text(self.shared[.time]), age: text(self.shared[.age]).map { RawInteger(text: $0) } ?? .blank,
            comment: text(self.shared[.comment]))
        for (i, field) in ProfileKey.fields.enumerated() { field.setDraftValue(&shared, text(profile[i])) }
        let sheets = zip(set.members, answers).map { member, columns in
            (
                key: member.prefix,
                sheet: AnswerSheet.byUnsur(columns.map { (code: $0.code, answer: CSVColumns.answer(record.field($0.index))) })
            )
        }
        return VisitDraft(set: set, shared: shared, answers: sheets, clientID: text(self.shared[.clientId]))
    }
}

extension SKMService {
    /// The survey set a CSV file's header is written for, when its answers are prefixed by
    /// questionnaire (`ipak.U1`); nil for an ordinary one-questionnaire file.
    func visitSet(ofCSV path: String, named name: String?) throws -> SurveySet? {
        var reader = CSVReader(source: try ByteSource(path: path))
        guard try reader.next() else { return nil }
        let header = (0..<reader.record.count).map { reader.record.string($0) }
        if let name { return try SurveySet.named(name) }
        return SurveySet.builtIn.first { VisitColumns.isVisitHeader(header, set: $0) }
    }

    /// Imports a CSV file of visits (see `VisitColumns`): every row checked, then all stored in one
    /// transaction, or nothing when any row is bad (each bad row reported with its line); with
    /// `skipInvalid` the good rows are stored.
    func importVisits(path: String, set: SurveySet, options: ImportOptions) throws -> ImportReport {
        let catalog = try self.catalog()
        var reader = CSVReader(source: try ByteSource(path: path))
        guard try reader.next() else { throw SKMError(.csvHeader, "Berkas \(path) kosong: tidak ada baris judul.") }
        let columns = try VisitColumns(
            header: (0..<reader.record.count).map { reader.record.string($0) }, set: try set.validated(), catalog: catalog)
        var report = ImportReport(format: .csv)
        report.ignoredColumns = columns.ignored
        report.identityColumns = columns.identity
        report.dryRun = options.dryRun
        var drafts: [VisitDraft] = []
        var fingerprinted: [Bool] = []
        var occurrences: [String: Int] = [:]
        while try reader.next() {
            let record = reader.record
            if record.isBlank { continue }
            report.rowsRead += 1
            do {
                var draft = try columns.draft(record)
                let byContent = draft.clientID == nil
                if byContent {
                    var hash = SHA256()
                    for field in 0..<record.count {
                        hash.update(record.field(field))
                        hash.update([0x1F])
                    }
                    let digest = String(hash.hexDigest().prefix(32))
                    occurrences[digest, default: 0] += 1
                    draft.clientID = "impor:\(digest):\(occurrences[digest] ?? 1)"
                }
                _ = try prepare(draft)
                fingerprinted.append(byContent)
                drafts.append(draft)
            } catch let error as SKMError where error.isAboutTheInput {
                report.invalidRows += 1
                if report.errors.count < ImportReport.errorLimit {
                    let column = error.field.map { $0.hasPrefix("answers.") ? String($0.dropFirst("answers.".count)) : $0 }
                    report.errors.append(ImportRowError(row: record.line, column: column, error: error))
                }
            }
        }
        guard report.invalidRows == 0 || options.skipInvalid, !options.dryRun, !drafts.isEmpty else { return report }
        let results = try submitVisits(drafts)
        report.committed = true
        report.visits = results.filter { !$0.duplicate }.count
        report.stored = results.filter { !$0.duplicate }.map(\.responses.count).reduce(0, +)
        let repeated = zip(results, fingerprinted).filter { $0.0.duplicate }
        report.skipped = repeated.filter { $0.1 }.count
        report.duplicates = repeated.count - report.skipped
        return report
    }
}
