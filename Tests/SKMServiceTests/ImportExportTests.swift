import SKMCore
import SKMJSON
import SKMService
import SKMTestSupport
import Testing

@Suite struct ImportTests {
    @Test func aSemicolonCSVWithBOMAndIndonesianHeaders() throws {
        let f = try ServiceFixture()
        let csv =
            "\u{FEFF}tanggal;unit;layanan;U1;U2;U3;U4;U5;U6;U7;U8;U9;jenis_kelamin;usia;saran\r\n"
            + "2025-03-01;KEC;KTP;4;3;4;3;4;4;3;;4;P;30;\"Ruang tunggu; panas\"\r\n"
            + "2025-03-02;kec;ktp;3;3;3;3;3;3;3;3;3;L;41;\"Dua\nbaris, \"\"kutip\"\"\"\r\n"
            + ";;;;;;;;;;;;;;\r\n"
        let report = try f.service.importFile(path: try f.file("data.csv", csv), options: ImportOptions())
        #expect(report.committed)
        #expect(report.stored == 2)
        #expect(report.rowsRead == 2)
        let first = try f.service.response(id: 1)
        #expect(first.content.answers == [4, 3, 4, 3, 4, 4, 3, 0, 4])
        #expect(first.content.comment == "Ruang tunggu; panas")
        #expect(try f.service.response(id: 2).content.comment == "Dua\nbaris, \"kutip\"")
    }

    @Test func oneBadRowMeansNothingIsImportedAndEveryBadRowIsReported() throws {
        let f = try ServiceFixture()
        let csv = """
            date,unit,service,U1,U2,U3,U4,U5,U6,U7,U8,U9
            2025-03-01,KEC,KTP,4,3,4,3,4,4,3,3,4
            2025-02-30,KEC,KTP,4,3,4,3,4,4,3,3,4
            2025-03-03,KEC,KTP,4,3,5,3,4,4,3,3,4
            2025-03-04,KEC,PBB,4,3,4,3,4,4,3,3,4
            2025-03-05,KEC,KTP,4,3,4,3,4,4,3
            2025-03-06,KEC,KTP,4,3,4,3,4,4,3,3,4

            """
        let path = try f.file("bad.csv", csv)
        let report = try f.service.importFile(path: path, options: ImportOptions())
        #expect(!report.committed)
        #expect(report.stored == 0)
        #expect(f.storedCount == 0)
        #expect(report.invalidRows == 4)
        #expect(report.errors.map(\.row) == [3, 4, 5, 6])
        #expect(report.errors.map(\.column) == ["date", "U3", "service", nil])
        #expect(report.errors[1].error.message.contains("harus 1–4, diterima 5"))
        let skipped = try f.service.importFile(path: path, options: ImportOptions(skipInvalid: true))
        #expect(skipped.committed)
        #expect(skipped.stored == 2)
        #expect(f.storedCount == 2)
    }

    @Test func headersAreChecked() throws {
        let f = try ServiceFixture()
        // (A `nama` column is now ignored with a notice, issue 12: an unknown column is one skm knows nothing of.)
        let unknown = try f.file("h1.csv", "date,unit,service,U1,U2,U3,U4,U5,U6,U7,U8,U9,warna\n")
        let e1 = skmError { _ = try f.service.importFile(path: unknown, options: ImportOptions()) }
        #expect(e1?.code == .csvHeader)
        #expect(e1?.message.contains("\"warna\"") == true)
        let missing = try f.file("h2.csv", "date,unit,service,U1,U2\n")
        #expect(
            skmError { _ = try f.service.importFile(path: missing, options: ImportOptions()) }?.message.contains("U3") == true)
        let doubled = try f.file("h3.csv", "date,tanggal,unit\n")
        #expect(skmError { _ = try f.service.importFile(path: doubled, options: ImportOptions()) } != nil)
        let empty = try f.file("h4.csv", "")
        #expect(skmError { _ = try f.service.importFile(path: empty, options: ImportOptions()) }?.code == .csvHeader)
        #expect(
            skmError { _ = try f.service.importFile(path: f.directory + "/none.csv", options: ImportOptions()) }?.code
                == .fileError)
    }

    @Test func unterminatedQuotesAndBadEncodingAreRowErrors() throws {
        let f = try ServiceFixture()
        let quote = try f.file(
            "q.csv", "date,unit,service,U1,U2,U3,U4,U5,U6,U7,U8,U9,comment\n2025-03-01,KEC,KTP,4,4,4,4,4,4,4,4,4,\"open\n")
        let r1 = try f.service.importFile(path: quote, options: ImportOptions())
        #expect(!r1.committed)
        #expect(r1.errors.first?.error.code == .csvMalformed)
        let latin1: [UInt8] =
            Array("date,unit,service,U1,U2,U3,U4,U5,U6,U7,U8,U9,comment\n2025-03-01,KEC,KTP,4,4,4,4,4,4,4,4,4,caf".utf8) + [
                0xE9, 0x0A,
            ]
        let path = f.directory + "/latin1.csv"
        FileManagerBridge.write(latin1, path)
        let r2 = try f.service.importFile(path: path, options: ImportOptions())
        #expect(r2.errors.first?.error.code == .invalidEncoding)
        #expect(f.storedCount == 0)
    }

    @Test func createMissingRegistersUnitsAndServices() throws {
        let f = try ServiceFixture()
        let path = try f.file("new.csv", "date,unit,service,U1,U2,U3,U4,U5,U6,U7,U8,U9\n2025-03-01,PUSK,UMUM,4,3,4,3,4,4,3,3,4\n")
        #expect(try f.service.importFile(path: path, options: ImportOptions()).errors.first?.error.code == .unknownUnit)
        let report = try f.service.importFile(path: path, options: ImportOptions(createMissing: true))
        #expect(report.stored == 1)
        #expect(try f.service.services(unit: "PUSK").map(\.code) == ["UMUM"])
    }

    @Test func createdUnitsDisappearWithARolledBackImport() throws {
        let f = try ServiceFixture()
        let path = try f.file(
            "mixed.csv",
            "date,unit,service,U1,U2,U3,U4,U5,U6,U7,U8,U9\n2025-03-01,PUSK,UMUM,4,3,4,3,4,4,3,3,4\n2025-03-01,KEC,KTP,9,3,4,3,4,4,3,3,4\n"
        )
        let report = try f.service.importFile(path: path, options: ImportOptions(createMissing: true))
        #expect(!report.committed)
        #expect(try f.service.units().map(\.code) == ["KEC"])
    }

    /// An import resolves each pair of codes once (`ImportResolvedCodes`): codes written in
    /// other spellings still reach the same unit and service, and an unknown code is refused on
    /// every row that writes it, never remembered.
    @Test func codesWrittenInOtherSpellingsReachTheSameServiceOnEveryRow() throws {
        let f = try ServiceFixture()
        let rows = [
            "2025-03-01,kec,ktp", "2025-03-01,KEC,KTP", "2025-03-02,KEC,SKET", "2025-03-02,XX,KTP",
            "2025-03-03,kec,ktp", "2025-03-03,XX,KTP", "2025-03-04,KEC,sket",
        ]
        let csv = "date,unit,service,U1,U2,U3,U4,U5,U6,U7,U8,U9\n" + rows.map { $0 + ",4,3,4,3,4,4,3,3,4\n" }.joined()
        let report = try f.service.importFile(path: try f.file("spellings.csv", csv), options: ImportOptions(skipInvalid: true))
        #expect(report.stored == 5)
        #expect(report.errors.map(\.row) == [5, 7])
        #expect(report.errors.map(\.error.code) == [.unknownUnit, .unknownUnit])
        let stored = try (1...5).map { try f.service.response(id: Int64($0)) }
        let ktp = try #require(try f.service.services(unit: "KEC").first { $0.code == "KTP" })
        let sket = try #require(try f.service.services(unit: "KEC").first { $0.code == "SKET" })
        #expect(stored.map(\.serviceID) == [ktp.id, ktp.id, sket.id, ktp.id, sket.id])
        #expect(stored.map(\.content.serviceCode) == ["KTP", "KTP", "SKET", "KTP", "SKET"])
        #expect(Set(stored.map(\.unitID)) == [ktp.unitID])
    }

    @Test func jsonLinesWithDuplicatesAndErrors() throws {
        let f = try ServiceFixture()
        let lines = """
            {"unit":"KEC","service":"KTP","date":"2025-03-01","answers":[4,3,4,3,4,4,3,3,4],"clientId":"a"}
            {"unit":"KEC","service":"KTP","date":"2025-03-01","answers":[4,3,4,3,4,4,3,3,4],"clientId":"a"}
            {"unit":"KEC","service":"SKET","date":"2025-03-02","answers":{"U1":4,"U2":3,"U3":null,"U4":3,"U5":4,"U6":4,"U7":3,"U8":3,"U9":4},"respondent":{"gender":"P","age":33}}

            """
        let report = try f.service.importFile(path: try f.file("d.jsonl", lines), options: ImportOptions())
        #expect(report.stored == 2)
        #expect(report.duplicates == 1)
        #expect(try f.service.response(id: 2).content.respondent.age == 33)
        let bad =
            "{\"unit\":\"KEC\",\"service\":\"KTP\",\"answers\":[4,3]}\n{not json}\n[1]\n{\"unit\":\"KEC\",\"nama\":\"Budi\"}\n"
        let r2 = try f.service.importFile(path: try f.file("e.jsonl", bad), options: ImportOptions())
        #expect(r2.errors.map(\.error.code) == [.answerCount, .importInvalid, .wrongType, .unknownField])
        #expect(r2.errors.map(\.row) == [1, 2, 3, 4])
    }
}

@Suite struct ExportTests {
    @Test func csvExportIsSafeForExcelAndRoundTrips() throws {
        let f = try ServiceFixture()
        var d = f.draft("434344343", clientID: "=1+1")
        d.comment = "=HYPERLINK(\"http://x\",\"klik\")"
        _ = try f.service.submit(d)
        var d2 = f.draft("4343443-3")
        d2.comment = "@SUM(A1), +62 812, -biasa"
        _ = try f.service.submit(d2)
        var out = ""
        let count = try f.service.export(ExportOptions(separator: ";")) { out += $0 }
        #expect(count == 2)
        #expect(out.hasPrefix("\u{FEFF}id;questionnaire;date;unit;service;time;U1;U2"))
        #expect(out.contains(";'=1+1;"))
        #expect(out.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\""))
        #expect(out.contains("'@SUM(A1), +62 812, -biasa"))
        #expect(!out.contains(";=") && !out.contains(";@"))
        // The export imports back into a new database with the same content.
        let g = try ServiceFixture()
        let report = try g.service.importFile(path: try g.file("back.csv", out), options: ImportOptions())
        #expect(report.stored == 2)
        let again = try g.service.response(id: 1)
        #expect(again.content.comment == "=HYPERLINK(\"http://x\",\"klik\")")
        #expect(again.clientID == "=1+1")
        let original = try f.service.response(id: 2).content.answers
        #expect(try g.service.response(id: 2).content.answers == original)
    }

    @Test func jsonLinesExportHasTheSubmitFieldNames() throws {
        let f = try ServiceFixture()
        _ = try f.service.submit(f.draft("434344342"))
        _ = try f.service.submit(f.draft("111111111"))
        _ = try f.service.void(id: 2, reason: "salah")
        var out = ""
        _ = try f.service.export(ExportOptions(format: .jsonl)) { out += $0 }
        let lines = out.split(separator: "\n")
        #expect(lines.count == 1)
        let object = try JSONParser().parse(String(lines[0]))
        #expect(object["answers"] == [4, 3, 4, 3, 4, 4, 3, 4, 2])
        #expect(object["answersByUnsur"]?["U8"] == 2)
        #expect(object["unit"] == "KEC")
        var all = ""
        _ = try f.service.export(ExportOptions(format: .jsonl, includeVoided: true)) { all += $0 }
        #expect(all.split(separator: "\n").count == 2)
        #expect(all.contains("\"voidReason\":\"salah\""))
    }
}
