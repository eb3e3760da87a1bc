import SKMCore
import SKMJSON
import SKMService

/// `report.generate`: writes the annual report (or, with `rekap: true`, the consolidated report),
/// like `skm report`, and returns the paths.
enum ReportMethods {
    static let all: [RPCMethod] = [
        RPCMethod("report.generate") { params, context in
            try params.rejectUnknown([
                "year", "unit", "questionnaire", "formats", "out", "population", "profile", "separator", "rekap", "parent",
                "method",
            ])
            let parent = try params.string("parent")
            let method = try params.string("method")
            if try params.bool("rekap") == true {
                for name in ["unit", "population", "profile"] where params.object[name].map({ !$0.isNull }) ?? false {
                    throw SKMError(
                        .usage, "Parameter \"\(name)\" tidak berlaku untuk rekap (pakai \"parent\").", field: name)
                }
                let names = try params.stringList("formats")
                let request = RekapReportRequest(
                    rekap: RekapRequest(
                        year: try params.requiredInt("year"), parent: parent, method: try RekapMethod.parse(method),
                        questionnaire: try params.string("questionnaire"), earlierYears: 4),
                    formats: names.isEmpty ? [.html, .markdown, .csv] : try ReportFormat.parse(names, field: "formats"),
                    outputDirectory: try params.string("out"), separator: try CSVSeparator.parse(try params.string("separator")))
                return ReportJSON.generated(try context.service.generateRekapReport(request))
            }
            for (name, value) in [("parent", parent), ("method", method)] where value != nil {
                throw SKMError(.usage, "Parameter \"\(name)\" hanya berlaku dengan \"rekap\": true.", field: name)
            }
            var profile = ReportProfileSource.automatic
            if let value = params.object["profile"], !value.isNull {
                if let path = value.stringValue {
                    profile = .file(path)
                } else if value.objectValue != nil {
                    profile = .json(value)
                } else {
                    throw SKMError(
                        .wrongType,
                        "Parameter \"profile\" harus objek profil atau teks jalur berkas, bukan \(value.indonesianTypeName).",
                        field: "profile")
                }
            }
            let separator = try CSVSeparator.parse(try params.string("separator"))
            let request = ReportRequest(
                year: try params.requiredInt("year"), unit: try params.string("unit"),
                formats: try ReportFormat.parse(try params.stringList("formats"), field: "formats"),
                outputDirectory: try params.string("out"), population: try params.int("population"), profile: profile,
                separator: separator, questionnaire: try params.string("questionnaire"))
            return ReportJSON.generated(try context.service.generateReport(request))
        }
    ]
}
