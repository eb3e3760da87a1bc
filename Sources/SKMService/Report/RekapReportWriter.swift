public import SKMCore
import SKMOffice
import SKMReport

/// What `skm report --rekap` and `report.generate` with `rekap: true` ask for.
public struct RekapReportRequest: Sendable {
    /// The rekap itself (year, parent, method, questionnaire, earlier years for the trend).
    public var rekap: RekapRequest
    /// `html`, `md`, `csv` and/or `docx` (the infographic belongs to a unit's annual report).
    public var formats: [ReportFormat]
    /// The output folder; by default `rekap-<year>[-<parent>]` beside the database.
    public var outputDirectory: String?
    /// `,` or `;` for the CSV tables.
    public var separator: Character

    /// A request for `rekap`'s report; by default HTML, Markdown and CSV, a four-year trend.
    public init(
        rekap: RekapRequest, formats: [ReportFormat] = [.html, .markdown, .csv], outputDirectory: String? = nil,
        separator: Character = ","
    ) {
        self.rekap = rekap
        self.formats = formats
        self.outputDirectory = outputDirectory
        self.separator = separator
    }
}

extension SKMService {
    /// Computes the rekap and writes its printable report: the one path of the CLI and the RPC
    /// server. The files appear together or not at all, and replace only files skm wrote there.
    public func generateRekapReport(_ request: RekapReportRequest) throws -> GeneratedReport {
        _ = try CSVSeparator.validated(request.separator)
        // `all` means every format a rekap has; naming `svg` alone is a mistake worth saying.
        let formats =
            Set(request.formats) == Set(ReportFormat.allCases)
            ? ReportFormat.allCases.filter { $0 != .infographic } : request.formats
        if formats.contains(.infographic) {
            throw SKMError(
                .invalidFilter, "Rekap tidak punya infografis (svg); pilih html, md, csv atau docx.", field: "format")
        }
        let rekap = try self.rekap(request.rekap)
        let data = Self.rekapData(rekap, earlierYears: request.rekap.earlierYears)
        let suffix = rekap.parent.map { "-\($0.code)" } ?? ""
        let directory = request.outputDirectory ?? (Self.directory(of: databasePath) + "/rekap-\(rekap.year)\(suffix)")
        try AtomicFile.makeDirectory(directory, visibility: .publication)
        let base = "rekap-ikm-\(rekap.year)\(suffix)"
        let staged = try StagedFiles(directory: directory)
        let document = RekapContent.document(data)
        var names: [(format: ReportFormat, name: String)] = []
        for format in formats {
            switch format {
            case .html:
                try staged.write(HTMLReport.render(document), as: base + ".html")
                names.append((.html, base + ".html"))
            case .markdown:
                try staged.write(MarkdownReport.render(document), as: base + ".md")
                names.append((.markdown, base + ".md"))
            case .csv:
                for table in CSVTables.tables(document, prefix: base) {
                    let name = "tabel-csv/" + table.fileName
                    try staged.write(Self.csv(table, separator: request.separator), as: name)
                    names.append((.csv, name))
                }
            case .docx:
                do {
                    try staged.write(try DocxReport.render(document), as: base + ".docx")
                } catch let error as OfficeError {
                    throw SKMError.office(error, path: directory + "/" + base + ".docx")
                }
                names.append((.docx, base + ".docx"))
            case .infographic:
                break
            }
        }
        try staged.publish()
        var notes: [String] = []
        let gaps = rekap.coverageGaps
        if !gaps.isEmpty {
            notes.append(
                "Unit tanpa data atau dengan sampel kurang: "
                    + gaps.map { "\($0.unit.code) (\($0.coverage.indonesianLabel))" }.joined(separator: ", ") + ".")
        }
        return GeneratedReport(
            year: rekap.year, unit: rekap.parent?.code, directory: directory,
            files: names.map { GeneratedReport.File(format: $0.format, path: directory + "/" + $0.name) },
            result: rekap.consolidated, notes: notes)
    }

    /// The report's view of a rekap: names and labels in Indonesian, numbers untouched.
    static func rekapData(_ rekap: RekapReport, earlierYears: Int) -> RekapData {
        let scope = rekap.parent.map { "unit di bawah \($0.name) (\($0.code))" } ?? "semua unit puncak"
        let units = rekap.units.map { row in
            RekapUnitData(
                code: row.unit.code, name: row.ownDataOnly ? "\(row.unit.name) (responden unit induk sendiri)" : row.unit.name,
                unitCount: row.unitCount, result: row.result, rank: row.rank, weakestUnsur: row.weakestUnsur,
                sample: row.sample.map { (population: $0.population, minimum: $0.minimum) },
                coverageLabel: row.coverage.indonesianLabel, isCoverageGap: row.coverage == .noData || row.coverage == .tooFew,
                trend: row.trend.map { (year: $0.year, ikm: $0.result.ikm) })
        }
        let years = earlierYears > 0 ? Array(max(2000, rekap.year - earlierYears)..<rekap.year) : []
        return RekapData(
            year: rekap.year, scope: scope, method: (rekap.method.indonesianName, rekap.method.indonesianExplanation),
            alternatives: rekap.byMethod.filter { $0.method != rekap.method }.map { ($0.method.indonesianName, $0.result.ikm) },
            questionnaire: rekap.questionnaire, consolidated: rekap.consolidated, units: units, earlierYears: years)
    }
}
