import Foundation
import SKMJSON
import Testing

/// Imports as offices run them: CSVs saved by Indonesian Excel, the same file imported twice, a
/// spreadsheet that grows, and undoing a mistaken import — with the real binary.
@Suite struct ImportBatchTests {
    static let header = "\u{FEFF}No;Tanggal;Unit;Layanan;Nama;Jenis Kelamin;Usia;U1;U2;U3;U4;U5;U6;U7;U8;U9\r\n"

    /// Three rows as Indonesian Excel saves them: `;`, BOM, CRLF, dd/mm/yyyy and d/m/yyyy dates,
    /// a `No` and a `Nama` column, `Jenis Kelamin` with a space. Rows 1 and 2 are identical.
    static let rows = [
        "1;14/03/2025;KEC;KTP;Budi;L;34;4;4;3;4;4;4;4;3;4\r\n",
        "2;14/03/2025;KEC;KTP;Siti;P;29;4;4;4;4;4;4;4;4;4\r\n",
        "3;14/03/2025;KEC;KTP;Siti;P;29;4;4;4;4;4;4;4;4;4\r\n",
        "4;4/3/2025;KEC;SKET;Ani;Perempuan;41;3;3;3;3;3;3;3;3;3\r\n",
    ]

    func activeCount(_ skm: SKMProcess) throws -> Int {
        try skm.run(["response", "list", "--json", "--active-only", "--limit", "1000"]).json.arrayValue?.count ?? -1
    }

    @Test func anExcelShapedCSVImports() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        let path = try skm.write("skm-2025.csv", Self.header + Self.rows.joined())
        let result = try skm.run(["import", path])
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("Kolom \"Nama\" diabaikan: skm tidak menyimpan identitas responden"))
        #expect(result.stdout.contains("Kolom \"No\" diabaikan"))
        #expect(result.stdout.contains("4 disimpan"))
        let stored = try skm.run(["response", "list", "--json"]).json.arrayValue ?? []
        #expect(stored.map { $0["date"]?.stringValue ?? "" } == ["2025-03-14", "2025-03-14", "2025-03-14", "2025-03-04"])
        #expect(stored.last?["respondent"]?["gender"] == "P")
        // Two genuinely identical responses inside one file are both kept.
        #expect(stored.count == 4)
    }

    @Test func theSameFileTwiceIsRefusedAndNothingStored() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        let path = try skm.write("skm-2025.csv", Self.header + Self.rows.joined())
        #expect(try skm.run(["import", path]).status == 0)
        let again = try skm.run(["import", path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("sudah pernah diimpor: batch #1"), "\(again.stderr)")
        #expect(again.stderr.contains("--again"))
        #expect(try skm.storedCount() == 4)
        let json = try skm.run(["import", path, "--json"]).json
        #expect(json["error"]?["code"] == "already_imported")
        #expect(json["error"]?["details"]?["batch"] == 1)
        // The same bytes under another name are the same content.
        let copy = try skm.write("salinan.csv", Self.header + Self.rows.joined())
        #expect(try skm.run(["import", copy]).status == 1)
        #expect(try skm.storedCount() == 4)
        // On purpose: every row again, recorded as a re-import of batch 1.
        let onPurpose = try skm.run(["import", path, "--again"])
        #expect(onPurpose.status == 0)
        #expect(try skm.storedCount() == 8)
        let batches = try skm.run(["import", "list", "--json"]).json.arrayValue ?? []
        #expect(batches.count == 2)
        #expect(batches.last?["againOf"] == 1)
        #expect(batches.first?["rowsStored"] == 4)
        #expect(batches.first?["fileName"]?.stringValue?.hasSuffix("skm-2025.csv") == true)
        #expect(batches.first?["sha256"]?.stringValue?.count == 64)
    }

    /// The plain case of the report: a file without client ids imported twice stored every row twice.
    @Test func aPlainFileImportedTwiceIsNotDoubled() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        let path = try skm.write(
            "data.csv",
            "date,unit,service,U1,U2,U3,U4,U5,U6,U7,U8,U9\n2025-03-01,KEC,KTP,4,3,4,3,4,4,3,3,4\n2025-03-01,KEC,KTP,4,3,4,3,4,4,3,3,4\n"
        )
        #expect(try skm.run(["import", path]).status == 0)
        #expect(try skm.run(["import", path]).status == 1)
        #expect(try skm.storedCount() == 2)
        #expect(try skm.run(["ikm", "--json"]).json["respondents"] == 2)
    }

    /// Common occupation words are counted under the form's category; the word is kept, shown
    /// and exported as written, and an export imports back to the same response.
    @Test func occupationWordsAreMappedAndKept() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        let path = try skm.write(
            "pekerjaan.csv",
            "Tanggal;Unit;Layanan;Pekerjaan;U1;U2;U3;U4;U5;U6;U7;U8;U9\n14/03/2025;KEC;KTP;Petani;4;4;4;4;4;4;4;4;4\n"
                + "14/03/2025;KEC;KTP;Ibu Rumah Tangga;3;3;3;3;3;3;3;3;3\n14/03/2025;KEC;KTP;mahasiswa;3;4;3;4;3;4;3;4;3\n"
                + "14/03/2025;KEC;KTP;PNS;2;3;3;3;3;3;3;3;3\n")
        let result = try skm.run(["import", path])
        #expect(result.status == 0, "\(result.stdout)")
        let stored = try skm.run(["response", "list", "--json"]).json.arrayValue ?? []
        #expect(stored.map { $0["respondent"]?["occupation"]?.stringValue ?? "" } == ["LAINNYA", "LAINNYA", "LAINNYA", "PNS"])
        #expect(
            stored.map { $0["respondent"]?["occupationAsWritten"]?.stringValue ?? "-" } == [
                "Petani", "Ibu Rumah Tangga", "mahasiswa", "-",
            ])
        let export = try skm.run(["export"])
        #expect(export.stdout.contains(",Petani,"), "\(export.stdout)")
        let other = SKMProcess()
        defer { other.cleanUp() }
        try other.registry()
        let back = try other.write("kembali.csv", export.stdout)
        #expect(try other.run(["import", back]).status == 0)
        let again = try other.run(["response", "list", "--json"]).json.arrayValue ?? []
        #expect(again.map { $0["respondent"] } == stored.map { $0["respondent"] })
        // An unknown word is still refused with the form's choices.
        let unknown = try skm.write(
            "asing.csv",
            "Tanggal;Unit;Layanan;Pekerjaan;U1;U2;U3;U4;U5;U6;U7;U8;U9\n14/03/2025;KEC;KTP;Astronot;4;4;4;4;4;4;4;4;4\n")
        let refused = try skm.run(["import", unknown])
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("kolom Pekerjaan: Pekerjaan \"Astronot\" tidak dikenal"), "\(refused.stdout)")
    }

    @Test func aGrownFileStoresOnlyItsNewRows() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        let first = try skm.write("skm-maret.csv", Self.header + Self.rows.joined())
        #expect(try skm.run(["import", first]).status == 0)
        // The office's sheet a week later: the same four rows, a fifth new one, and a third copy
        // of the identical row (a new respondent who answered the same).
        let grown =
            Self.rows.joined() + "5;20/03/2025;KEC;KTP;Joko;L;50;2;3;3;3;3;3;3;3;3\r\n"
            + "6;14/03/2025;KEC;KTP;Rina;P;29;4;4;4;4;4;4;4;4;4\r\n"
        let second = try skm.write("skm-maret.csv", Self.header + grown)
        let result = try skm.run(["import", second])
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("2 disimpan"), "\(result.stdout)")
        #expect(result.stdout.contains("4 baris dilewati: sudah diimpor sebelumnya (batch #1)"), "\(result.stdout)")
        #expect(try skm.storedCount() == 6)
        let json = try skm.run(["import", "list", "--json"]).json.arrayValue ?? []
        #expect(json.last?["rowsSkipped"] == 4)
        #expect(json.last?["rowsStored"] == 2)
    }

    @Test func undoVoidsTheWholeBatchInOneGo() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        try skm.run(["submit", "--unit", "KEC", "--service", "KTP", "--answers", "444444444", "--date", "2025-03-01"])
        let path = try skm.write("skm.csv", Self.header + Self.rows.joined())
        #expect(try skm.run(["import", path]).status == 0)
        let undo = try skm.run(["import", "undo", "1", "--reason", "Berkas salah bulan"])
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(undo.stdout.contains("4 respons dibatalkan"))
        #expect(try activeCount(skm) == 1)
        #expect(try skm.storedCount() == 5)  // nothing deleted
        let ikm = try skm.run(["ikm", "--year", "2025", "--json"]).json
        #expect(ikm["respondents"] == 1)
        let list = try skm.run(["import", "list"])
        #expect(list.stdout.contains("dibatalkan"))
        let twice = try skm.run(["import", "undo", "1", "--reason", "lagi"])
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("sudah dibatalkan"))
        let missing = try skm.run(["import", "undo", "9", "--reason", "x"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("Batch impor #9 tidak ada"))
        // An undone batch no longer counts: the file may be imported again.
        #expect(try skm.run(["import", path]).status == 0)
        #expect(try activeCount(skm) == 5)
    }

    @Test func voidTakesSeveralIdsAndRangesInOneTransaction() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        let rows = (1...12).map { "\($0);1/3/2025;KEC;KTP;;L;30;4;3;4;3;4;4;3;3;\($0 % 4 + 1)\r\n" }.joined()
        let path = try skm.write("dua-belas.csv", Self.header + rows)
        #expect(try skm.run(["import", path]).status == 0)
        let refused = try skm.run(["void", "2-4", "11-13", "--reason", "uji"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Respons #13 tidak ditemukan; tidak ada yang dibatalkan"), "\(refused.stderr)")
        #expect(try activeCount(skm) == 12)
        let voided = try skm.run(["void", "2-4", "7", "9,10", "--reason", "Impor ganda"])
        #expect(voided.status == 0, "\(voided.stderr)")
        #expect(voided.stdout.contains("6 respons dibatalkan (#2–#4, #7, #9–#10)"), "\(voided.stdout)")
        #expect(try activeCount(skm) == 6)
        let overlap = try skm.run(["void", "1-4", "--reason", "Impor ganda", "--json"])
        #expect(overlap.json["voided"] == 1)
        #expect(overlap.json["alreadyVoided"] == 3)
        let none = try skm.run(["void", "2-4", "--reason", "lagi"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("sudah dibatalkan"))
        #expect(try skm.run(["check"]).status == 0)
    }

    @Test func everyProblemOfARowIsReportedUnderTheUsersColumnNames() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        let path = try skm.write(
            "salah.csv",
            Self.header + "1;31/02/2025;KEC;KTP;Budi;X;200;5;4;x;4;4;4;4;4;4\r\n" + "2;14/03/2025;KEC;KTP;;L;30;;;;;;;;;\r\n")
        let result = try skm.run(["import", path])
        #expect(result.status == 1)
        for expected in [
            "baris 2, kolom Tanggal: Tanggal \"31/02/2025\" tidak sah", "baris 2, kolom Jenis Kelamin: Jenis kelamin \"X\"",
            "baris 2, kolom Usia: Usia harus 15–100", "baris 2, kolom U1: Jawaban", "baris 2, kolom U3: Jawaban",
            "baris 3, kolom U1…U9: Respons tanpa satu jawaban",
        ] {
            #expect(result.stdout.contains(expected), "\(expected)\n\(result.stdout)")
        }
        #expect(!result.stdout.contains("kolom answers"))
        #expect(try skm.storedCount() == 0)
        #expect(try skm.run(["import", "list", "--json"]).json.arrayValue?.isEmpty == true)
    }
}
