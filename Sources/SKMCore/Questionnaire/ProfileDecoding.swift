import SKMJSON

/// Reads the respondent profile and time slots of a definition.
enum ProfileDecoding {
    static func decodeTimeSlots(_ value: JSONValue?, _ r: inout DefinitionReader) -> [TimeSlot] {
        guard let array = r.array(value, "timeSlots", required: false, limit: QuestionnaireLimits.timeSlots) else { return [] }
        var slots: [TimeSlot] = []
        for (i, element) in array.enumerated() {
            let path = "timeSlots[\(i)]"
            guard let object = r.object(element, path) else { continue }
            r.unknownKeys(object, path, allowed: ["code", "label", "from", "to"])
            let code = r.string(object["code"], "\(path).code")
            let label = r.string(object["label"], "\(path).label")
            let from = r.string(object["from"], "\(path).from").flatMap { ClockTime.minutes(parsing: $0) }
            let to = r.string(object["to"], "\(path).to").flatMap { ClockTime.minutes(parsing: $0) }
            guard let code, let label else { continue }
            guard let from, let to, from < to else {
                r.error(path, "from dan to harus jam HH:MM dengan from sebelum to")
                continue
            }
            if slots.contains(where: { $0.code == code }) {
                r.error("\(path).code", "kode \(code) tertulis lebih dari sekali")
            }
            slots.append(TimeSlot(code: code, label: label, from: from, to: to))
        }
        return slots
    }

    static func decodeProfile(_ value: JSONValue?, _ r: inout DefinitionReader) -> RespondentProfileSpec {
        let empty = RespondentProfileSpec(gender: nil, education: nil, occupation: nil, age: nil)
        guard let object = r.object(value, "profile", required: false) else { return empty }
        r.unknownKeys(object, "profile", allowed: Set(ProfileKey.allCases.map(\.rawValue) + ["age"]))
        var fields: [ProfileKey: ProfileField] = [:]
        for key in ProfileKey.allCases {
            let path = "profile.\(key.rawValue)"
            guard let field = r.object(object[key.rawValue], path, required: false) else { continue }
            r.unknownKeys(field, path, allowed: ["label", "values"])
            let label = r.string(field["label"], "\(path).label")
            guard let values = r.array(field["values"], "\(path).values", limit: QuestionnaireLimits.profileChoices), let label
            else { continue }
            var choices: [ProfileChoice] = []
            for (i, element) in values.enumerated() {
                let vpath = "\(path).values[\(i)]"
                guard let v = r.object(element, vpath) else { continue }
                r.unknownKeys(v, vpath, allowed: ["code", "label", "aliases"])
                let code = r.string(v["code"], "\(vpath).code")
                let vlabel = r.string(v["label"], "\(vpath).label")
                let aliases =
                    (r.array(v["aliases"], "\(vpath).aliases", required: false, limit: QuestionnaireLimits.aliases) ?? [])
                    .compactMap(\.stringValue)
                guard let code, let vlabel else { continue }
                if choices.contains(where: { $0.code.caseInsensitiveEquals(code) }) {
                    r.error("\(vpath).code", "kode \(code) tertulis lebih dari sekali")
                }
                choices.append(ProfileChoice(code: code, label: vlabel, aliases: aliases))
            }
            if choices.isEmpty { r.error("\(path).values", "harus ada sedikitnya satu pilihan") }
            fields[key] = ProfileField(label: label, choices: choices)
        }
        var age: AgeField?
        if let a = r.object(object["age"], "profile.age", required: false) {
            r.unknownKeys(a, "profile.age", allowed: ["label", "min", "max"])
            let label = r.string(a["label"], "profile.age.label")
            let min = r.integer(a["min"], "profile.age.min")
            let max = r.integer(a["max"], "profile.age.max")
            if let label, let min, let max {
                if min < max && min >= 0 {
                    age = AgeField(label: label, min: min, max: max)
                } else {
                    r.error("profile.age", "min harus lebih kecil dari max")
                }
            }
        }
        return RespondentProfileSpec(
            gender: fields[.gender], education: fields[.education], occupation: fields[.occupation], age: age)
    }
}
