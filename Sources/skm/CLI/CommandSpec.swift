import SKMCore

/// An option a command accepts: `--name VALUE` (or `--name=VALUE`), or a flag `--name`.
struct OptionSpec: Sendable {
    let name: String
    /// The placeholder for the value; nil for a flag.
    let value: String?
    let help: String

    static func flag(_ name: String, _ help: String) -> OptionSpec { OptionSpec(name: name, value: nil, help: help) }
    static func value(_ name: String, _ metavar: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, value: metavar, help: help)
    }
}

/// One subcommand: what it is called, what it accepts, and what it does.
struct CommandSpec: Sendable {
    /// e.g. `["unit", "add"]`.
    let path: [String]
    let summary: String
    /// Positional arguments as shown in the usage line, e.g. `KODE NAMA…`.
    let arguments: String
    let options: [OptionSpec]
    /// Longer explanation shown by `--help`.
    let discussion: String
    let run: @Sendable (ParsedArguments, CommandContext) throws -> Int32

    init(
        _ path: [String], summary: String, arguments: String = "", options: [OptionSpec] = [], discussion: String = "",
        run: @escaping @Sendable (ParsedArguments, CommandContext) throws -> Int32
    ) {
        self.path = path
        self.summary = summary
        self.arguments = arguments
        self.options = options
        self.discussion = discussion
        self.run = run
    }

    var name: String { path.joined(separator: " ") }

    /// Options every command accepts.
    static let globalOptions: [OptionSpec] = [
        .value("db", "BERKAS", "berkas basis data (bawaan: $SKM_DB, atau ./skm.sqlite)"),
        .flag("help", "tampilkan bantuan ini"),
    ]

    var allOptions: [OptionSpec] { options + Self.globalOptions }

    var helpText: String {
        var lines = ["Penggunaan: skm \(name)\(arguments.isEmpty ? "" : " " + arguments) [opsi]", "", summary]
        if !discussion.isEmpty { lines += ["", discussion] }
        lines += ["", "Opsi:"]
        let labels = allOptions.map { "--\($0.name)" + ($0.value.map { " \($0)" } ?? "") }
        let width = (labels.map(\.count).max() ?? 0) + 2
        for (label, option) in zip(labels, allOptions) {
            lines.append("  " + label.padding(width) + option.help)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// Left-aligned in `width` characters.
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// Right-aligned in `width` characters.
    func leftPadding(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
