import Foundation
import SKMJSON
import SKMTestSupport
import Testing

/// Defects a new user's walkthrough of the Office, ZI, follow-up, merge and serve features found,
/// each through the binary as the user met it.
@Suite struct WalkthroughFindingsTests {
    func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// `skm export --out hasil.xlsx` without `--format` wrote CSV text under an Excel name, which
    /// Excel refuses to open; the name chooses the format, as it does for `skm import`.
    @Test func exportTakesItsFormatFromTheOutName() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        try skm.run(["submit", "--unit", "KEC", "--service", "KTP", "--answers", "434344343", "--date", "2025-03-01"])
        let workbook = try skm.run(["export", "--year", "2025", "--out", "hasil.xlsx"])
        #expect(workbook.status == 0, "\(workbook.stderr)")
        #expect(try bytes(skm.directory + "/hasil.xlsx").starts(with: [0x50, 0x4B, 0x03, 0x04]), "a ZIP (Office) file")
        #expect(workbook.stderr.contains("Olah Data"), "\(workbook.stderr)")
        let lines = try skm.run(["export", "--year", "2025", "--out", "hasil.jsonl"])
        #expect(lines.status == 0, "\(lines.stderr)")
        #expect(try String(contentsOfFile: skm.directory + "/hasil.jsonl", encoding: .utf8).hasPrefix("{"))
        for name in ["hasil.csv", "hasil.xls", "hasil"] {
            let csv = try skm.run(["export", "--year", "2025", "--out", name])
            #expect(csv.status == 0, "\(name): \(csv.stderr)")
            #expect(try String(contentsOfFile: skm.directory + "/" + name, encoding: .utf8).contains("U1,U2"), "\(name) is CSV")
        }
        let explicit = try skm.run(["export", "--year", "2025", "--format", "csv", "--out", "paksa.xlsx"])
        #expect(explicit.status == 0, "\(explicit.stderr)")
        #expect(try String(contentsOfFile: skm.directory + "/paksa.xlsx", encoding: .utf8).contains("U1,U2"), "--format wins")
    }

    /// A Word document renamed `.xlsx` was refused as a workbook "missing word/document.xml (lembar
    /// kerja)"; it is now called what it is, with the same code, and nothing is stored.
    @Test func aWordDocumentNamedXlsxIsCalledAWordDocument() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        let printed = try skm.run(["questionnaire", "print", "--format", "docx", "--out", "kuesioner.docx"])
        #expect(printed.status == 0, "\(printed.stderr)")
        try FileManager.default.copyItem(atPath: skm.directory + "/kuesioner.docx", toPath: skm.directory + "/data.xlsx")
        let refused = try skm.run(["import", "data.xlsx", "--json"])
        #expect(refused.status == 1, "\(refused.stdout) \(refused.stderr)")
        #expect(refused.json["error"]?["code"] == "xlsx_invalid", "\(refused.stdout)")
        let message = refused.json["error"]?["message"]?.stringValue ?? ""
        #expect(message.contains("dokumen Word, bukan buku kerja Excel"), "\(message)")
        #expect(!message.contains("document.xml"), "\(message)")
        #expect(try skm.storedCount() == 0)
    }

    /// `skm questionnaire print --out kuesioner.docx` wrote HTML under a Word name; the name chooses
    /// the format when `--format` is not given.
    @Test func questionnairePrintTakesItsFormatFromTheOutName() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let word = try skm.run(["questionnaire", "print", "--out", "formulir.docx"])
        #expect(word.status == 0, "\(word.stderr)")
        #expect(try bytes(skm.directory + "/formulir.docx").starts(with: [0x50, 0x4B, 0x03, 0x04]), "a Word (ZIP) file")
        let page = try skm.run(["questionnaire", "print", "--out", "formulir.htm"])
        #expect(page.status == 0, "\(page.stderr)")
        #expect(try String(contentsOfFile: skm.directory + "/formulir.htm", encoding: .utf8).contains("<html"))
        let explicit = try skm.run(["questionnaire", "print", "--format", "html", "--out", "paksa.docx"])
        #expect(explicit.status == 0, "\(explicit.stderr)")
        #expect(try String(contentsOfFile: skm.directory + "/paksa.docx", encoding: .utf8).contains("<html"), "--format wins")
    }

    /// `skm ikm --help` named the first CSV column of several breakdowns `breakdown`, the English
    /// header issue 12 replaced; the help names the column the CSV really has.
    @Test func ikmHelpNamesTheFirstColumnTheCSVHas() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        try skm.run(["submit", "--unit", "KEC", "--service", "KTP", "--answers", "434344343", "--date", "2025-03-01"])
        let csv = try skm.run(["ikm", "--year", "2025", "--by", "service,quarter", "--csv"])
        let header = csv.stdout.replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: "\n").first ?? ""
        let first = String(header.split(separator: ",").first ?? "")
        #expect(first == "rincian", "\(header)")
        let help = try skm.run(["ikm", "--help"]).stdout
        #expect(help.contains("kolom pertama \(first))"), "\(help)")
    }

    /// `skm rtl show` listed each version's change as the stored English word (`add`, `done`,
    /// `cancel`); the history is Indonesian like the rest of the output (the JSON keeps the words).
    @Test func rtlHistoryNamesItsChangesInIndonesian() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.run(["init"])
        let added = try skm.run([
            "rtl", "add", "--year", "2025", "--unsur", "U3", "--program", "Nomor antrean", "--pj", "Seksi Pelayanan",
            "--target", "2026-06-30", "--date", "2026-01-05",
        ])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try skm.run(["rtl", "done", "1", "--date", "2026-01-20", "--evidence", "Foto papan"]).status == 0)
        #expect(try skm.run(["rtl", "correct", "1", "--pj", "Kasi Pelayanan", "--reason", "salah ketik"]).status == 0)
        #expect(try skm.run(["rtl", "correct", "1", "--cancel", "--reason", "tidak jadi"]).status == 0)
        let shown = try skm.run(["rtl", "show", "1"])
        #expect(shown.status == 0, "\(shown.stderr)")
        let versions = shown.stdout.split(separator: "\n").filter { $0.contains(" UTC  ") }.map { String($0) }
        #expect(versions.count == 4, "\(shown.stdout)")
        for (line, word) in zip(versions, ["dicatat", "selesai", "dikoreksi", "dibatalkan"]) {
            #expect(line.contains("  \(word)"), "\(line)")
        }
        for english in ["add", "done", "correct", "cancel"] {
            #expect(!versions.contains { $0.contains("UTC  \(english)") }, "\(shown.stdout)")
        }
        let json = try skm.run(["rtl", "show", "1", "--json"])
        #expect(json.stdout.contains("\"done\""), "the JSON keeps the stored words: \(json.stdout)")
    }
}
