import SKMCore
import SKMJSON
import SKMService

/// Finds the command, parses its arguments, runs it, and turns every failure into an Indonesian
/// message and an exit code (0 ok, 1 user or data error, 2 usage error) — never a Swift trap.
struct Runner {
    let commands: [CommandSpec]
    let console: Console
    let environment: [String: String]

    func run(_ arguments: [String]) -> Int32 {
        let status = execute(arguments)
        console.flush()
        if case .failed(let message) = console.state {
            if !console.failureReported { console.err(message) }
            return 1
        }
        return status
    }

    func execute(_ arguments: [String]) -> Int32 {
        let tokens = Array(arguments.dropFirst())
        if tokens.isEmpty || tokens == ["--help"] || tokens == ["-h"] || tokens == ["help"] {
            console.out(overview)
            return 0
        }
        if tokens == ["--version"] || tokens == ["version"] {
            console.line("skm \(SKMService.version)")
            return 0
        }
        if tokens.first == "help" {
            return help(for: Array(tokens.dropFirst()))
        }
        guard let (spec, consumed) = match(tokens) else {
            return unmatched(tokens)
        }
        let parsed: ParsedArguments
        do {
            parsed = try ParsedArguments.parse(Array(tokens.dropFirst(consumed)), spec: spec)
        } catch let error as SKMError {
            console.err("\(error.message) Lihat 'skm \(spec.name) --help'.")
            return 2
        } catch {
            console.err("Kesalahan: \(error)")
            return 2
        }
        if parsed.flag("help") {
            console.out(helpText(of: spec))
            return 0
        }
        let path = SKMService.resolveDatabasePath(explicit: parsed.value("db"), environment: environment)
        let context = CommandContext(console: console, databasePath: path, environment: environment)
        do {
            let code = try spec.run(parsed, context)
            console.flush()
            return code
        } catch let error as SKMError {
            console.flush()
            return report(error, spec: spec, json: parsed.flag("json"))
        } catch is OutputClosed {
            return 0
        } catch {
            console.flush()
            console.err("Kesalahan internal skm: \(error). Tidak ada yang disimpan bila perintah belum selesai.")
            return 1
        }
    }

    func report(_ error: SKMError, spec: CommandSpec, json: Bool) -> Int32 {
        if json {
            console.json(ErrorJSON.document(error))
            console.flush()
        }
        if error.kind == .usage {
            console.err("\(error.message) Lihat 'skm \(spec.name) --help'.")
            return 2
        }
        console.err(error.message)
        return 1
    }

    /// The longest command path that prefixes the tokens.
    func match(_ tokens: [String]) -> (CommandSpec, Int)? {
        commands
            .filter { tokens.count >= $0.path.count && Array(tokens.prefix($0.path.count)) == $0.path }
            .max { $0.path.count < $1.path.count }
            .map { ($0, $0.path.count) }
    }

    /// Tokens that name no command: a group's help (`skm rtl --help`, exit 0), a group without
    /// its subcommand (usage error listing them), or an unknown command.
    func unmatched(_ tokens: [String]) -> Int32 {
        let words = Array(tokens.prefix { !$0.hasPrefix("-") })
        if let group = CommandGroup.at(words, in: commands) {
            if tokens.contains("--help") || tokens.contains("-h") {
                console.out(group.helpText)
                return 0
            }
            console.err("Perintah 'skm \(group.name)' belum lengkap: pilih salah satu perintahnya.")
            for line in group.memberLines { console.err(line) }
            console.err("Bantuan: skm \(group.name) --help")
            return 2
        }
        let attempted = words.joined(separator: " ")
        if let first = words.first, let group = CommandGroup.at([first], in: commands) {
            console.err("Perintah 'skm \(attempted.clipped(40))' tidak dikenal. Perintah di bawah 'skm \(group.name)':")
            for line in group.memberLines { console.err(line) }
        } else {
            console.err("Perintah tidak dikenal: '\(attempted.clipped(40))'. Lihat 'skm --help'.")
        }
        return 2
    }

    /// A command's help, followed by the commands under it when it is also a group.
    func helpText(of spec: CommandSpec) -> String {
        spec.helpText + (CommandGroup.at(spec.path, in: commands)?.subcommandSection ?? "")
    }

    func help(for path: [String]) -> Int32 {
        if let spec = commands.first(where: { $0.path == path }) {
            console.out(helpText(of: spec))
            return 0
        }
        if let group = CommandGroup.at(path, in: commands) {
            console.out(group.helpText)
            return 0
        }
        if let (spec, _) = match(path) {
            console.out(helpText(of: spec))
            return 0
        }
        console.err("Tidak ada bantuan untuk '\(path.joined(separator: " "))'. Lihat 'skm --help'.")
        return 2
    }

    var overview: String {
        var lines = [
            "skm — Survei Kepuasan Masyarakat: IKM persis menurut PermenPANRB 14/2017.",
            "",
            "Penggunaan: skm <perintah> [argumen] [opsi]",
            "",
            "Perintah:",
        ]
        let labels = commands.map { $0.name + ($0.arguments.isEmpty ? "" : " " + $0.arguments) }
        let width = (labels.map(\.count).max() ?? 0) + 2
        for (label, spec) in zip(labels, commands) { lines.append("  " + label.padding(width) + spec.summary) }
        lines += [
            "",
            "Setiap perintah menerima --db BERKAS (bawaan: $SKM_DB, atau ./skm.sqlite) dan --help.",
            "Mulai cepat: skm demo",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
