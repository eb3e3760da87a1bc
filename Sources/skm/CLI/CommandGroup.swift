/// A command group: the first word shared by several subcommands (`rtl` over `rtl add`,
/// `rtl list`…). Groups are not declared: they follow from the command paths, so every group
/// gets the same help and the same usage error.
struct CommandGroup: Sendable {
    /// e.g. `["rtl"]`.
    let path: [String]
    /// The commands under the path, in the order `skm --help` lists them.
    let members: [CommandSpec]

    var name: String { path.joined(separator: " ") }

    /// The group at exactly `path`: commands whose paths extend it. Nil when no command does.
    static func at(_ path: [String], in commands: [CommandSpec]) -> CommandGroup? {
        guard !path.isEmpty else { return nil }
        let members = commands.filter { $0.path.count > path.count && Array($0.path.prefix(path.count)) == path }
        return members.isEmpty ? nil : CommandGroup(path: path, members: members)
    }

    /// Every group, in the order its first command is listed.
    static func all(in commands: [CommandSpec]) -> [CommandGroup] {
        var seen: [[String]] = []
        for command in commands where command.path.count > 1 {
            let prefix = Array(command.path.dropLast())
            if !seen.contains(prefix) { seen.append(prefix) }
        }
        return seen.compactMap { at($0, in: commands) }
    }

    /// One line per subcommand: its usage and its summary, aligned.
    var memberLines: [String] {
        let labels = members.map { "skm \($0.name)" + ($0.arguments.isEmpty ? "" : " " + $0.arguments) }
        let width = (labels.map(\.count).max() ?? 0) + 2
        return zip(labels, members).map { "  " + $0.padding(width) + $1.summary }
    }

    /// What `skm rtl --help` and `skm help rtl` print.
    var helpText: String {
        var lines = ["Penggunaan: skm \(name) <perintah> [argumen] [opsi]", "", "Perintah:"]
        lines += memberLines
        lines += ["", "Bantuan satu perintah: skm \(name) <perintah> --help"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Added to the help of a command that is also a group (`skm import` beside `skm import list`).
    var subcommandSection: String {
        (["", "Perintah lain di bawah 'skm \(name)':"] + memberLines).joined(separator: "\n") + "\n"
    }
}
