public import SKMCore
import SKMOffice
import SKMReport

/// What `generateReport` wrote.
public struct GeneratedReport: Sendable {
    /// One file written.
    public struct File: Sendable, Equatable {
        /// The format of the file.
        public let format: ReportFormat
        /// The file's path, inside `directory`.
        public let path: String
    }

    /// The reported year.
    public let year: Int
    /// The unit reported on, as normalised; nil for all units.
    public let unit: String?
    /// The folder the files were written to, created when missing.
    public let directory: String
    /// One entry per requested format, in request order.
    public let files: [File]
    /// The year's overall IKM result the report presents.
    public let result: IKMResult
    /// Things the person should know: missing profile fields, an empty year, an unusable logo.
    public let notes: [String]
}

extension SKMService {
    /// Gathers, renders and writes the annual report: the one path the CLI (`skm report`), the
    /// RPC server (`report.generate`) and `skm demo` all take. Files are written atomically.
    public func generateReport(_ request: ReportRequest) throws -> GeneratedReport {
        _ = try CSVSeparator.validated(request.separator)
        let (data, notes) = try annualReportData(request)
        let unit = try request.unit.map { try TextRules.code($0, field: "unit", what: "unit") }
        let suffix = unit.map { "-\($0)" } ?? ""
        let directory = request.outputDirectory ?? (Self.directory(of: databasePath) + "/laporan-\(request.year)\(suffix)")
        try AtomicFile.makeDirectory(directory, visibility: .publication)
        let base = "laporan-skm-\(request.year)\(suffix)"
        var names: [(format: ReportFormat, name: String)] = []
        // Every file is written into a staging folder first: a failure midway leaves no partial set.
        let staged = try StagedFiles(directory: directory)
        let document = ReportContent.document(data)
        for format in request.formats {
            switch format {
            case .html:
                let name = base + ".html"
                try staged.write(HTMLReport.render(document), as: name)
                names.append((.html, name))
            case .markdown:
                let name = base + ".md"
                try staged.write(MarkdownReport.render(document), as: name)
                names.append((.markdown, name))
            case .docx:
                let name = base + ".docx"
                do {
                    try staged.write(try DocxReport.render(document), as: name)
                } catch let error as OfficeError {
                    throw SKMError.office(error, path: directory + "/" + name)
                }
                names.append((.docx, name))
            case .infographic:
                let name = "infografis-ikm-\(request.year)\(suffix).svg"
                try staged.write(Infographic.render(data), as: name)
                names.append((.infographic, name))
            case .csv:
                for table in CSVTables.tables(document, prefix: base) {
                    let name = "tabel-csv/" + table.fileName
                    try staged.write(Self.csv(table, separator: request.separator), as: name)
                    names.append((.csv, name))
                }
            }
        }
        // A re-run's CSV tables replace the earlier run's of the same report, whose numbers may differ.
        let csvPrefix = "tabel-csv/" + base + "-"
        let writesCSV = request.formats.contains(.csv)
        try staged.publish { name in
            // `<base>-NN-<table id>.csv`: another unit's tables (`<base>-KODE-…`) are not this report's.
            guard writesCSV, name.hasPrefix(csvPrefix), name.hasSuffix(".csv") else { return false }
            let rest = Array(name.dropFirst(csvPrefix.count).dropLast(4))
            return rest.count > 3 && rest[0].isASCII && rest[0].isNumber && rest[1].isASCII && rest[1].isNumber && rest[2] == "-"
                && rest[3...].allSatisfy { ($0.isASCII && $0.isLowercase) || $0 == "-" }
        }
        let files = names.map { GeneratedReport.File(format: $0.format, path: directory + "/" + $0.name) }
        return GeneratedReport(
            year: request.year, unit: unit, directory: directory, files: files, result: data.overall, notes: notes)
    }

    /// One table as Excel-safe CSV (the writer gives numbers the separator's decimal mark).
    static func csv(_ table: CSVTables.Table, separator: Character) -> String {
        let writer = CSVWriter(separator: separator)
        var out = writer.byteOrderMark + writer.line(table.header.map { .text($0) })
        for row in table.rows {
            out += writer.line(
                row.map { value in
                    switch value {
                    case .text(let s): return .text(s)
                    case .number(let n): return .number(n)
                    }
                })
        }
        return out
    }
}
