import SKMJSON
import Testing

/// An aggregate row edited to an impossible sum (issue 11 item 4): every command that sums the
/// aggregates says so with `aggregate_corrupt` instead of trapping (exit 132), `skm check`
/// names the row and `skm check --repair` rebuilds it.
@Suite struct CorruptAggregateTests {
    static let message = "Agregat di basis data tidak mungkin benar"

    /// Sets unsur 1's sum in one aggregate row of the demo database to Int64.max (the
    /// little-endian Int64 at bytes 10–17 of the packed row), with python3's sqlite3.
    func corrupt(_ skm: SKMProcess, database: String) throws {
        let script = """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            c.execute("UPDATE aggregates SET unsur = CAST(substr(unsur, 1, 9) || x'FFFFFFFFFFFFFF7F' || substr(unsur, 18) AS BLOB)"
              " WHERE (questionnaire, day, unit_id, service_id) ="
              " (SELECT questionnaire, day, unit_id, service_id FROM aggregates ORDER BY day LIMIT 1)")
            c.commit()
            print(c.total_changes)
            """
        let result = try skm.run(["__python__", "-c", script, database], input: "", environment: [:], python: true)
        #expect(result.status == 0 && result.stdout.hasPrefix("1"), "\(result.stderr)")
    }

    @Test func everySumOverTheAggregatesReportsTheRowInsteadOfCrashing() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        #expect(try skm.run(["demo"]).status == 0)
        let db = "skm-demo/skm.sqlite"
        try corrupt(skm, database: skm.directory + "/" + db)

        for arguments in [["ikm"], ["ikm", "--year", "2025", "--by", "service,quarter,month,unit,year"]] {
            let ikm = try skm.run(arguments + ["--db", db])
            #expect(ikm.status == 1, "\(arguments): \(ikm.status) \(ikm.stderr)")
            #expect(ikm.stderr.contains(Self.message) && ikm.stderr.contains("skm check --repair"), "\(ikm.stderr)")
        }
        let json = try skm.run(["ikm", "--json", "--db", db])
        #expect(json.status == 1)
        #expect(json.json["error"]?["code"] == "aggregate_corrupt", "\(json.stdout)")

        let report = try skm.run(["report", "--year", "2025", "--out", "laporan", "--db", db])
        #expect(report.status == 1, "\(report.status) \(report.stderr)")
        #expect(report.stderr.contains(Self.message), "\(report.stderr)")

        let iku = try skm.run(["iku", "evaluate", "tomoni-timur-2021-2026", "--year", "2025", "--db", db])
        #expect(iku.status == 0 || iku.status == 1, "\(iku.status) \(iku.stderr)")
        #expect((iku.stdout + iku.stderr).contains(Self.message), "\(iku.stdout)\(iku.stderr)")

        let rpc = try skm.run(
            ["rpc", "--db", db],
            input: #"{"jsonrpc":"2.0","method":"ikm.compute","params":{"filter":{"year":2025},"by":["quarter"]},"id":1}"# + "\n"
                + #"{"jsonrpc":"2.0","method":"skm.info","id":2}"# + "\n")
        #expect(rpc.status == 0, "\(rpc.stderr)")
        let answers = rpc.stdout.split(separator: "\n").map { (try? JSONParser().parse(String($0))) ?? .null }
        #expect(answers.count == 2, "the server survives the bad sum: \(rpc.stdout)")
        #expect(answers.first?["error"]?["data"]?["code"] == "aggregate_corrupt", "\(rpc.stdout)")
        #expect(answers.first?["error"]?["message"]?.stringValue?.contains(Self.message) == true)
        #expect(answers.last?["result"] != nil)

        let check = try skm.run(["check", "--db", db])
        #expect(check.status == 1)
        #expect(
            check.stdout.contains("Agregat tidak mungkin:") && check.stdout.contains("9223372036854775807"), "\(check.stdout)")
        let checkJSON = try skm.run(["check", "--json", "--db", db]).json
        let implausible = checkJSON["findings"]?.arrayValue?.filter {
            $0["message"]?.stringValue?.hasPrefix("Agregat tidak mungkin") == true
        }
        #expect(implausible?.count == 1, "\(checkJSON)")
        #expect(implausible?.first?["kind"] == "aggregate")
        #expect(implausible?.first?["message"]?.stringValue?.contains("jumlah nilai 9223372036854775807 melebihi") == true)
        #expect(implausible?.first?["message"]?.stringValue?.hasSuffix("nilai tertinggi 4") == true)

        let repair = try skm.run(["check", "--repair", "--db", db])
        #expect(repair.status == 0, "\(repair.stdout)\(repair.stderr)")
        #expect(try skm.run(["check", "--db", db]).status == 0)
        let after = try skm.run(["ikm", "--year", "2025", "--json", "--db", db])
        #expect(after.status == 0 && after.json["mutu"] == "B", "\(after.stderr)")
    }
}
