import SKMCore
public import SKMJSON

/// The JSON shape of a written report (`report.generate`): the paths written and the headline.
public enum ReportJSON {
    /// The report's year, unit, folder, files written and headline IKM, for `report.generate`.
    public static func generated(_ report: GeneratedReport) -> JSONValue {
        let r = report.result
        return [
            "year": .int(report.year),
            "unit": .string(report.unit),
            "directory": .string(report.directory),
            "files": .array(report.files.map { ["format": .string($0.format.rawValue), "path": .string($0.path)] }),
            "respondents": .int(r.respondents),
            "ikm": .double(r.ikm),
            "ikmDisplay": .double(r.ikmDisplayed),
            "mutu": .string(r.band?.mutu),
            "kinerja": .string(r.band?.kinerja),
            "notes": .array(report.notes.map { .string($0) }),
        ]
    }
}
