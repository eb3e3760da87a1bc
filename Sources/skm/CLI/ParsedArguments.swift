import SKMCore

/// The arguments of one command after parsing: positionals, option values and flags.
struct ParsedArguments {
    var positionals: [String] = []
    var values: [String: [String]] = [:]
    var flags: Set<String> = []

    func value(_ name: String) -> String? { values[name]?.last }

    /// All values of a repeatable option, each also split at commas (`--unit A,B --unit C`).
    func list(_ name: String) -> [String] {
        (values[name] ?? []).flatMap { $0.split(separator: ",").map { String($0).trimmingSpaces() } }.filter { !$0.isEmpty }
    }

    func flag(_ name: String) -> Bool { flags.contains(name) }

    func int(_ name: String) throws -> Int? {
        guard let raw = value(name) else { return nil }
        guard let n = Int(raw.trimmingSpaces()) else {
            throw SKMError(.usage, "Nilai --\(name) harus bilangan bulat, diterima \"\(raw.clipped(30))\".")
        }
        return n
    }

    /// Parses `tokens` (everything after the command name) against `spec`.
    static func parse(_ tokens: [String], spec: CommandSpec) throws -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var optionsEnded = false
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            if optionsEnded || !token.hasPrefix("--") || token == "-" {
                if token == "--" && !optionsEnded {
                    optionsEnded = true
                    continue
                }
                if token == "-h" && !optionsEnded {
                    parsed.flags.insert("help")
                    continue
                }
                parsed.positionals.append(token)
                continue
            }
            var name = String(token.dropFirst(2))
            var inlineValue: String?
            if let eq = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            guard let option = spec.allOptions.first(where: { $0.name == name }) else {
                throw SKMError(.usage, "Opsi tidak dikenal: --\(name.clipped(30)).")
            }
            if option.value == nil {
                if inlineValue != nil { throw SKMError(.usage, "Opsi --\(name) tidak memakai nilai.") }
                parsed.flags.insert(name)
            } else if let inlineValue {
                parsed.values[name, default: []].append(inlineValue)
            } else {
                guard index < tokens.count else {
                    throw SKMError(.usage, "Opsi --\(name) memerlukan nilai (\(option.value ?? "")).")
                }
                parsed.values[name, default: []].append(tokens[index])
                index += 1
            }
        }
        return parsed
    }

    /// Requires exactly `count` positionals (or at least, with `orMore`), named for the message.
    func requirePositionals(_ names: [String], orMore: Bool = false) throws {
        if positionals.count < names.count {
            throw SKMError(.usage, "Kurang argumen: \(names[positionals.count...].joined(separator: " ")).")
        }
        if !orMore && positionals.count > names.count {
            throw SKMError(.usage, "Terlalu banyak argumen: \(positionals[names.count...].joined(separator: " ")).")
        }
    }
}
