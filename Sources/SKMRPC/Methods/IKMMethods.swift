import SKMCore
import SKMJSON
import SKMService

/// `ikm.compute`, `ikm.rekap`, `ikm.score`, `ikm.classify`, `sample.size`, `zi.summary`.
enum IKMMethods {
    static let all: [RPCMethod] = [
        RPCMethod("ikm.rekap") { params, context in
            try params.rejectUnknown(["year", "parent", "method", "questionnaire"])
            let request = RekapRequest(
                year: try params.requiredInt("year"), parent: try params.string("parent"),
                method: try RekapMethod.parse(try params.string("method")), questionnaire: try params.string("questionnaire"))
            return RekapJSON.report(try context.service.rekap(request))
        },
        RPCMethod("ikm.compute") { params, context in
            try params.rejectUnknown(["filter", "weighting", "aggregation", "by", "population"])
            let request = IKMRequest(
                filter: try SurveyFilter(json: try params.nested("filter")), weighting: try weighting(params),
                aggregation: try Aggregation.parse(try params.string("aggregation")),
                breakdowns: try Breakdown.parse(try params.stringList("by")), population: try params.int("population"))
            return IKMJSON.report(try context.service.computeIKM(request))
        },
        RPCMethod("ikm.score") { params, context, out in
            try params.rejectUnknown(["questionnaire", "answers", "weighting"])
            guard let items = try params.array("answers") else {
                throw SKMError(
                    .missingField,
                    "Parameter \"answers\" wajib diisi: array respons, tiap respons array jawaban atau objek per unsur.",
                    field: "answers")
            }
            var sheets: [AnswerSheet] = []
            sheets.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                sheets.append(try ResponseJSON.sheet(item, field: "answers[\(index)]"))
            }
            let (result, questionnaire) = try context.service.score(
                questionnaire: try params.string("questionnaire"), sheets: sheets, weighting: try weighting(params))
            IKMJSON.write(result, questionnaire: questionnaire, into: &out)
        },
        RPCMethod("ikm.classify") { params, context in
            try params.rejectUnknown(["ikm", "questionnaire"])
            guard let ikm = try params.double("ikm") else {
                throw SKMError(.missingField, "Parameter \"ikm\" wajib diisi (angka 25–100).", field: "ikm")
            }
            let (band, _) = try context.service.classify(ikm: ikm, questionnaire: try params.string("questionnaire"))
            return [
                "ikm": .double(ikm), "ikmDisplay": .double(DisplayRounding.round(ikm, decimals: 2)),
                "mutu": .string(band.mutu), "kinerja": .string(band.kinerja),
            ]
        },
        RPCMethod("zi.summary") { params, context in
            try params.rejectUnknown(["year", "unit", "ipkp", "ipak"])
            let summary = try context.service.zonaIntegritas(
                year: try params.requiredInt("year"), units: try params.stringList("unit"),
                ipkp: try params.string("ipkp") ?? ZISurveys.ipkp, ipak: try params.string("ipak") ?? ZISurveys.ipak)
            return ZIJSON.summary(summary)
        },
        RPCMethod("sample.size") { params, context in
            try params.rejectUnknown(["population"])
            let population = try params.requiredInt("population")
            return IKMJSON.sampleSize(population: population, minimum: try context.service.sampleSize(population: population))
        },
    ]

    /// `weighting` as a name (`"exact"`, `"0.111"`, `"0.11"`, `"0.071"`, `"0.07"`) or a number
    /// (0.111, 0.11, 0.071, 0.07), read by the one `Weighting.parse`.
    static func weighting(_ params: JSONFields) throws -> Weighting {
        guard let value = params.object["weighting"], !value.isNull else { return .exact }
        guard let text = value.stringValue ?? value.numberValue?.text else {
            throw SKMError(
                .wrongType, "Parameter \"weighting\" harus teks atau angka, bukan \(value.indonesianTypeName).",
                field: "weighting")
        }
        return try Weighting.parse(text)
    }
}
