import SKMCore
public import SKMJSON

/// A file format of the annual report.
public enum ReportFormat: String, Sendable, CaseIterable {
    case html
    case markdown = "md"
    case csv
    /// The one-page infographic (SVG).
    case infographic = "svg"
    /// The report as an editable Word document.
    case docx

    /// Reads `html`, `md`, `csv`, `svg`, `docx` (also `markdown`, `infografis`, `word`) or `all`/`semua`.
    public static func parse(_ names: [String], field: String) throws -> [ReportFormat] {
        var formats: [ReportFormat] = []
        for raw in names {
            let name = raw.trimmingSpaces().lowercased()
            let parsed: [ReportFormat]
            switch name {
            case "all", "semua": parsed = allCases
            case "html": parsed = [.html]
            case "md", "markdown": parsed = [.markdown]
            case "csv": parsed = [.csv]
            case "svg", "infografis", "infographic": parsed = [.infographic]
            case "docx", "word": parsed = [.docx]
            default:
                throw SKMError(
                    .invalidFilter,
                    "Format laporan \"\(raw.clipped(20))\" tidak dikenal; pilih html, md, csv, svg, docx atau all.",
                    field: field)
            }
            for f in parsed where !formats.contains(f) { formats.append(f) }
        }
        return formats.isEmpty ? allCases : formats
    }
}

/// Where the office profile and the RTL entries come from.
public enum ReportProfileSource: Sendable {
    /// `skm-report.json` beside the database, else in the current folder, else none.
    case automatic
    /// A file named by the user (`--profile FILE`, RPC `profile` as a path).
    case file(String)
    /// Given inline (RPC `profile` as an object), in the format of `skm-report.json`.
    case json(JSONValue)
}

/// What `skm report` and `report.generate` ask for.
public struct ReportRequest: Sendable {
    /// The survey year reported on.
    public var year: Int
    /// A unit code to report on one unit only; nil for all units.
    public var unit: String?
    /// Needed only when the year's data was answered on several questionnaires.
    public var questionnaire: String?
    /// The files to write, in order without repeats (see `ReportFormat.parse`).
    public var formats: [ReportFormat]
    /// The output folder; by default `laporan-<year>[-<unit>]` beside the database.
    public var outputDirectory: String?
    /// Service users in the year (overrides the profile's `population`).
    public var population: Int?
    /// Where the office profile and RTL come from.
    public var profile: ReportProfileSource
    /// `,` or `;` for the CSV tables.
    public var separator: Character

    /// A request with the defaults `skm report` uses: every format, the automatic profile, `,` separator.
    public init(
        year: Int, unit: String? = nil, formats: [ReportFormat] = ReportFormat.allCases, outputDirectory: String? = nil,
        population: Int? = nil, profile: ReportProfileSource = .automatic, separator: Character = ",",
        questionnaire: String? = nil
    ) {
        self.year = year
        self.unit = unit
        self.questionnaire = questionnaire
        self.formats = formats
        self.outputDirectory = outputDirectory
        self.population = population
        self.profile = profile
        self.separator = separator
    }
}
