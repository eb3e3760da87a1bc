import SKMCore
import SKMJSON
import SKMStore

/// What `skm export` and `response.export` write: the format, which responses, and the CSV separator.
public struct ExportOptions: Sendable {
    /// CSV (the default) or JSON Lines; `xlsx` goes through `exportWorkbook`, not `export`.
    public var format: DataFormat
    /// Which responses are written.
    public var filter: SurveyFilter
    /// Whether voided responses are written too (they never count in an IKM).
    public var includeVoided: Bool
    /// `,` or `;` (Indonesian Excel).
    public var separator: Character

    /// Options with the defaults: CSV, all data, voided responses left out, `,` separator.
    public init(
        format: DataFormat = .csv, filter: SurveyFilter = SurveyFilter(), includeVoided: Bool = false, separator: Character = ","
    ) {
        self.format = format
        self.filter = filter
        self.includeVoided = includeVoided
        self.separator = separator
    }
}

extension SKMService {
    /// Streams the matching responses as CSV (one questionnaire, answer columns by unsur code,
    /// safe for Excel) or JSON Lines (the `response.get` shape); returns how many were written.
    public func export(_ options: ExportOptions, write: (String) throws -> Void) throws -> Int {
        _ = try CSVSeparator.validated(options.separator)
        let store = try existingStore()
        let filter = try resolve(options.filter)
        var count = 0
        switch options.format {
        case .xlsx:
            throw SKMError(.usage, "Ekspor xlsx ditulis ke berkas: pakai --out BERKAS.xlsx.", field: "out")
        case .jsonl:
            let catalog = try self.catalog()
            try store.forEachResponse(filter.query, includeVoided: options.includeVoided) { r in
                let q = try? catalog.questionnaire(r.content.questionnaireID)
                try write(JSONWriter.compact.string(ResponseJSON.stored(r, questionnaire: q, globalID: true)) + "\n")
                count += 1
            }
        case .csv:
            let q = try questionnaireForData(filter)
            var query = filter.query
            query.questionnaireID = q.id
            let csv = CSVWriter(separator: options.separator)
            var header = ["id", "questionnaire", "date", "unit", "service", "time"] + q.unsur.map(\.code)
            header += ProfileKey.fields.map(\.name) + ["age", "comment", "clientId", "createdAt", "idGlobal"]
            if options.includeVoided { header += ["voided", "voidedAt", "voidReason"] }
            try write(csv.byteOrderMark + csv.line(header.map { .text($0) }))
            try store.forEachResponse(query, includeVoided: options.includeVoided) { r in
                let c = r.content
                var cells: [CSVCell] = [
                    .number(String(r.id)), .text(c.questionnaireID), .text(c.date.iso), .text(c.unitCode),
                    .text(c.serviceCode), .optionalText(c.timeSlot),
                ]
                cells += c.answers.map { .number($0 == 0 ? "" : String($0)) }
                // A mapped word (`Petani`) is written as written: an import maps it to the same category again.
                cells += ProfileKey.fields.map {
                    .optionalText($0.wordAsWritten(c.respondent) ?? $0.respondentValue(c.respondent))
                }
                cells += [.int(c.respondent.age), .optionalText(c.comment), .optionalText(r.clientID), .text(r.createdAt)]
                cells.append(.optionalText(r.globalID))
                if options.includeVoided {
                    cells += [.text(r.isVoided ? "true" : "false"), .optionalText(r.voidedAt), .optionalText(r.voidReason)]
                }
                try write(csv.line(cells))
                count += 1
            }
        }
        return count
    }
}

extension SKMService {
    /// `skm export --format xlsx --out FILE`: the audit workbook of the export's filter (data sheet,
    /// live formulas, skm's values beside them; see `ikmWorkbook`) written to a new owner-only file.
    /// Voided responses are never in it (they never count), so `includeVoided` is refused.
    public func exportWorkbook(_ options: ExportOptions, to path: String, replacing: OutputFile.Replacing) throws -> Int {
        guard !options.includeVoided else {
            throw SKMError(
                .usage, "--include-voided tidak berlaku untuk xlsx: lembar Olah Data hanya menghitung respons yang sah.",
                field: "includeVoided")
        }
        return try writeIKMWorkbook(IKMRequest(filter: options.filter), to: path, replacing: replacing)
    }
}
