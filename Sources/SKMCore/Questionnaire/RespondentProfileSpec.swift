/// The respondent fields a questionnaire asks for, with their allowed values.
///
/// Respondents are anonymous: there is deliberately no field for a name or an identity number.
public struct RespondentProfileSpec: Sendable, Equatable {
    public let gender: ProfileField?
    public let education: ProfileField?
    public let occupation: ProfileField?
    public let age: AgeField?

    public init(gender: ProfileField?, education: ProfileField?, occupation: ProfileField?, age: AgeField?) {
        self.gender = gender
        self.education = education
        self.occupation = occupation
        self.age = age
    }

    /// The field for a profile key (`gender`, `education`, `occupation`).
    public func choiceField(_ key: ProfileKey) -> ProfileField? {
        switch key {
        case .gender: return gender
        case .education: return education
        case .occupation: return occupation
        }
    }
}

/// The profile fields that take one value from a list.
public enum ProfileKey: String, Sendable, CaseIterable {
    case gender, education, occupation

    /// The Indonesian column name also accepted on import.
    public var indonesianName: String {
        switch self {
        case .gender: return "jenis_kelamin"
        case .education: return "pendidikan"
        case .occupation: return "pekerjaan"
        }
    }
}

/// A field answered by choosing one value ("L"/"P", "SMA", "PNS"…).
public struct ProfileField: Sendable, Equatable {
    public let label: String
    public let choices: [ProfileChoice]
    /// Exact and lower-cased code, label and aliases → index of the choice (first one wins).
    let lookup: [String: Int]

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

    public static func == (a: ProfileField, b: ProfileField) -> Bool {
        a.label == b.label && a.choices == b.choices
    }
}

public struct ProfileChoice: Sendable, Equatable {
    public let code: String
    public let label: String
    public let aliases: [String]

    public init(code: String, label: String, aliases: [String] = []) {
        self.code = code
        self.label = label
        self.aliases = aliases
    }
}

/// Age in whole years, within a plausible range.
public struct AgeField: Sendable, Equatable {
    public let label: String
    public let min: Int
    public let max: Int

    public init(label: String, min: Int, max: Int) {
        self.label = label
        self.min = min
        self.max = max
    }
}
