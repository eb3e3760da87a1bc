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

    /// Google Forms' CSV timestamps: year first with AM/PM and zone, day first 24-hour, month first
    /// where the day is above 12; a 12-hour one whose day and month could swap is refused, naming
    /// the row and the forms skm reads.
    @Test func googleFormsTimestampsInACSV() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        let header = "Timestamp,Unit Layanan,Jenis Layanan,U1,U2,U3,U4,U5,U6,U7,U8,U9\n"
        let answers = ",KEC,KTP,4,3,4,3,4,4,3,3,4\n"
        let stamps = [
            "2025/03/14 9:05:12 AM GMT+7", "14/03/2025 09:05:12", "3/15/2025 9:05:12 PM", "2025-03-16T09:05:12+07:00",
            "2025-03-17 21:05", "4/3/2025 9:05:12",
        ]
        let path = try skm.write("gforms.csv", header + stamps.map { $0 + answers }.joined())
        let result = try skm.run(["import", path])
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        let dates = try skm.run(["response", "list", "--json"]).json.arrayValue?.map { $0["date"]?.stringValue ?? "" }
        #expect(dates == ["2025-03-14", "2025-03-14", "2025-03-15", "2025-03-16", "2025-03-17", "2025-03-04"])

        let ambiguous = try skm.write(
            "ambigu.csv", header + "2025/03/18 9:05:12 AM GMT+7" + answers + "3/4/2025 9:05:12 PM" + answers)
        let refused = try skm.run(["import", ambiguous, "--json"])
        #expect(refused.status == 1)
        let error = refused.json["errors"]?.arrayValue?.first
        #expect(error?["row"] == 3)
        #expect(error?["column"] == "Timestamp")
        #expect(error?["code"] == "invalid_date")
        #expect(error?["message"]?.stringValue?.contains("ambigu") == true, "\(refused.stdout)")
        #expect(error?["message"]?.stringValue?.contains("14/03/2025 09:05:12") == true)
        #expect(try skm.storedCount() == 6)
    }
}
