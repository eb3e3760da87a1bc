import SKMCore
import SKMJSON
import SKMService

/// `report.generate`: writes the annual report, like `skm report`, and returns the paths.
enum ReportMethods {
    static let all: [RPCMethod] = [
        RPCMethod("report.generate") { params, context in
            try params.rejectUnknown(["year", "unit", "questionnaire", "formats", "out", "population", "profile", "separator"])
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
