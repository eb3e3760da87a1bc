import Foundation
import SKMJSON
import Testing

/// Imports that must neither double nor block: skm's own workbook imported back, files without data
/// rows, and Google Forms timestamps in a CSV — with the real binary.
@Suite struct ImportIdentityTests {
    /// skm's own `.xlsx` export carries the questionnaire and client id (as the CSV export does):
    /// imported into the same database it stores nothing; into a fresh one it stores every row once,
    /// gives the same `skm ikm --json` byte for byte, and is recognised the next time.
    @Test func skmsOwnWorkbookIsRecognisedWhereverItIsImported() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.run(["demo"])
        let db = skm.directory + "/skm-demo/skm.sqlite"
        let book = skm.directory + "/ekspor.xlsx"
        #expect(try skm.run(["export", "--db", db, "--format", "xlsx", "--out", book]).status == 0)
        let original = try skm.run(["ikm", "--db", db, "--json"])
        let respondents = try #require(original.json["respondents"]?.numberValue?.int)
        #expect(respondents > 1000)

        let same = try skm.run(["import", book, "--db", db, "--json"])
        #expect(same.status == 0, "\(same.stdout) \(same.stderr)")
        #expect(same.json["stored"] == 0)
        #expect(same.json["duplicates"]?.numberValue?.int == respondents)
        #expect(try skm.run(["ikm", "--db", db, "--json"]).stdout == original.stdout)

        let fresh = skm.directory + "/baru.sqlite"
        #expect(try skm.run(["init", "--db", fresh]).status == 0)
        let first = try skm.run(["import", book, "--db", fresh, "--create-missing", "--json"])
        #expect(first.status == 0, "\(first.stdout) \(first.stderr)")
        #expect(first.json["stored"]?.numberValue?.int == respondents)
        #expect(try skm.run(["ikm", "--db", fresh, "--json"]).stdout == original.stdout)
        // Read again on purpose: every row is known by its client id, nothing is stored twice.
        let again = try skm.run(["import", book, "--db", fresh, "--again", "--json"])
        #expect(again.status == 0, "\(again.stdout) \(again.stderr)")
        #expect(again.json["stored"] == 0)
        #expect(again.json["duplicates"]?.numberValue?.int == respondents)
        #expect(try skm.run(["ikm", "--db", fresh, "--json"]).stdout == original.stdout)
    }
}
