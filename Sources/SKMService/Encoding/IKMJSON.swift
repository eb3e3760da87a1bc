public import SKMCore
public import SKMJSON

/// The JSON shape of IKM results, shared by `skm ikm --json`, `ikm.compute` and `ikm.score`.
public enum IKMJSON {
    /// How the 95 % interval is computed, in Bahasa Indonesia; written as `ci95.method` so readers can judge it.
    public static let ciMethod =
        "normal (Wald) 95%: galat baku dari sebaran skor rata-rata tertimbang tiap responden × 25; tepat bila tidak ada jawaban kosong"

    /// The fields every result has, in a stable order.
    public static func result(_ r: IKMResult, questionnaire q: Questionnaire) -> JSONObject {
        var stream = JSONStream()
        write(r, questionnaire: q, into: &stream)
        return stream.value.objectValue ?? JSONObject()
    }

    /// The same object written straight to JSON text (the hot path of `ikm.score`).
    public static func encoded(_ r: IKMResult, questionnaire q: Questionnaire, asciiOnly: Bool) -> JSONValue {
        var stream = JSONStream(asciiOnly: asciiOnly, capacity: 2048)
        write(r, questionnaire: q, into: &stream)
        return .encoded(JSONText(stream.bytes))
    }

    /// Writes the result object; the one definition of its shape.
    public static func write(_ r: IKMResult, questionnaire q: Questionnaire, into s: inout JSONStream, includeQuestionnaire: Bool = true) {
        s.beginObject()
        if includeQuestionnaire {
            s.key("questionnaire")
            s.beginObject()
            s.member("id", q.id)
            s.member("title", q.title)
            s.endObject()
        }
        s.member("weighting", r.weighting.rawValue)
        s.member("aggregation", r.aggregation.rawValue)
        s.member("respondents", r.respondents)
        s.key("unsur")
        s.beginArray()
        for u in r.unsur {
            s.beginObject()
            s.member("code", u.code)
            s.member("name", u.name)
            s.member("answered", u.answered)
            s.member("sum", u.sum)
            s.member("nrr", u.nrr)
            s.member("weight", u.weight)
            s.member("weighted", u.weighted)
            s.member("ikm", u.converted)
            s.member("mutu", u.band?.mutu)
            s.member("kinerja", u.band?.kinerja)
            s.endObject()
        }
        s.endArray()
        s.member("indeks", r.indeks)
        s.member("ikm", r.ikm)
        s.member("ikmDisplay", r.ikmDisplayed)
        s.member("mutu", r.band?.mutu)
        s.member("kinerja", r.band?.kinerja)
        s.key("ci95")
        if let ci = r.ci95 {
            s.beginObject()
            s.member("low", ci.low)
            s.member("high", ci.high)
            s.member("standardError", ci.standardError)
            s.member("method", ciMethod)
            s.endObject()
        } else {
            s.null()
        }
        s.member("reason", IKMWording.reason(for: r))
        s.endObject()
    }

    /// The whole `skm ikm --json` object.
    public static func report(_ report: IKMReport) -> JSONValue {
        var o = result(report.result, questionnaire: report.questionnaire)
        o["filter"] = report.filter.json
        o["filterDescription"] = .string(report.filter.indonesianDescription)
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
        var stream = JSONStream()
        write(g.result, questionnaire: questionnaire, into: &stream, includeQuestionnaire: false)
        for member in stream.value.objectValue?.members ?? [] { o[member.key] = member.value }
        return .object(o)
    }
}
