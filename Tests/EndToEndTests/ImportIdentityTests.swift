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

    /// A header-only file stores nothing and records no batch: importing it twice is no error, and
    /// the same file once filled imports its rows.
    @Test func aFileWithoutRowsRecordsNoBatchAndBlocksNothing() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        let header = "date,unit,service,U1,U2,U3,U4,U5,U6,U7,U8,U9\n"
        let path = try skm.write("form.csv", header)
        for _ in 0..<2 {
            let empty = try skm.run(["import", path])
            #expect(empty.status == 0, "\(empty.stdout) \(empty.stderr)")
            #expect(empty.stdout.contains("tidak memuat baris data"), "\(empty.stdout)")
        }
        let json = try skm.run(["import", path, "--json"])
        #expect(json.status == 0)
        #expect(json.json["batch"] == .null)
        #expect(json.json["rowsRead"] == 0)
        #expect(try skm.run(["import", "list", "--json"]).json.arrayValue?.count == 0)

        _ = try skm.write("form.csv", header + "2025-03-01,KEC,KTP,4,3,4,3,4,4,3,3,4\n")
        let filled = try skm.run(["import", path, "--json"])
        #expect(filled.status == 0, "\(filled.stdout) \(filled.stderr)")
        #expect(filled.json["stored"] == 1)
        #expect(filled.json["batch"] == 1)
        let batches = try skm.run(["import", "list", "--json"]).json.arrayValue ?? []
        #expect(batches.count == 1)
        // The empty file again, after a real import: still nothing recorded, no refusal.
        let emptyAgain = try skm.write("kosong.csv", header)
        #expect(try skm.run(["import", emptyAgain]).status == 0)
        #expect(try skm.run(["import", "list", "--json"]).json.arrayValue?.count == 1)
    }
}
