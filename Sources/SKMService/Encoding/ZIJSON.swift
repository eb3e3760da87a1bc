public import SKMCore
public import SKMJSON

/// The JSON and CSV shapes of the Zona Integritas summary, shared by `skm zi --json|--csv` and the
/// `zi.summary` RPC method.
public enum ZIJSON {
    /// `{year, filterDescription, surveys: [{name, questionnaire, wording, periods: [{key, label, kind, …result, lke}]}]}`.
    public static func summary(_ summary: ZISummary) -> JSONValue {
        let surveys: [JSONValue] = summary.surveys.map { survey in
            let q = survey.questionnaire
            var periods: [JSONValue] = []
            for (kind, groups) in [("quarter", survey.quarters), ("semester", survey.semesters), ("year", [survey.year])] {
                for g in groups {
                    var o: JSONObject = ["kind": .string(kind)]
                    if case .object(let group) = IKMJSON.group(g, questionnaire: q) {
                        for member in group.members { o[member.key] = member.value }
                    }
                    o["lke"] = g.result.band?.lke.map { .double($0) } ?? .null
                    periods.append(.object(o))
                }
            }
            return [
                "name": .string(survey.name),
                "questionnaire": ["id": .string(q.id), "title": .string(q.title)],
                "wording": q.wording.map { .string($0) } ?? .null,
                "periods": .array(periods),
            ]
        }
        return [
            "year": .int(summary.year), "filterDescription": .string(summary.scopeDescription), "surveys": .array(surveys),
        ]
    }

    /// One row per survey and period: `survei, kunci, label, responden, indeks, ikm, ikm_tampil, mutu, kinerja, lke`.
    public static func csv(_ summary: ZISummary, separator: Character) -> String {
        let csv = CSVWriter(separator: separator)
        var out = csv.byteOrderMark
        out += csv.line(
            ["survei", "kunci", "label", "responden", "indeks", "ikm", "ikm_tampil", "mutu", "kinerja", "lke"].map { .text($0) })
        for survey in summary.surveys {
            for g in survey.periods {
                let r = g.result
                out += csv.line([
                    .text(survey.name), .text(g.key), .text(g.label), .int(r.respondents), .decimal(r.indeks), .decimal(r.ikm),
                    .decimal(r.ikmDisplayed), .optionalText(r.band?.mutu), .optionalText(r.band?.kinerja), .decimal(r.band?.lke),
                ])
            }
        }
        return out
    }
}
