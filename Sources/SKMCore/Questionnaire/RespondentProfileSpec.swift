/// The respondent fields a questionnaire asks for, with their allowed values.
///
/// Respondents are anonymous: there is deliberately no field for a name or an identity number.
public struct RespondentProfileSpec: Sendable, Equatable {
    /// Jenis kelamin choices; nil when the form does not ask (then a given value is refused).
    public let gender: ProfileField?
    /// Pendidikan choices; nil when the form does not ask.
    public let education: ProfileField?
    /// Pekerjaan choices; nil when the form does not ask.
    public let occupation: ProfileField?
    /// The accepted age range; nil when the form does not ask for age.
    public let age: AgeField?

    /// A profile as a questionnaire file describes it; nil fields are not asked.
    public init(gender: ProfileField?, education: ProfileField?, occupation: ProfileField?, age: AgeField?) {
        self.gender = gender
        self.education = education
        self.occupation = occupation
        self.age = age
    }

    /// The field for a profile key (`gender`, `education`, `occupation`).
    public func choiceField(_ key: ProfileKey) -> ProfileField? {
        key.field.spec(self)
    }
}

/// The profile fields that take one value from a list; `field` describes each.
public enum ProfileKey: String, Sendable, CaseIterable {
    case gender, education, occupation
}

/// A field answered by choosing one value ("L"/"P", "SMA", "PNS"…).
public struct ProfileField: Sendable, Equatable {
    /// The field's name as the form prints it, used in messages.
    public let label: String
    /// The allowed values, in the form's order; codes unique.
    public let choices: [ProfileChoice]
    /// Exact and lower-cased code, label and aliases → index of the choice (first one wins).
    let lookup: [String: Int]

    /// A field whose lookup accepts each choice's code, label and aliases, ignoring case.
    public init(label: String, choices: [ProfileChoice]) {
        self.label = label
        self.choices = choices
        var lookup: [String: Int] = [:]
        for (i, choice) in choices.enumerated() {
            for name in [choice.code, choice.label] + choice.aliases {
                if lookup[name] == nil { lookup[name] = i }
                if lookup[name.lowercased()] == nil { lookup[name.lowercased()] = i }
            }
        }
        self.lookup = lookup
    }

    /// The choice whose code, label or alias matches `text`, ignoring case and spaces.
    public func choice(matching text: String) -> ProfileChoice? {
        guard let index = lookup[text] ?? lookup[text.trimmingSpaces().lowercased()] else { return nil }
        return choices[index]
    }

    /// Equal when label and choices agree (the lookup is derived from them).
    public static func == (a: ProfileField, b: ProfileField) -> Bool {
        a.label == b.label && a.choices == b.choices
    }
}

/// One allowed value of a profile field.
public struct ProfileChoice: Sendable, Equatable {
    /// What is stored, e.g. "SMA"; unique within its field.
    public let code: String
    /// The value as the form prints it, e.g. "SMA/sederajat".
    public let label: String
    /// Other spellings accepted on entry and import, e.g. "SLTA".
    public let aliases: [String]

    /// A choice; aliases are optional.
    public init(code: String, label: String, aliases: [String] = []) {
        self.code = code
        self.label = label
        self.aliases = aliases
    }
}

/// Age in whole years, within a plausible range.
public struct AgeField: Sendable, Equatable {
    /// The field's name as the form prints it, used in messages.
    public let label: String
    /// Youngest accepted age in years, inclusive.
    public let min: Int
    /// Oldest accepted age in years, inclusive; greater than `min`.
    public let max: Int

    /// An age field as a questionnaire file describes it (`min` < `max`, checked by the decoder).
    public init(label: String, min: Int, max: Int) {
        self.label = label
        self.min = min
        self.max = max
    }
}
