public import SKMJSON

extension PerformancePlan {
    /// The plan in the same JSON shape as the files under `Examples/iku/`.
    public var json: JSONValue {
        var o: JSONObject = ["id": .string(id), "organisation": .string(organisation)]
        if let document { o["document"] = .string(document) }
        if let source { o["source"] = .string(source) }
        o["period"] = ["from": .int(firstYear), "to": .int(lastYear)]
        if let note { o["note"] = .string(note) }
        o["indicators"] = .array(indicators.map(\.json))
        if bands != .standard {
            o["capaianBands"] = [
                "bands": .array(bands.bands.map { ["minimum": .double($0.minimum), "label": .string($0.label)] }),
                "floorLabel": .string(bands.floorLabel),
            ]
        }
        return .object(o)
    }
}

extension Indicator {
    /// The indicator in the plan-file JSON shape; optional text fields are written as null when absent.
    public var json: JSONValue {
        var o: JSONObject = ["code": .string(code), "kind": .string(kind.rawValue)]
        if let jabatan { o["jabatan"] = .string(jabatan) }
        o["sasaran"] = .string(sasaran)
        o["name"] = .string(name)
        o["satuan"] = .string(satuan)
        o["polarity"] = .string(polarity.rawValue)
        o["formula"] = .string(formula)
        o["responsible"] = .string(responsible)
        o["dataSource"] = .string(dataSource)
        o["baseline"] = baseline.map { ["year": .int($0.year), "value": .double($0.value)] } ?? .null
        o["targets"] = .object(JSONObject(targets.keys.sorted().map { (key: String($0), value: .double(targets[$0])) }))
        o["realisasi"] = realisasi.json
        return .object(o)
    }
}

extension RealisasiSource {
    /// The indicator's `realisasi` member as plan files write it; a single unit or service is a string, several an array.
    public var json: JSONValue {
        var o: JSONObject = ["source": .string(name)]
        switch self {
        case .skm(let units, let services, let questionnaire):
            if !units.isEmpty { o["unit"] = units.count == 1 ? .string(units[0]) : .array(units.map { .string($0) }) }
            if !services.isEmpty {
                o["service"] = services.count == 1 ? .string(services[0]) : .array(services.map { .string($0) })
            }
            if let questionnaire { o["questionnaire"] = .string(questionnaire) }
        case .ratio(let numerator, let denominator):
            if let numerator { o["numerator"] = .string(numerator) }
            if let denominator { o["denominator"] = .string(denominator) }
        default:
            break
        }
        return .object(o)
    }
}
