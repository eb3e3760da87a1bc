public import SKMJSON

extension Questionnaire {
    /// The definition in the same JSON shape as the files under `Questionnaires/`.
    public var json: JSONValue {
        var root: JSONObject = [
            "id": .string(id), "title": .string(title), "regulation": .string(regulation), "status": .string(status),
        ]
        if let note { root["note"] = .string(note) }
        if let wording { root["wording"] = .string(wording) }
        root["scale"] = ["min": .int(scale.lowerBound), "max": .int(scale.upperBound)]
        root["conversionFactor"] = .double(conversionFactor)
        root["bands"] = .array(bands.bands.map(\.json))
        root["unsur"] = .array(
            unsur.map { u in
                var o: JSONObject = ["code": .string(u.code), "name": .string(u.name)]
                if let w = u.weight { o["weight"] = .double(w) }
                return .object(o)
            })
        root["questions"] = .array(
            questions.map { q in
                [
                    "number": .int(q.number), "unsur": .string(q.unsur), "text": .string(q.text),
                    "options": .array(q.options.map { .string($0) }),
                ]
            })
        root["timeSlots"] = .array(
            timeSlots.map { s in
                [
                    "code": .string(s.code), "label": .string(s.label), "from": .string(ClockTime.format(minutes: s.from)),
                    "to": .string(ClockTime.format(minutes: s.to)),
                ]
            })
        var profileObject = JSONObject()
        for key in ProfileKey.allCases {
            guard let field = profile.choiceField(key) else { continue }
            profileObject[key.rawValue] = [
                "label": .string(field.label),
                "values": .array(
                    field.choices.map { c in
                        [
                            "code": .string(c.code), "label": .string(c.label),
                            "aliases": .array(c.aliases.map { .string($0) }),
                        ]
                    }),
            ]
        }
        if let age = profile.age {
            profileObject["age"] = ["label": .string(age.label), "min": .int(age.min), "max": .int(age.max)]
        }
        root["profile"] = .object(profileObject)
        return .object(root)
    }
}

extension Band {
    /// The band as questionnaire files write it (`printedIkm` spelled as in the files).
    public var json: JSONValue {
        var o: JSONObject = ["mutu": .string(mutu), "kinerja": .string(kinerja), "minimum": .double(minimum)]
        if let printedIndeks { o["printedIndeks"] = .string(printedIndeks) }
        if let printedIKM { o["printedIkm"] = .string(printedIKM) }
        if let lke { o["lke"] = .double(lke) }
        return .object(o)
    }
}
