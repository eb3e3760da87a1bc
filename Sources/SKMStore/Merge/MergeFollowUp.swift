import SKMCore
import SKMJSON

/// One append-only follow-up table (`FollowUpSchema`) as a merge copies it.
///
/// Identity is a content key, not a stored id: rows are copied verbatim (the recording time
/// included) and never rewritten on either side, so an item's first version is the same on
/// every database that holds it. An item is its first version's content (an RTL item imported
/// from skm-report.json: its import key); a later version is the item's key and version, and
/// the same key and version with other content on both sides is a conflict (both databases
/// corrected the item differently) that stops the source.
struct FollowUpTable {
    let name: String
    /// What the merge names it in messages.
    let label: String
    /// Every column but `id`, `number` and `version`, in this order.
    let columns: [String]
    /// The position in `columns` of the unit code (mapped by `--unit-map`), if any.
    let unitColumn: Int?
    /// The position in `columns` of the import key (the item's identity when set), if any.
    let importKeyColumn: Int?

    static let rtl = FollowUpTable(
        name: "rtl_entries", label: "RTL",
        columns: [
            "year", "unsur", "questionnaire", "program", "penanggung_jawab", "target", "planned_on", "unit_code",
            "service_code", "done_on", "evidence", "cancelled", "reason", "action", "import_key", "recorded_at",
        ], unitColumn: 7, importKeyColumn: 14)

    static let publications = FollowUpTable(
        name: "publication_entries", label: "publikasi",
        columns: ["year", "medium", "published_on", "link", "note", "void_reason", "recorded_at"], unitColumn: nil,
        importKeyColumn: nil)
}

/// One version of a follow-up entry: its number in its database, its version, the other columns.
struct FollowUpRow {
    let number: Int64
    let version: Int64
    var values: [SQLValue]

    /// The values as one comparable text (storage class and value of each column).
    var content: String {
        values.map { value -> String in
            switch value {
            case .null: "n"
            case .int(let v): "i\(v)"
            case .double(let v): "d\(v)"
            case .text(let s): "t\(s.utf8.count):\(s)"
            }
        }.joined(separator: "\u{1F}")
    }
}

extension FollowUpTable {
    var select: String { "SELECT number, version, \(columns.joined(separator: ", ")) FROM \(name) ORDER BY number, version" }

    /// Reads every version through `step`/`value` of a prepared `select`.
    static func rows(_ statement: Statement, columnCount: Int) throws -> [FollowUpRow] {
        var rows: [FollowUpRow] = []
        while try statement.step() {
            rows.append(
                FollowUpRow(
                    number: statement.int64(0), version: statement.int64(1),
                    values: (0..<columnCount).map { statement.value(Int32($0 + 2)) }))
        }
        return rows
    }

    /// The item's identity from its first version.
    func key(ofFirst row: FollowUpRow) -> String {
        if let importKeyColumn, case .text(let key) = row.values[importKeyColumn] { return "k" + key }
        return "c" + row.content
    }
}

extension MergeSource {
    /// Every version of the table's entries, by number and version.
    func followUpRows(_ table: FollowUpTable) throws -> [FollowUpRow] {
        try FollowUpTable.rows(try db.prepare(table.select), columnCount: table.columns.count)
    }
}

extension Store {
    /// Carries the source's RTL register and publication log (see `FollowUpTable`); unit codes
    /// follow the merge's unit map. Returns nothing; counts the versions added.
    func carryFollowUp(from source: MergeSource, unitCodes: [String: String], counts: inout MergeCounts) throws {
        counts.rtlVersionsAdded += try carry(.rtl, from: source, unitCodes: unitCodes)
        counts.publicationVersionsAdded += try carry(.publications, from: source, unitCodes: unitCodes)
    }

    func carry(_ table: FollowUpTable, from source: MergeSource, unitCodes: [String: String]) throws -> Int {
        var sourceRows = try source.followUpRows(table)
        guard !sourceRows.isEmpty else { return 0 }
        if let unitColumn = table.unitColumn {
            for index in sourceRows.indices {
                if case .text(let code) = sourceRows[index].values[unitColumn], let mapped = unitCodes[code] {
                    sourceRows[index].values[unitColumn] = .text(mapped)
                }
            }
        }
        // Items here: key → number, and the content of each (number, version).
        let hereRows = try FollowUpTable.rows(try db.prepare(table.select), columnCount: table.columns.count)
        var numberHere: [String: Int64] = [:]
        var contentHere: [Int64: [Int64: String]] = [:]
        var nextNumber: Int64 = 1
        for row in hereRows {
            if row.version == 1 { numberHere[table.key(ofFirst: row)] = row.number }
            contentHere[row.number, default: [:]][row.version] = row.content
            nextNumber = max(nextNumber, row.number + 1)
        }
        let placeholders = Array(repeating: "?", count: table.columns.count + 2).joined(separator: ", ")
        let insert = try statement(
            "INSERT INTO \(table.name)(number, version, \(table.columns.joined(separator: ", "))) VALUES (\(placeholders))")
        var added = 0
        var sourceNumberHere: [Int64: Int64] = [:]
        for row in sourceRows {
            let number: Int64
            if let mapped = sourceNumberHere[row.number] {
                number = mapped
            } else {
                guard row.version == 1 else { throw Self.corruptSource("\(table.name) \(row.number)") }
                let key = table.key(ofFirst: row)
                if let found = numberHere[key] {
                    number = found
                } else {
                    number = nextNumber
                    nextNumber += 1
                    numberHere[key] = number
                }
                sourceNumberHere[row.number] = number
            }
            if let existing = contentHere[number]?[row.version] {
                guard existing != row.content else { continue }
                throw SKMError(
                    .mergeConflict,
                    "\(table.label) nomor \(row.number) di sumber (nomor \(number) di sini) diubah berbeda pada versi \(row.version) di kedua basis data. Samakan dulu catatan itu di salah satu basis data.",
                    field: "source",
                    details: ["register": .string(table.label), "number": .int(Int(number)), "version": .int(Int(row.version))])
            }
            try insert.run([.int(number), .int(row.version)] + row.values)
            contentHere[number, default: [:]][row.version] = row.content
            added += 1
        }
        return added
    }
}
