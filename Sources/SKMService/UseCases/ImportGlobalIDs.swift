import SKMCore
import SKMJSON
import SKMStore

/// The global ids (`idGlobal`) an import file carries, checked as the import goes.
///
/// One rule with `skm merge`: a response is the same response wherever its global id is. A row whose
/// id is stored here is already here (`sudah ada`, nothing stored); a row with an unknown id is stored
/// keeping it; the same id twice in one file is a duplicate when the content is the same and a row
/// error (`global_id_conflict`) when it is not. The ids stored here are read once into a set
/// (`Store.knownIDs`, as the merge does, no index on disk), and only when a row carries an id, so a
/// file without the column costs nothing. A recognised row whose content differs from the stored
/// response is found by `conflicts(in:)` after the rows are read (one pass over the responses).
struct ImportGlobalIDs {
    /// A row of this file that carried an id: where, and its content's fingerprint (`ImportKey`).
    struct Seen {
        let line: Int
        let key: Int64
    }

    /// What to do with a row that carries a global id.
    enum Decision {
        /// Stored here already: count it as a duplicate, store nothing.
        case alreadyHere
        /// An earlier row of this file with the same content: a duplicate too.
        case repeatedInFile
        /// Not known: store the row keeping this id.
        case new(GlobalID)
    }

    let store: Store?
    var known: KnownIDs?
    /// Ids of rows of this file stored (or about to be) by this import.
    var inFile: [GlobalID: Seen] = [:]
    /// Ids of rows recognised as stored here, to compare their content with the stored responses.
    var recognised: [GlobalID: Seen] = [:]

    init(store: Store?) {
        self.store = store
    }

    /// Decides about a valid row carrying `text` (already checked by `TextRules.globalID`).
    mutating func decide(_ text: String, key: Int64, line: Int) throws -> Decision {
        guard let id = GlobalID(text) else {
            throw SKMError(.invalidValue, "ID global \"\(text.clipped(40))\" tidak sah.", field: "idGlobal")
        }
        if let first = inFile[id] ?? recognised[id] {
            guard first.key == key else {
                throw Self.conflict(
                    text, with: "baris \(IndonesianNumber.format(first.line)) berkas ini",
                    details: ["firstRow": .int(first.line)])
            }
            return .repeatedInFile
        }
        if known == nil { known = try store?.knownIDs() ?? KnownIDs() }
        if known?.hasResponse(id) == true {
            recognised[id] = Seen(line: line, key: key)
            return .alreadyHere
        }
        return .new(id)
    }

    /// Records a row stored (or checked, in a dry run) under `id`.
    mutating func remember(_ id: GlobalID, key: Int64, line: Int) {
        inFile[id] = Seen(line: line, key: key)
    }

    /// The recognised rows whose content differs from the response stored under their id, in file order.
    func conflicts() throws -> [(line: Int, error: SKMError)] {
        guard !recognised.isEmpty, let store else { return [] }
        var found: [(line: Int, error: SKMError)] = []
        try store.forEachResponse(ResponseQuery(), includeVoided: true) { stored in
            guard let text = stored.globalID, let id = GlobalID(text), let seen = recognised[id] else { return }
            if ImportKey.of(stored.content) != seen.key {
                let error = Self.conflict(
                    text, with: "respons #\(stored.id) di basis data ini", details: ["existingId": .int(Int(stored.id))])
                found.append((seen.line, error))
            }
        }
        return found.sorted { $0.line < $1.line }
    }

    static func conflict(_ text: String, with holder: String, details: JSONValue) -> SKMError {
        SKMError(
            .globalIDConflict,
            "ID global \(text) sudah dipakai \(holder) dengan isi lain; baris ini tidak disimpan. Satu respons punya satu ID global: periksa apakah isi baris diubah setelah diekspor, atau kosongkan kolom idGlobal agar dicatat sebagai respons baru.",
            field: "idGlobal", details: details)
    }
}

extension SKMService {
    /// Rows recognised by their global id whose content differs from the stored response: each becomes a
    /// row error (not a duplicate); unless `skipInvalid`, `rollback` is called and nothing is stored.
    func refuseChangedRows(
        _ conflicts: [(line: Int, error: SKMError)], rows: any ImportRows, into report: inout ImportReport,
        options: ImportOptions, rollback: () -> Void
    ) {
        guard !conflicts.isEmpty else { return }
        for conflict in conflicts {
            report.invalidRows += 1
            report.duplicates = max(0, report.duplicates - 1)
            if report.errors.count < ImportReport.errorLimit {
                report.errors.append(
                    ImportRowError(
                        row: conflict.line, column: rows.column(for: "idGlobal", questionnaire: nil), error: conflict.error))
            }
        }
        report.errors.sort { $0.row < $1.row }
        if !options.skipInvalid { rollback() }
    }
}
