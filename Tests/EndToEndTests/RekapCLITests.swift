import Foundation
import SKMJSON
import Testing

/// `skm unit add --parent`, `unit move`, `unit list`, `skm rekap` and `skm report --rekap` as a
/// user runs them: the README's worked example (87,50 against 92,00) from the built binary.
@Suite struct RekapCLITests {
    /// KAB over DINKES (over PKM-A: 17 respondents answering 4) and KEC-X (8 answering 3).
    func kabupaten() throws -> SKMProcess {
        let skm = SKMProcess()
        for command in [
            ["init"], ["unit", "add", "KAB", "Kabupaten", "Uji"],
            ["unit", "add", "DINKES", "Dinas", "Kesehatan", "--parent", "KAB"],
            ["unit", "add", "PKM-A", "Puskesmas", "A", "--parent", "dinkes", "--population", "10"],
            ["unit", "add", "KEC-X", "Kecamatan", "X", "--parent", "KAB"], ["service", "add", "PKM-A", "LYN", "Layanan"],
            ["service", "add", "KEC-X", "LYN", "Layanan"],
        ] {
            let result = try skm.run(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        func many(_ unit: String, _ answer: Int, _ count: Int) -> String {
            let one = #"{"unit":"\#(unit)","service":"LYN","date":"2025-03-03","answers":\#(Array(repeating: answer, count: 9))}"#
            return
                #"{"jsonrpc":"2.0","method":"response.submitMany","params":{"responses":[\#(Array(repeating: one, count: count).joined(separator: ","))]},"id":1}"#
        }
        let rpc = try skm.run(["rpc"], input: many("PKM-A", 4, 17) + "\n" + many("KEC-X", 3, 8) + "\n")
        #expect(rpc.status == 0 && !rpc.stdout.contains("\"error\""), "\(rpc.stdout)")
        return skm
    }

    @Test func theTreeIsListedAndACycleIsRefused() throws {
        let skm = try kabupaten()
        defer { skm.cleanUp() }
        let list = try skm.run(["unit", "list"]).stdout
        #expect(list.contains("\n  └ DINKES"), "\(list)")
        #expect(list.contains("\n    └ PKM-A"), "\(list)")
        let json = try skm.run(["unit", "list", "--json"]).json
        #expect(json.arrayValue?.map { $0["code"]?.stringValue ?? "" } == ["KAB", "DINKES", "PKM-A", "KEC-X"])
        #expect(json.arrayValue?[2]["population"] == 10)
        let cycle = try skm.run(["unit", "move", "KAB", "--parent", "PKM-A"])
        #expect(cycle.status == 1)
        #expect(cycle.stderr.contains("tidak dapat dipindah ke bawah PKM-A"), "\(cycle.stderr)")
        #expect(try skm.run(["unit", "list", "--json"]).json == json)
        #expect(try skm.run(["ikm", "--year", "2025", "--unit", "DINKES", "--json"]).json["respondents"] == 17)
        #expect(try skm.run(["ikm", "--year", "2025", "--unit", "KAB", "--json"]).json["respondents"] == 25)
        #expect(try skm.run(["unit", "move", "PKM-A", "--parent", "KEC-X"]).status == 0)
        #expect(try skm.run(["ikm", "--year", "2025", "--unit", "KEC-X", "--json"]).json["respondents"] == 25)
    }

    @Test func theWorkedExampleByBothMethodsInEveryOutput() throws {
        let skm = try kabupaten()
        defer { skm.cleanUp() }
        let text = try skm.run(["rekap", "--year", "2025", "--parent", "KAB"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Metode: gabungan semua jawaban (pooled)"), "\(text.stdout)")
        #expect(text.stdout.contains("IKM gabungan (pooled): 92,00"), "\(text.stdout)")
        #expect(text.stdout.contains("Pembanding, metode mean-of-units: 87,50"), "\(text.stdout)")
        let mean = try skm.run(["rekap", "--year", "2025", "--parent", "KAB", "--method", "mean-of-units", "--json"]).json
        #expect(mean["method"] == "mean-of-units")
        #expect(mean["consolidated"]?["ikmDisplay"] == 87.5)
        #expect(mean["ranking"] == ["DINKES", "KEC-X"])
        let csv = try skm.run(["rekap", "--year", "2025", "--parent", "KAB", "--csv", "--separator", ";"]).stdout
        let rows = csv.split(separator: "\r\n").dropFirst()
        #expect(rows.count == 3 && rows.allSatisfy { $0.hasPrefix("pooled;") }, "\(csv)")
        #expect(rows.last?.contains(";92;92;A;Sangat Baik;") == true, "\(csv)")
        let bad = try skm.run(["rekap", "--year", "2025", "--method", "median"])
        #expect(bad.status == 1 && bad.stderr.contains("mean-of-units"), "\(bad.stderr)")
        #expect(try skm.run(["rekap"]).status == 2)
    }

    @Test(.enabled(if: PDFPrinter.found != nil || PDFPrinter.mustRun, PDFPrinter.skipMessage))
    func theRekapReportPrintsOnA4() throws {
        try #require(PDFPrinter.found != nil, "Chromium tidak ditemukan; .ci/run harus memasangnya")
        let skm = try kabupaten()
        defer { skm.cleanUp() }
        let report = try skm.run(["report", "--rekap", "--year", "2025", "--parent", "KAB", "--out", "rk"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("rk/rekap-ikm-2025-KAB.html"), "\(report.stdout)")
        #expect(try skm.run(["report", "--rekap", "--year", "2025", "--unit", "KAB"]).status == 2)
        let pdf = try PDFPrinter.print(skm.directory + "/rk/rekap-ikm-2025-KAB.html", into: skm.directory)
        let pages = PDFPrinter.pageCount(pdf)
        // Cover, contents and five chapters each start a page.
        #expect(pages >= 7, "\(pages) pages")
        for box in PDFPrinter.mediaBoxes(pdf) {
            #expect(abs(box.width - 595.28) < 1 && abs(box.height - 841.89) < 1, "not A4: \(box.width) × \(box.height)")
        }
    }
}
