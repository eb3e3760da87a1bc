import SKMCore
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
        try AtomicFile.makeDirectory(directory)
        let base = "laporan-skm-\(request.year)\(suffix)"
        var files: [GeneratedReport.File] = []
        let document = ReportContent.document(data)
        for format in request.formats {
            switch format {
            case .html:
                let path = directory + "/" + base + ".html"
                try AtomicFile.write(HTMLReport.render(document), to: path)
                files.append(.init(format: .html, path: path))
            case .markdown:
                let path = directory + "/" + base + ".md"
                try AtomicFile.write(MarkdownReport.render(document), to: path)
                files.append(.init(format: .markdown, path: path))
            case .infographic:
                let path = directory + "/infografis-ikm-\(request.year)\(suffix).svg"
                try AtomicFile.write(Infographic.render(data), to: path)
                files.append(.init(format: .infographic, path: path))
            case .csv:
                let folder = directory + "/tabel-csv"
                try AtomicFile.makeDirectory(folder)
                for table in CSVTables.tables(document, prefix: base) {
                    let path = folder + "/" + table.fileName
                    try AtomicFile.write(Self.csv(table, separator: request.separator), to: path)
                    files.append(.init(format: .csv, path: path))
                }
            }
        }
        return GeneratedReport(
            year: request.year, unit: unit, directory: directory, files: files, result: data.overall, notes: notes)
    }

    /// One table as Excel-safe CSV (the writer gives numbers the separator's decimal mark).
    static func csv(_ table: CSVTables.Table, separator: Character) -> String {
        let writer = CSVWriter(separator: separator)
        var out = writer.byteOrderMark + writer.line(table.header.map { .text($0) })
        for row in table.rows {
            out += writer.line(row.map { value in
                switch value {
                case .text(let s): return .text(s)
                case .number(let n): return .number(n)
                }
            })
        }
        return out
    }
}
