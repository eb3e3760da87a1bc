import Foundation
import SKMJSON
import SKMTestSupport
import Testing

/// `skm zi` and `skm ikm --by semester` through the binary, and `zi.summary` through `skm rpc`.
@Suite struct ZonaIntegritasCLITests {
    func sample(_ skm: SKMProcess) throws {
        try skm.registry()
        for (questionnaire, answers, date) in [
            ("ipkp-90-2021", "444444444", "2025-02-01"), ("ipkp-90-2021", "333333333", "2025-05-01"),
            ("ipak-90-2021", "44443", "2025-08-01"), ("ipak-90-2021", "22222", "2025-11-01"),
        ] {
            let out = try skm.run([
                "submit", "--unit", "KEC", "--service", "KTP", "--questionnaire", questionnaire, "--answers", answers, "--date",
                date,
            ])
            #expect(out.status == 0, "\(out.stderr)")
        }
    }

    @Test func tableJSONCSVAndThePrintablePage() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try sample(skm)
        let table = try skm.run(["zi", "--year", "2025"])
        #expect(table.status == 0, "\(table.stderr)")
        let rows = table.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        // The IPAK table's second semester: NRR 3, 3, 3, 3, 2,5 → indeks 2,90 → 72,50, C, LKE 0,33.
        #expect(
            rows.filter { $0.hasPrefix("Semester II ") }.last == "Semester II 2 2,90 72,50 C Kurang Baik 0,33", "\(table.stdout)")
        let json = try skm.run(["zi", "--year", "2025", "--json"]).json
        let ipak = json["surveys"]?.arrayValue?[1]
        #expect(ipak?["questionnaire"]?["id"] == "ipak-90-2021")
        #expect(
            ipak?["periods"]?.arrayValue?.map { $0["lke"] }
                == [nil, nil, 1, 0, nil, 0.33, 0.33].map { $0.map { .double($0) } ?? .null })
        let csv = try skm.run(["zi", "--year", "2025", "--csv"]).stdout
        #expect(csv.contains("ipkp,2025-S1,Semester I,2,3.5,87.5,87.5,B,Baik,0.67"), "\(csv)")

        let page = skm.directory + "/zi-2025.html"
        let written = try skm.run(["zi", "--year", "2025", "--html", page])
        #expect(written.status == 0 && written.stdout == page + "\n", "\(written.stderr)")
        #expect(try String(contentsOfFile: page, encoding: .utf8).contains("Tabel 2. IPAK per triwulan, semester dan tahun"))
        let again = try skm.run(["zi", "--year", "2025", "--html", page])
        #expect(again.status != 0 && again.stderr.contains("--force"), "\(again.stderr)")
        #expect(try skm.run(["zi", "--year", "2025", "--html", page, "--force"]).status == 0)
        let both = try skm.run(["zi", "--year", "2025", "--json", "--csv"])
        #expect(both.status == 2 || both.status == 1)
        #expect(try skm.run(["zi"]).stderr.contains("--year"))
    }

    @Test func ikmBySemesterAndTheRPCMethod() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try sample(skm)
        let bySemester = try skm.run(["ikm", "--year", "2025", "--questionnaire", "ipak-90-2021", "--by", "semester", "--json"])
        let groups = bySemester.json["breakdowns"]?["semester"]?.arrayValue
        #expect(groups?.map { $0["key"] } == ["2025-S2"])
        #expect(groups?.first?["ikmDisplay"] == 72.5)
        let rpc = try skm.run(
            ["rpc"], input: #"{"jsonrpc":"2.0","method":"zi.summary","params":{"year":2025,"unit":"KEC"},"id":1}"# + "\n")
        let answer = try JSONParser().parse(rpc.stdout)
        let ipkp = answer["result"]?["surveys"]?.arrayValue?[0]
        #expect(ipkp?["periods"]?.arrayValue?.last?["ikmDisplay"] == 87.5, "\(rpc.stdout)")
        #expect(ipkp?["periods"]?.arrayValue?.last?["lke"] == 0.67)
        let bad = try skm.run(["rpc"], input: #"{"jsonrpc":"2.0","method":"zi.summary","params":{},"id":2}"# + "\n")
        #expect(try JSONParser().parse(bad.stdout)["error"]?["data"]?["field"] == "year", "\(bad.stdout)")
    }
}
