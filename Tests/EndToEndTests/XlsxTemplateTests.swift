import Foundation
import SKMJSON
import SKMTestSupport
import Testing

/// `skm template --xlsx`: read by openpyxl, filled as an office fills it, saved by LibreOffice as
/// CSV and imported by skm, and the filled .xlsx imported directly by skm's own reader.
@Suite struct XlsxTemplateTests {
    @Test(.enabled(if: OfficeReaders.available || OfficeReaders.mustRun, OfficeReaders.skipMessage))
    func theBlankWorkbookFollowsTheFormAndImportsBack() throws {
        let python = try #require(OfficeReaders.openpyxl, "python3 dengan openpyxl tidak ditemukan; .ci/run harus memasangnya")
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let template = skm.directory + "/isian.xlsx"
        let made = try skm.run(["template", "--xlsx", template])
        #expect(made.status == 0, "\(made.stderr)")
        // Question 8 (sarana) answered 1 and question 9 (pengaduan) 4: the columns are headed U9 and U8.
        let values: JSONValue = [
            "tanggal": "14/03/2025", "unit": "KEC-TT", "layanan": "KTP-KK", "jam": "08-12", "jenis_kelamin": "P",
            "pendidikan": "SMA", "pekerjaan": "Petani", "usia": 34, "U1": 4, "U2": 3, "U3": 3, "U4": 4, "U5": 4, "U6": 3,
            "U7": 4, "U9": 1, "saran": "Pelayanan cepat, petugas ramah",
        ]
        let output = try PythonClientTests.run(
            python,
            [PackagePaths.root + "/Scripts/xlsx/check_template.py", template, skm.directory, JSONWriter.compact.string(values)],
            in: URL(fileURLWithPath: skm.directory), environment: ["PYTHONDONTWRITEBYTECODE": "1"], limit: 300)
        #expect(output.status == 0, "\(output.text)")
        let report = (try? JSONParser().parse(String(output.text.split(separator: "\n").last ?? ""))) ?? .null

        #expect(report["sheets"] == ["Isian", "Petunjuk"])
        let header = (report["header"]?.arrayValue ?? []).compactMap(\.stringValue)
        #expect(Array(header.suffix(10)) == ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U9", "U8", "saran"], "\(header)")
        let validations = report["validations"]?.arrayValue ?? []
        func rule(_ column: String) -> JSONValue? {
            guard let index = header.firstIndex(of: column) else { return nil }
            let letter = String(UnicodeScalar(UInt8(65 + index)))
            return validations.first { ($0["sqref"]?.stringValue ?? "").hasPrefix(letter + "2:") }
        }
        for code in ["U1", "U8", "U9"] {
            #expect(rule(code)?["type"] == "whole" && rule(code)?["formula1"] == "1" && rule(code)?["formula2"] == "4")
            #expect(rule(code)?["allowBlank"] == true, "a blank answer is allowed")
        }
        #expect(rule("jenis_kelamin")?["formula1"] == "\"L,P\"")
        #expect(rule("pendidikan")?["formula1"] == "\"TS,SD,SMP,SMA,D1-D3,S1,S2,S3\"")
        #expect(rule("pekerjaan")?["formula1"] == "\"PNS,TNI,POLRI,SWASTA,WIRAUSAHA,LAINNYA\"")
        #expect(rule("pekerjaan")?["errorStyle"] == "warning", "Petani may be typed: skm maps it")
        #expect(rule("jenis_kelamin")?["errorStyle"] == "stop")

        let csv = try #require(report["csv"]?.stringValue)
        try skm.run(["init"])
        try skm.run(["unit", "add", "KEC-TT", "Kantor Camat"])
        try skm.run(["service", "add", "KEC-TT", "KTP-KK", "KTP"])
        let imported = try skm.run(["import", csv, "--json"])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        let shown = try skm.run(["response", "show", "1", "--json"]).json
        #expect(shown["date"] == "2025-03-14")
        #expect(shown["comment"] == "Pelayanan cepat, petugas ramah")
        let ikm = try skm.run(["ikm", "--json"]).json
        let unsur = ikm["unsur"]?.arrayValue ?? []
        #expect(unsur.count == 9)
        if unsur.count == 9 {
            #expect(unsur[8]["sum"] == 1, "question 8 → U9 sarana")
            #expect(unsur[7]["answered"] == 0, "question 9 → U8 left blank")
        }

        // The filled workbook itself, read by skm's own .xlsx reader (no LibreOffice): the same response.
        let direct = skm.directory + "/langsung.sqlite"
        try skm.run(["init", "--db", direct])
        try skm.run(["unit", "add", "KEC-TT", "Kantor Camat", "--db", direct])
        try skm.run(["service", "add", "KEC-TT", "KTP-KK", "KTP", "--db", direct])
        let fromXlsx = try skm.run(["import", skm.directory + "/terisi.xlsx", "--db", direct, "--json"])
        #expect(fromXlsx.status == 0, "\(fromXlsx.stdout)\(fromXlsx.stderr)")
        #expect(fromXlsx.json["stored"]?.numberValue?.int == 1)
        let read = try skm.run(["response", "show", "1", "--json", "--db", direct]).json
        for key in ["date", "answers", "comment", "time", "respondent"] {
            #expect(read[key] == shown[key], "\(key): \(String(describing: read[key])) ≠ \(String(describing: shown[key]))")
        }
    }

    @Test func aTemplateIsNotWrittenOverAnExistingFile() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let path = skm.directory + "/ada.xlsx"
        try "milik pengguna".write(toFile: path, atomically: true, encoding: .utf8)
        let refused = try skm.run(["template", "--xlsx", path])
        #expect(refused.status == 1)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "milik pengguna")
        #expect(try skm.run(["template"]).status == 2)
        #expect(try skm.run(["template", "--xlsx", path, "--force"]).status == 0)
    }
}
