import Foundation
import SKMJSON
import SKMTestSupport
import Testing

/// The real readers of the workbooks skm writes: openpyxl (in the virtual environment `.ci/run`
/// makes, `.build/ci-venv` or `SKM_CI_VENV`, or `SKM_CI_PYTHON`) and LibreOffice headless. Under
/// CI=true a missing reader fails these tests instead of skipping them.
extension OfficeReaders {
    /// A python3 that can import `module`: `SKM_CI_PYTHON`, the CI venv, then PATH's.
    static func python(importing module: String) -> String? {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let chosen = environment["SKM_CI_PYTHON"] { candidates.append(chosen) }
        candidates.append((environment["SKM_CI_VENV"] ?? (PackagePaths.root + "/.build/ci-venv")) + "/bin/python3")
        if let path = PythonClientTests.python3() { candidates.append(path) }
        return candidates.first { candidate in
            FileManager.default.isExecutableFile(atPath: candidate)
                && (try? PythonClientTests.run(
                    candidate, ["-c", "import \(module)"], in: URL(fileURLWithPath: PackagePaths.root), environment: [:],
                    limit: 60
                ).status) == 0
        }
    }

    static let openpyxl: String? = python(importing: "openpyxl")

    static var available: Bool { openpyxl != nil && soffice != nil }

    static let skipMessage: Comment = "openpyxl atau LibreOffice tidak terpasang; uji xlsx dilewati (di CI gagal, tidak dilewati)"

    /// Runs Scripts/xlsx/check_workbook.py on a workbook and the CSV export of the same data.
    static func check(workbook: String, csv: String) throws -> JSONValue {
        let python = try #require(openpyxl, "python3 dengan openpyxl tidak ditemukan; .ci/run harus memasangnya")
        try #require(soffice != nil, "LibreOffice (soffice) tidak ditemukan; .ci/run harus memasangnya")
        let output = try PythonClientTests.run(
            python, [PackagePaths.root + "/Scripts/xlsx/check_workbook.py", workbook, csv],
            in: URL(fileURLWithPath: PackagePaths.root), environment: ["PYTHONDONTWRITEBYTECODE": "1"], limit: 400)
        #expect(output.status == 0, "check_workbook.py exited \(output.status):\n\(output.text)")
        let lastLine = output.text.split(separator: "\n").last.map(String.init) ?? ""
        return (try? JSONParser().parse(lastLine)) ?? .null
    }
}

@Suite struct XlsxWorkbookTests {
    static let hostileComments = [
        "=HYPERLINK(\"http://contoh.invalid\",\"klik\")", "+62 812 3456", "@SUM(A1)", "-1", "biasa _x0041_ &amp; <b>",
    ]

    /// The demo data plus responses whose comments would be formulas if written as such, and blanks.
    func prepare(_ skm: SKMProcess) throws -> String {
        try skm.run(["demo"])
        let db = skm.directory + "/skm-demo/skm.sqlite"
        for (i, comment) in Self.hostileComments.enumerated() {
            let result = try skm.run([
                "submit", "--db", db, "--unit", "KEC-TT", "--service", "KTP-KK", "--answers", "4,3,,4,4,3,3,4,\(i % 4 + 1)",
                "--date", "2025-06-2\(8 + i % 2)", "--comment", comment,
            ])
            #expect(result.status == 0, "\(result.stderr)")
        }
        return db
    }

    @Test(.enabled(if: OfficeReaders.available || OfficeReaders.mustRun, OfficeReaders.skipMessage))
    func exportedWorkbookRecalculatesInLibreOfficeToSkmsValues() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let db = try prepare(skm)
        let book = skm.directory + "/olah.xlsx"
        let exported = try skm.run(["export", "--db", db, "--year", "2025", "--format", "xlsx", "--out", book])
        #expect(exported.status == 0, "\(exported.stderr)")
        let csv = try skm.run(["export", "--db", db, "--year", "2025", "--out", skm.directory + "/data.csv"])
        #expect(csv.status == 0)
        let ikm = try skm.run(["ikm", "--db", db, "--year", "2025", "--json"]).json

        let report = try OfficeReaders.check(workbook: book, csv: skm.directory + "/data.csv")
        #expect(report["problems"] == .array([]), "\(String(describing: report["problems"]))")
        #expect(report["rows"] == ikm["respondents"], "every response on sheet Data")
        let formulas = Int(number(report["formulas"]) ?? 0)
        // 9 unsur × 4 + 6 results on Olah Data, and per service and per quarter 17 each.
        #expect(formulas > 150, "\(formulas) formulas")
        #expect(report["stripped"] == report["formulas"], "every formula recalculated from nothing")
        #expect(number(report["named"]?["IKM_Tampil"]) == number(ikm["ikmDisplay"]))
        #expect(report["named"]?["IKM_Mutu"] == ikm["mutu"])
        #expect(report["named"]?["IKM_Responden"] == ikm["respondents"])
    }

    @Test(.enabled(if: OfficeReaders.available || OfficeReaders.mustRun, OfficeReaders.skipMessage))
    func ikmWorkbookReflectsRoundedWeightsAndTheMeanOfServices() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let db = try prepare(skm)
        let book = skm.directory + "/ikm.xlsx"
        let args = ["--db", db, "--year", "2025", "--weighting", "0.111", "--aggregation", "mean-of-services"]
        let run = try skm.run(["ikm"] + args + ["--json", "--xlsx", book])
        #expect(run.status == 0, "\(run.stderr)")
        let ikm = run.json
        _ = try skm.run(["export", "--db", db, "--year", "2025", "--out", skm.directory + "/data.csv"])
        let pooled = try skm.run(["ikm", "--db", db, "--year", "2025", "--weighting", "0.111", "--json"]).json

        let report = try OfficeReaders.check(workbook: book, csv: skm.directory + "/data.csv")
        #expect(report["problems"] == .array([]), "\(String(describing: report["problems"]))")
        #expect(number(report["named"]?["IKM_Tampil"]) == number(pooled["ikmDisplay"]))
        let mean = try #require(number(report["named"]?["IKM_RataRataLayanan"]))
        let skmMean = try #require(number(ikm["ikm"]))
        #expect(abs(mean - skmMean) < 0.005, "mean of services \(mean) vs skm \(skmMean)")
        #expect(pooled["ikm"] != ikm["ikm"], "the two aggregations differ on this data, so the test tells them apart")
    }

    @Test func anExistingWorkbookIsReplacedOnlyWithForce() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.run(["demo"])
        let db = skm.directory + "/skm-demo/skm.sqlite"
        let book = skm.directory + "/ada.xlsx"
        try "bukan buatan skm".write(toFile: book, atomically: true, encoding: .utf8)
        let refused = try skm.run(["export", "--db", db, "--format", "xlsx", "--out", book])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: book, encoding: .utf8) == "bukan buatan skm")
        let ikmRefused = try skm.run(["ikm", "--db", db, "--xlsx", book])
        #expect(ikmRefused.status == 1)
        let forced = try skm.run(["export", "--db", db, "--format", "xlsx", "--out", book, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        let bytes = try #require(FileManager.default.contents(atPath: book))
        #expect(bytes.prefix(2) == Data("PK".utf8))
        let attributes = try FileManager.default.attributesOfItem(atPath: book)
        #expect((attributes[.posixPermissions] as? Int) == 0o600, "citizens' answers: owner only")

        let noOut = try skm.run(["export", "--db", db, "--format", "xlsx"])
        #expect(noOut.status == 2, "\(noOut.stderr)")
        let voided = try skm.run([
            "export", "--db", db, "--format", "xlsx", "--include-voided", "--out", skm.directory + "/v.xlsx",
        ])
        #expect(voided.status == 2, "\(voided.stderr)")
        #expect(!FileManager.default.fileExists(atPath: skm.directory + "/v.xlsx"))
    }
}

/// A JSON number as a Double (nil for anything else).
func number(_ value: JSONValue?) -> Double? {
    value?.numberValue.flatMap { Double($0.text) }
}
