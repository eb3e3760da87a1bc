import SKMCore
import SKMJSON

/// The JSON shape of IKM results, shared by `skm ikm --json`, `ikm.compute` and `ikm.score`.
public enum IKMJSON {
    public static let ciMethod =
        "normal (Wald) 95%: galat baku dari sebaran skor rata-rata tertimbang tiap responden × 25; tepat bila tidak ada jawaban kosong"

    /// The fields every result has, in a stable order.
    public static func result(_ r: IKMResult, questionnaire q: Questionnaire) -> JSONObject {
        var o: JSONObject = [
            "questionnaire": ["id": .string(q.id), "title": .string(q.title)],
            "weighting": .string(r.weighting.rawValue),
            "aggregation": .string(r.aggregation.rawValue),
            "respondents": .int(r.respondents),
            "unsur": .array(r.unsur.map(unsur)),
            "indeks": .double(r.indeks),
            "ikm": .double(r.ikm),
            "ikmDisplay": .double(r.ikmDisplayed),
            "mutu": .string(r.band?.mutu),
            "kinerja": .string(r.band?.kinerja),
        ]
        if let ci = r.ci95 {
            o["ci95"] = [
                "low": .double(ci.low), "high": .double(ci.high), "standardError": .double(ci.standardError),
                "method": .string(ciMethod),
            ]
        } else {
            o["ci95"] = .null
        }
        o["reason"] = .string(r.unavailableReason ?? r.ci95UnavailableReason)
        return o
    }

    static func unsur(_ u: UnsurResult) -> JSONValue {
        [
            "code": .string(u.code), "name": .string(u.name), "answered": .int(u.answered), "sum": .int(u.sum),
            "nrr": .double(u.nrr), "weight": .double(u.weight), "weighted": .double(u.weighted),
            "ikm": .double(u.converted), "mutu": .string(u.band?.mutu), "kinerja": .string(u.band?.kinerja),
        ]
    }

    /// The whole `skm ikm --json` object.
    public static func report(_ report: IKMReport) -> JSONValue {
        var o = result(report.result, questionnaire: report.questionnaire)
        o["filter"] = report.filter.json
        o["filterDescription"] = .string(report.filter.descriptionID)
        if let sample = report.sample {
            o["sample"] = [
                "population": .int(sample.population), "minimum": .int(sample.minimum),
                "respondents": .int(sample.respondents), "sufficient": .bool(sample.sufficient),
                "method": "Krejcie-Morgan (lambda^2 = 3,841; P = Q = 0,5; d = 0,05)",
            ]
        }
        if report.result.aggregation == .meanOfServices {
            o["services"] = .array(report.services.map { group($0, questionnaire: report.questionnaire) })
            o["servicesWithoutRespondents"] = .array(
                report.servicesWithoutRespondents.map { .string("\($0.unitCode)/\($0.code)") })
        }
        if !report.breakdowns.isEmpty {
            var breakdowns = JSONObject()
            for (breakdown, groups) in report.breakdowns {
                breakdowns[breakdown.rawValue] = .array(groups.map { group($0, questionnaire: report.questionnaire) })
            }
            o["breakdowns"] = .object(breakdowns)
        }
        return .object(o)
    }

    static func group(_ g: GroupResult, questionnaire: Questionnaire) -> JSONValue {
        var o: JSONObject = ["key": .string(g.key), "label": .string(g.label)]
        for member in result(g.result, questionnaire: questionnaire).members where member.key != "questionnaire" {
            o[member.key] = member.value
        }
        return .object(o)
    }
}
