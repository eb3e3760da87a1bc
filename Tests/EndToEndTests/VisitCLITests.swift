import Foundation
import SKMJSON
import SKMTestSupport
import Testing

/// Visits (survey set zi: SKM + IPKP + IPAK answered by one respondent in one sitting) through the
/// binary: `skm entry --set zi` on a pseudo-terminal, a file of visits with prefixed columns, RPC
/// `visit.submit`, and `skm visit void`.
@Suite struct VisitCLITests {
    func stored(_ skm: SKMProcess) throws -> [JSONValue] {
        try skm.run(["response", "list", "--json", "--limit", "1000"]).json.arrayValue ?? []
    }

    @Test func entryTypesTheThreeFormsAndTheProfileOnce() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        // SKM all at once, IPKP one key per answer, IPAK at once; then gender 2, education 4,
        // occupation 1, age 35, Enter to save; q to finish.
        var chunks = ["434344343"]
        chunks += Array(repeating: "3", count: 9)
        chunks += ["44443", "2", "4", "1", "35\r", "\r", "q"]
        let result = try skm.terminal(
            chunks, arguments: ["--set", "zi", "--unit", "KEC", "--service", "KTP", "--date", "2025-06-02"])
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("Tersimpan: kunjungan #1 (respons #1, #2, #3)."), "\(result.stdout)")
        let rows = try stored(skm)
        #expect(rows.map { $0["questionnaire"] } == ["permenpanrb-14-2017", "ipkp-90-2021", "ipak-90-2021"])
        #expect(rows.map { $0["answers"] } == [[4, 3, 4, 3, 4, 4, 3, 4, 3], [3, 3, 3, 3, 3, 3, 3, 3, 3], [4, 4, 4, 4, 3]])
        let profile: JSONValue = ["gender": "P", "education": "SMA", "occupation": "PNS", "age": 35]
        #expect(rows.map { $0["respondent"] } == [profile, profile, profile])
        #expect(rows.allSatisfy { $0["date"] == "2025-06-02" })
        let visit = try skm.run(["visit", "show", "1", "--json"]).json
        #expect(visit["set"] == "zi" && visit["responses"] == [1, 2, 3])
    }

    @Test func aFileOfVisitsWithPrefixedColumns() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        let skmColumns = (1...9).map { "skm.U\($0)" } + (1...9).map { "ipkp.U\($0)" } + (1...5).map { "ipak.U\($0)" }
        let header = (["Tanggal", "Unit", "Layanan", "Jenis Kelamin", "Usia", "Nama"] + skmColumns).joined(separator: ";")
        let rows = [
            "01/04/2025;KEC;KTP;L;40;Budi;" + Array(repeating: "4", count: 9).joined(separator: ";") + ";"
                + Array(repeating: "3", count: 9).joined(separator: ";") + ";4;4;4;4;3",
            "01/10/2025;KEC;KTP;P;;Sari;" + Array(repeating: "3", count: 9).joined(separator: ";") + ";"
                + Array(repeating: "4", count: 9).joined(separator: ";") + ";2;2;2;2;2",
        ]
        let path = try skm.write("kunjungan.csv", ([header] + rows).joined(separator: "\n") + "\n")
        let first = try skm.run(["import", path, "--json"])
        #expect(first.status == 0, "\(first.stdout) \(first.stderr)")
        #expect(first.json["visits"] == 2 && first.json["stored"] == 6)
        #expect(first.json["identityColumns"] == ["Nama"])
        // The same file again stores nothing new: its rows (no clientId) are recognised by their content.
        let again = try skm.run(["import", path, "--json"])
        #expect(again.json["stored"] == 0 && again.json["skipped"] == 2 && again.json["duplicates"] == 0, "\(again.stdout)")
        let zi = try skm.run(["zi", "--year", "2025", "--json"]).json
        let ipak = zi["surveys"]?.arrayValue?[1]["periods"]?.arrayValue?.last
        #expect(ipak?["respondents"] == 2 && ipak?["ikmDisplay"] == 72.5)
        #expect(
            try skm.run(["ikm", "--year", "2025", "--questionnaire", "permenpanrb-14-2017", "--population", "10", "--json"]).json[
                "sample"]?["respondents"] == 2)

        // A bad answer in one questionnaire: nothing stored, the row and the prefixed column named.
        let bad = try skm.write(
            "rusak.csv", ([header] + [rows[0].dropLast("4;4;4;4;3".count) + "4;4;9;4;3"]).joined(separator: "\n")
        )
        let refused = try skm.run(["import", bad, "--json"])
        #expect(refused.status == 1)
        #expect(refused.json["errors"]?.arrayValue?.first?["column"] == "ipak.U3", "\(refused.stdout)")
        #expect(refused.json["errors"]?.arrayValue?.first?["row"] == 2)
        #expect(try stored(skm).count == 6)
        // A questionnaire with a missing column is refused before any row is read.
        let short = try skm.write("kurang.csv", header.replacingOccurrences(of: ";ipak.U5", with: "") + "\n")
        #expect(try skm.run(["import", short]).stderr.contains("ipak.U5"))

        // Form tools' timestamps follow the import rule (`DateText`); an ambiguous one is refused.
        let answers = rows[0].drop { $0 != ";" }.dropFirst()
        let stampedRows = [header, "2025/04/02 9:05:12 AM GMT+7;" + answers, "3/4/2025 9:05:12 AM;" + answers]
        let stamped = try skm.write("cap-waktu.csv", stampedRows.joined(separator: "\n"))
        let stamps = try skm.run(["import", stamped, "--json"])
        #expect(stamps.status == 1)
        #expect(stamps.json["invalidRows"] == 1, "\(stamps.stdout)")
        #expect(stamps.json["errors"]?.arrayValue?.first?["row"] == 3)
        #expect(stamps.json["errors"]?.arrayValue?.first?["message"]?.stringValue?.contains("ambigu") == true)
        let kept = try skm.run(["import", stamped, "--skip-invalid", "--json"])
        #expect(kept.json["visits"] == 1, "\(kept.stdout)")
        #expect(try stored(skm).count == 9)
    }

    @Test func rpcSubmitAndVoidingAVisit() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        let request =
            #"{"jsonrpc":"2.0","method":"visit.submit","params":{"unit":"KEC","service":"KTP","date":"2025-03-01","respondent":{"gender":"L"},"answers":{"skm":[4,4,4,4,4,4,4,4,4],"ipkp":[3,3,3,3,3,3,3,3,3],"ipak":{"U1":4,"U2":4,"U3":4,"U4":4,"U5":4}},"clientId":"meja-1"},"id":1}"#
        let rpc = try skm.run(["rpc"], input: request + "\n" + request + "\n")
        let answers = rpc.stdout.split(separator: "\n").compactMap { try? JSONParser().parse(String($0)) }
        #expect(answers.first?["result"]?["visit"] == 1, "\(rpc.stdout)")
        #expect(answers.last?["result"]?["duplicate"] == true)
        #expect(try stored(skm).count == 3)
        let voided = try skm.run(["visit", "void", "1", "--reason", "Salah layanan"])
        #expect(voided.status == 0, "\(voided.stderr)")
        #expect(try stored(skm).allSatisfy { $0["voided"] == true })
        #expect(try skm.run(["visit", "void", "1", "--reason", "lagi"]).status == 1)
        #expect(try skm.run(["visit", "show", "7"]).stderr.contains("Kunjungan #7 tidak ditemukan"))
    }
}
