import Foundation
import Testing

/// `skm rtl --help`, `skm help rtl` and `skm rtl` for every command group, through the binary.
@Suite struct CommandGroupHelpTests {
    /// The command paths `skm --help` lists (the words of each label before its arguments).
    static func listedPaths(_ overview: String) -> [[String]] {
        overview.split(separator: "\n").compactMap { line -> [String]? in
            guard line.hasPrefix("  "), let label = line.dropFirst(2).components(separatedBy: "  ").first else { return nil }
            let words = label.split(separator: " ").map(String.init).prefix { $0.first?.isLowercase ?? false }
            return words.isEmpty ? nil : Array(words)
        }
    }

    @Test func everyGroupHasHelpThatListsItsSubcommands() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let paths = Self.listedPaths(try skm.run(["--help"]).stdout)
        var groups: [String: [[String]]] = [:]
        for path in paths where path.count > 1 { groups[path[0], default: []].append(path) }
        // The groups the walkthrough found, and every other one `skm --help` lists.
        let known = [
            "rtl", "publish", "visit", "unit", "package", "service", "questionnaire", "iku", "akip", "response", "import",
        ]
        #expect(Set(known).isSubset(of: Set(groups.keys)), "\(groups.keys.sorted())")
        for (group, members) in groups.sorted(by: { $0.key < $1.key }) {
            for asked in [[group, "--help"], ["help", group], [group, "--db", "x.sqlite", "--help"]] {
                let help = try skm.run(asked)
                #expect(help.status == 0, "skm \(asked.joined(separator: " ")): \(help.stderr)")
                for member in members {
                    let line = help.stdout.split(separator: "\n").first { $0.contains("skm \(member.joined(separator: " "))") }
                    #expect(line != nil, "skm \(asked.joined(separator: " ")) lacks \(member): \(help.stdout)")
                }
            }
            if group == "import" { continue }  // `skm import` is itself a command (it needs BERKAS)
            let bare = try skm.run([group])
            #expect(bare.status == 2, "skm \(group)")
            #expect(bare.stderr.contains("belum lengkap"), "\(bare.stderr)")
            for member in members {
                #expect(bare.stderr.contains("skm \(member.joined(separator: " "))"), "skm \(group) lacks \(member)")
            }
        }
    }

    @Test func groupHelpGivesEachSubcommandItsSummary() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let help = try skm.run(["rtl", "--help"])
        #expect(help.stdout.hasPrefix("Penggunaan: skm rtl <perintah>"))
        #expect(help.stdout.contains("skm rtl done N"))
        let done = try skm.run(["rtl", "done", "--help"]).stdout.split(separator: "\n")
        let summary = try #require(done.dropFirst().first)
        #expect(help.stdout.contains(summary), "the one line is the command's summary")
        let unknown = try skm.run(["rtl", "terbang"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("'skm rtl terbang' tidak dikenal") && unknown.stderr.contains("skm rtl add"))
        let imported = try skm.run(["import", "--help"])
        #expect(imported.status == 0 && imported.stdout.hasPrefix("Penggunaan: skm import BERKAS"))
        #expect(imported.stdout.contains("Perintah lain di bawah 'skm import':") && imported.stdout.contains("skm import undo"))
        #expect(try skm.run(["help", "terbang"]).status == 2)
    }
}
