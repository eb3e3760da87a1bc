import Foundation
import SKMJSON
import SKMTestSupport
import Testing

/// `skm import FILE.xlsx` on workbooks written by a real writer (openpyxl, from the CI virtual
/// environment `.build/ci-venv` or `SKM_CI_PYTHON`): what is stored is read back with `skm export`.
/// Under CI=true a missing openpyxl fails these tests instead of skipping them.
@Suite struct XlsxImportTests {
    static let mustRun = ProcessInfo.processInfo.environment["CI"] == "true"

    static let openpyxl: String? = {
        var candidates: [String] = []
        if let chosen = ProcessInfo.processInfo.environment["SKM_CI_PYTHON"] { candidates.append(chosen) }
        candidates.append(PackagePaths.root + "/.build/ci-venv/bin/python3")
        if let path = PythonClientTests.python3() { candidates.append(path) }
        return candidates.first { candidate in
            FileManager.default.isExecutableFile(atPath: candidate)
                && (try? PythonClientTests.run(
                    candidate, ["-c", "import openpyxl"], in: URL(fileURLWithPath: PackagePaths.root), environment: [:], limit: 60
                ).status) == 0
        }
    }()

    static let skipMessage: Comment = "openpyxl tidak terpasang; uji impor xlsx dilewati (di CI gagal, tidak dilewati)"

    /// Writes the sample workbooks into the test's folder.
    func samples(_ skm: SKMProcess) throws {
        let python = try #require(Self.openpyxl, "python3 dengan openpyxl tidak ditemukan; .ci/run harus memasangnya")
        let output = try PythonClientTests.run(
            python,
            [
                PackagePaths.root + "/Scripts/xlsx/make_import_samples.py", skm.directory,
                PackagePaths.root + "/Questionnaires/permenpanrb-14-2017.json",
            ], in: URL(fileURLWithPath: PackagePaths.root), environment: ["PYTHONDONTWRITEBYTECODE": "1"], limit: 120)
        try #require(output.status == 0, "make_import_samples.py: \(output.text)")
    }

    /// The stored responses as CSV lines without id and createdAt: date … gender.
    func stored(_ skm: SKMProcess) throws -> [String] {
        let csv = try skm.run(["export"]).stdout
        return csv.split(whereSeparator: \.isNewline).dropFirst().map { line in
            line.split(separator: ",", omittingEmptySubsequences: false)[2..<16].joined(separator: ",")
        }
    }

    @Test(.enabled(if: openpyxl != nil || mustRun, skipMessage))
    func officeSheetWithTitleRowsDatesAndOptionTexts() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        try samples(skm)
        let result = try skm.run(["import", skm.directory + "/real.xlsx", "--json"])
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(result.json["stored"]?.numberValue?.int == 2)
        #expect(result.json["format"]?.stringValue == "xlsx")
        // Excel date and dd/mm/yyyy text; "SANGAT SESUAI" → 4, "  Mudah" → 3, "3" stored as text,
        // "Gratis" → 4; question 9's option in the U8 column, question 8's in U9.
        #expect(
            try stored(skm) == [
                "2024-03-15,KEC,KTP,,4,3,3,4,4,4,3,4,3,L", "2024-03-16,KEC,SKET,,4,3,3,4,2,4,4,4,3,P",
            ])
        // The same file again: refused as already imported, nothing more stored.
        let again = try skm.run(["import", skm.directory + "/real.xlsx", "--json"])
        #expect(again.status != 0)
        #expect(again.json["error"]?["code"]?.stringValue == "already_imported" || again.stdout.contains("already_imported"))
        #expect(try skm.storedCount() == 2)
    }

    @Test(.enabled(if: openpyxl != nil || mustRun, skipMessage))
    func googleFormsResponseSheet() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        try samples(skm)
        let result = try skm.run(["import", skm.directory + "/gforms.xlsx"])
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("Nama"))
        // The Timestamp's day is the date; answers by question text, U8/U9 by unsur, not position.
        #expect(try stored(skm) == ["2024-05-02,KEC,KTP,,4,4,3,4,3,4,4,4,3,", "2024-05-03,KEC,KTP,,1,2,3,4,1,2,3,1,4,"])
    }

    /// Timestamps as text in a sheet follow the CSV rule (`DateText`): the same forms, the same refusal.
    @Test(.enabled(if: openpyxl != nil || mustRun, skipMessage))
    func googleFormsTextTimestamps() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        try samples(skm)
        let result = try skm.run(["import", skm.directory + "/gforms-text.xlsx"])
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(try stored(skm).map { String($0.prefix(10)) } == ["2025-03-14", "2025-03-14", "2025-03-15"])
        let ambiguous = try skm.run(["import", skm.directory + "/gforms-ambiguous.xlsx"])
        #expect(ambiguous.status == 1)
        let message = "baris 3, kolom Timestamp: Tanggal \"3/4/2025 9:05:12 AM\" ambigu"
        #expect(ambiguous.stdout.contains(message), "\(ambiguous.stdout)")
        #expect(try skm.storedCount() == 3)
    }

    @Test(.enabled(if: openpyxl != nil || mustRun, skipMessage))
    func nineteenOhFourDatesAndNamedSheets() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        try samples(skm)
        #expect(try skm.run(["import", skm.directory + "/mac1904.xlsx"]).status == 0)
        #expect(try stored(skm) == ["2024-03-15,KEC,KTP,,4,4,4,4,4,4,4,4,4,"])
        // The first sheet holds instructions: no header there, the message names the sheets.
        let first = try skm.run(["import", skm.directory + "/sheets.xlsx", "--json"])
        #expect(first.status != 0)
        #expect((first.stdout + first.stderr).contains("--sheet"))
        let missing = try skm.run(["import", skm.directory + "/sheets.xlsx", "--sheet", "Rekap", "--json"])
        #expect((missing.stdout + missing.stderr).contains("xlsx_sheet_not_found"))
        let named = try skm.run(["import", skm.directory + "/sheets.xlsx", "--sheet", "data skm"])
        #expect(named.status == 0, "\(named.stdout) \(named.stderr)")
        #expect(try skm.storedCount() == 2)
    }

    /// Files that are not workbooks skm reads: each refused with its code, nothing stored.
    @Test func oldExcelPasswordProtectedAndHostileFilesAreRefused() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600)
        let cases: [(name: String, bytes: [UInt8], code: String, words: String)] = [
            ("lama.xls", ole, "xlsx_unsupported", ".xls"),
            ("sandi.xlsx", ole + Array("EncryptedPackage".utf8).flatMap { [$0, UInt8(0)] }, "xlsx_unsupported", "kata sandi"),
            ("teks.xlsx", Array("No;Tanggal\n1;2".utf8), "xlsx_invalid", "bukan buku kerja"),
            ("potong.xlsx", [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 7, count: 100), "xlsx_invalid", "terpotong"),
        ]
        for item in cases {
            let path = skm.directory + "/" + item.name
            try Data(item.bytes).write(to: URL(fileURLWithPath: path))
            let result = try skm.run(["import", path, "--json"])
            #expect(result.status == 1, "\(item.name): \(result.stdout) \(result.stderr)")
            let text = result.stdout + result.stderr
            #expect(text.contains(item.code), "\(item.name): \(text)")
            #expect(text.contains(item.words), "\(item.name): \(text)")
        }
        #expect(try skm.storedCount() == 0)
    }
}
