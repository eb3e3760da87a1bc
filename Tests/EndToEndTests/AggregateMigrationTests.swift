import Foundation
import SKMJSON
import SKMTestSupport
import Testing

/// A database written by the release of schema 4 (Tests/Fixtures/schema4: two units, five
/// services, two questionnaires, blanks and voids), opened by this skm: migrated to one packed
/// aggregate row per key, every `skm ikm --json` figure is byte for byte what that release
/// printed, and `skm check` finds nothing.
@Suite struct AggregateMigrationTests {
    static let fixtures = PackagePaths.root + "/Tests/Fixtures/schema4"

    @Test func everyIKMFigureOfASchema4DatabaseSurvivesTheMigration() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let db = skm.directory + "/schema4.sqlite"
        try FileManager.default.copyItem(atPath: Self.fixtures + "/skm-schema4.sqlite", toPath: db)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [Self.fixtures + "/figures.sh", SKMProcess.binary, db, skm.directory + "/now"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        let expected = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures).filter { $0.hasPrefix("expected-") }
            .sorted()
        #expect(expected.count == 21)
        for name in expected {
            let before = try String(contentsOfFile: Self.fixtures + "/" + name, encoding: .utf8)
            let after = try String(contentsOfFile: skm.directory + "/now-" + name.dropFirst("expected-".count), encoding: .utf8)
            #expect(after == before, "\(name)")
        }
        let info = try skm.run(["check", "--json", "--db", db])
        #expect(info.status == 0, "\(info.stdout)")
        let schema = try skm.run(["__python__", "-c", Self.schemaScript, db], input: "", environment: [:], python: true)
        #expect(schema.stdout == "11 aggregates\n", "\(schema.stdout)\(schema.stderr)")
    }

    /// The schema version and the aggregate tables left after the migration.
    static let schemaScript = """
        import sqlite3, sys
        c = sqlite3.connect(sys.argv[1])
        tables = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE name IN ('aggregates', 'daily_totals', 'daily_unsur') ORDER BY name")]
        print(c.execute("PRAGMA user_version").fetchone()[0], " ".join(tables))
        """
}
