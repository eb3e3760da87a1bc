public import SKMCore
public import SKMJSON

/// Plan evaluations and AKIP results as JSON (`skm iku evaluate --json`, `iku.evaluate`,
/// `skm akip evaluate --json`, `akip.evaluate`).
public enum PerformanceJSON {
    /// `{plan, year, indicators, summary}`: every indicator line with target, realisasi, capaian and category (null when absent).
    public static func evaluation(_ e: PlanEvaluation) -> JSONValue {
        [
            "plan": ["id": .string(e.plan.id), "organisation": .string(e.plan.organisation)],
            "year": .int(e.year),
            "indicators": .array(e.indicators.map(indicator)),
            "summary": .array(e.summary.map { ["category": .string($0.label), "count": .int($0.count)] }),
        ]
    }

    static func indicator(_ i: IndicatorEvaluation) -> JSONValue {
        var o: JSONObject = [
            "code": .string(i.indicator.code), "kind": .string(i.indicator.kind.rawValue),
            "name": .string(i.indicator.name), "satuan": .string(i.indicator.satuan),
            "polarity": .string(i.indicator.polarity.rawValue), "source": .string(i.indicator.realisasi.name),
            "target": .double(i.target), "realisasi": .double(i.realisasi?.value),
        ]
        if let jabatan = i.indicator.jabatan { o["jabatan"] = .string(jabatan) }
        if case .ratio = i.indicator.realisasi {
            o["numerator"] = .double(i.realisasi?.numerator)
            o["denominator"] = .double(i.realisasi?.denominator)
        }
        o["capaian"] = .double(i.capaian)
        o["category"] = .string(i.category)
        o["reason"] = .string(i.reason)
        o["previous"] = .double(i.previous)
        o["change"] = .double(i.change)
        o["finalTarget"] = .double(i.finalTarget)
        o["progressToFinal"] = .double(i.progressToFinal)
        return .object(o)
    }

    /// A stored realisasi with who entered it and when; numerator and denominator are null for a direct value.
    public static func realisasi(_ r: StoredRealisasi) -> JSONValue {
        [
            "id": .int(Int(r.id)), "plan": .string(r.plan), "indicator": .string(r.indicator), "year": .int(r.year),
            "value": .double(r.realisasi.value), "numerator": .double(r.realisasi.numerator),
            "denominator": .double(r.realisasi.denominator), "note": .string(r.note), "enteredAt": .string(r.enteredAt),
            "enteredBy": .string(r.enteredBy),
        ]
    }

    /// The scheme, each component and sub-score, the unrounded total, its two-decimal display and predikat; `saved` when stored.
    public static func akip(_ result: AKIPResult, stored: StoredAKIP? = nil) -> JSONValue {
        var o: JSONObject = ["scheme": .string(result.scheme.id), "year": .int(result.year)]
        if let organisation = result.organisation { o["organisation"] = .string(organisation) }
        o["components"] = .array(
            result.components.map { c in
                [
                    "key": .string(c.key), "name": .string(c.name), "weight": .double(c.weight), "score": .double(c.score),
                    "subComponents": .array(
                        c.subScores.map { s in
                            [
                                "key": .string(s.key), "name": .string(s.name), "weight": .double(s.weight),
                                "percent": .double(s.percent), "criteria": .int(s.criteria), "score": .double(s.score),
                            ]
                        }),
                ]
            })
        o["total"] = .double(result.total)
        o["totalDisplay"] = .double(DisplayRounding.round(result.total, decimals: 2))
        o["predikat"] = .string(result.predikat?.predikat)
        o["label"] = .string(result.predikat?.label)
        o["interpretasi"] = .string(result.predikat?.interpretasi)
        if let stored {
            o["saved"] = [
                "id": .int(Int(stored.id)), "enteredAt": .string(stored.enteredAt), "enteredBy": .string(stored.enteredBy),
            ]
        }
        return .object(o)
    }

    /// `{nilai, nilaiDisplay, predikat, label, interpretasi}` for `akip.predikat`; `nilaiDisplay` is rounded to two decimals.
    public static func predikat(_ nilai: Double, _ p: AKIPPredikat) -> JSONValue {
        [
            "nilai": .double(nilai), "nilaiDisplay": .double(DisplayRounding.round(nilai, decimals: 2)),
            "predikat": .string(p.predikat), "label": .string(p.label), "interpretasi": .string(p.interpretasi),
        ]
    }
}
