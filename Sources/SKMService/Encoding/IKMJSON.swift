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

    /// Writes the result object; the one definition of its shape. The members that depend only
    /// on the questionnaire come from its fragments (written by the same functions below).
    public static func write(
        _ r: IKMResult, questionnaire q: Questionnaire, into s: inout JSONStream, includeQuestionnaire: Bool = true
    ) {
        let parts = fragmentCache.fragments(for: q, asciiOnly: s.asciiOnly)
        s.beginObject()
        if includeQuestionnaire { s.members(parts.questionnaire) }
        s.member("weighting", r.weighting.rawValue)
        s.member("aggregation", r.aggregation.rawValue)
        s.member("respondents", r.respondents)
        s.key("unsur")
        s.beginArray()
        // By index, reading each member in place (binding each element would copy it, strings and all).
        for index in r.unsur.indices {
            s.beginObject()
            if !parts.writeNames(index, code: r.unsur[index].code, name: r.unsur[index].name, of: q, into: &s) {
                writeNames(code: r.unsur[index].code, name: r.unsur[index].name, into: &s)
            }
            s.member("answered", r.unsur[index].answered)
            s.member("sum", r.unsur[index].sum)
            s.member("nrr", r.unsur[index].nrr)
            s.member("weight", r.unsur[index].weight)
            s.member("weighted", r.unsur[index].weighted)
            s.member("ikm", r.unsur[index].converted)
            writeBand(r.unsur[index].band, parts: parts, into: &s)
            s.endObject()
        }
        s.endArray()
        s.member("indeks", r.indeks)
        s.member("ikm", r.ikm)
        s.member("ikmDisplay", r.ikmDisplayed)
        writeBand(r.band, parts: parts, into: &s)
        s.key("ci95")
        if let ci = r.ci95 {
            s.beginObject()
            s.member("low", ci.low)
            s.member("high", ci.high)
            s.member("standardError", ci.standardError)
            s.members(parts.ciMethod)
            s.endObject()
        } else {
            s.null()
        }
        s.member("reason", IKMWording.reason(for: r))
        s.endObject()
    }

    static func writeQuestionnaire(_ q: Questionnaire, into s: inout JSONStream) {
        s.key("questionnaire")
        s.beginObject()
        s.member("id", q.id)
        s.member("title", q.title)
        s.endObject()
    }

    static func writeNames(code: String, name: String, into s: inout JSONStream) {
        s.member("code", code)
        s.member("name", name)
    }

    static func writeBand(mutu: String?, kinerja: String?, into s: inout JSONStream) {
        s.member("mutu", mutu)
        s.member("kinerja", kinerja)
    }

    static func writeBand(_ band: Band?, parts: Fragments, into s: inout JSONStream) {
        if let band, parts.writeBand(band, into: &s) { return }
        writeBand(mutu: band?.mutu, kinerja: band?.kinerja, into: &s)
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
