import Foundation
import SKMJSON
import Testing

/// skm's own export carries every response's global id (`idGlobal`): imported back anywhere, a row is
/// stored once, whatever route it first came by (typed with `skm submit`, no client id) — with the real binary.
@Suite struct GlobalIDImportTests {
    /// Three typed responses (no client id, no import fingerprint) in the test's database.
    static func submitted(_ skm: SKMProcess) throws {
        try skm.registry()
        for answers in ["434344343", "111222333", "444444444"] {
            let r = try skm.run(["submit", "--unit", "KEC", "--service", "KTP", "--answers", answers, "--date", "2025-03-14"])
            #expect(r.status == 0, "\(r.stderr)")
        }
    }

    /// The `idGlobal` column of a CSV export, in row order.
    static func globalIDs(_ csv: String) -> [String] {
        let lines = csv.split(whereSeparator: \.isNewline).map { String($0).replacingOccurrences(of: "\u{FEFF}", with: "") }
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init),
            let column = header.firstIndex(of: "idGlobal")
        else { return [] }
        return lines.dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return column < cells.count ? cells[column] : ""
        }
    }

    @Test(arguments: ["csv", "xlsx", "jsonl"])
    func typedRowsExportedAndImportedBackAreRecognised(format: String) throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try Self.submitted(skm)
        let out = skm.directory + "/ekspor." + format
        #expect(try skm.run(["export", "--out", out]).status == 0)
        let back = try skm.run(["import", out, "--json"])
        #expect(back.status == 0, "\(back.stdout) \(back.stderr)")
        #expect(back.json["stored"] == 0)
        #expect(back.json["duplicates"] == 3)
        #expect(try skm.storedCount() == 3)
        let said = try skm.run(["import", out, "--again"])
        #expect(said.stdout.contains("0 disimpan, 3 sudah ada (client id atau ID global sama)"), "\(said.stdout)")
        #expect(try skm.storedCount() == 3)
    }

    @Test(arguments: ["csv", "xlsx", "jsonl"])
    func intoAFreshDatabaseTheRowsKeepTheirGlobalIDsAndAMergeAddsNothing(format: String) throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try Self.submitted(skm)
        let csv = skm.directory + "/asal.csv"
        #expect(try skm.run(["export", "--out", csv]).status == 0)
        let ids = Self.globalIDs(try String(contentsOfFile: csv, encoding: .utf8))
        #expect(ids.count == 3 && ids.allSatisfy { $0.count == 32 }, "\(ids)")
        let out = skm.directory + "/ekspor." + format
        if format != "csv" { #expect(try skm.run(["export", "--out", out]).status == 0) }
        let file = format == "csv" ? csv : out

        let fresh = skm.directory + "/baru.sqlite"
        try skm.run(["unit", "add", "KEC", "Kecamatan", "Uji", "--db", fresh])
        try skm.run(["service", "add", "KEC", "KTP", "KTP-el", "--db", fresh])
        try skm.run(["service", "add", "KEC", "SKET", "Surat", "Keterangan", "--db", fresh])
        let first = try skm.run(["import", file, "--db", fresh, "--json"])
        #expect(first.status == 0, "\(first.stdout) \(first.stderr)")
        #expect(first.json["stored"] == 3)
        let copy = skm.directory + "/salinan.csv"
        #expect(try skm.run(["export", "--db", fresh, "--out", copy]).status == 0)
        #expect(Self.globalIDs(try String(contentsOfFile: copy, encoding: .utf8)) == ids)
        // The same file again, on purpose: every row is known by its global id.
        let again = try skm.run(["import", file, "--db", fresh, "--again", "--json"])
        #expect(again.json["stored"] == 0, "\(again.stdout)")
        #expect(again.json["duplicates"] == 3)

        let merged = try skm.run(["merge", skm.database, "--db", fresh, "--json"])
        #expect(merged.status == 0, "\(merged.stdout) \(merged.stderr)")
        #expect(merged.json.arrayValue?.first?["responsesAdded"] == 0)
        #expect(merged.json.arrayValue?.first?["alreadyPresent"] == 3)
        #expect(try skm.run(["response", "list", "--json", "--db", fresh]).json.arrayValue?.count == 3)
    }

    @Test func hostileGlobalIDsAreRowErrorsAndNothingIsStored() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try Self.submitted(skm)
        let header = "date,unit,service,U1,U2,U3,U4,U5,U6,U7,U8,U9,idGlobal\n"
        let id = "0123456789abcdef0123456789abcdef"

        let bad = try skm.write("bad.csv", header + "2025-03-15,KEC,KTP,4,3,4,3,4,4,3,3,4,xyz-not-hex\n")
        let refused = try skm.run(["import", bad, "--json"])
        #expect(refused.status == 1, "\(refused.stdout) \(refused.stderr)")
        let error = refused.json["errors"]?.arrayValue?.first
        #expect(error?["code"] == "invalid_value")
        #expect(error?["column"] == "idGlobal")
        #expect(error?["row"] == 2)
        #expect(error?["message"]?.stringValue?.contains("32 digit heksadesimal") == true, "\(refused.stdout)")

        let twice = try skm.write(
            "twice.csv",
            header + "2025-03-15,KEC,KTP,4,3,4,3,4,4,3,3,4,\(id)\n" + "2025-03-15,KEC,KTP,1,1,1,1,1,1,1,1,1,\(id)\n")
        let conflict = try skm.run(["import", twice, "--json"])
        #expect(conflict.status == 1, "\(conflict.stdout) \(conflict.stderr)")
        #expect(conflict.json["stored"] == 0)
        let second = conflict.json["errors"]?.arrayValue?.first
        #expect(second?["code"] == "global_id_conflict")
        #expect(second?["row"] == 3)
        #expect(second?["column"] == "idGlobal")
        #expect(second?["message"]?.stringValue?.contains("baris 2") == true, "\(conflict.stdout)")
        #expect(try skm.storedCount() == 3)

        // The same id twice with the same content: stored once, the second row is a duplicate.
        let same = try skm.write(
            "same.csv",
            header + "2025-03-15,KEC,KTP,4,3,4,3,4,4,3,3,4,\(id.uppercased())\n" + "2025-03-15,KEC,KTP,4,3,4,3,4,4,3,3,4,\(id)\n")
        let once = try skm.run(["import", same, "--json"])
        #expect(once.status == 0, "\(once.stdout) \(once.stderr)")
        #expect(once.json["stored"] == 1)
        #expect(once.json["duplicates"] == 1)
        #expect(try skm.storedCount() == 4)

        // A stored id whose row was changed after the export: said so, not silently skipped; nothing stored.
        let changed = try skm.write(
            "changed.csv",
            header + "2025-03-16,KEC,KTP,4,4,4,4,4,4,4,4,4,\n" + "2025-03-15,KEC,KTP,4,3,4,3,4,4,3,3,3,\(id)\n")
        let edited = try skm.run(["import", changed, "--json"])
        #expect(edited.status == 1, "\(edited.stdout) \(edited.stderr)")
        #expect(edited.json["errors"]?.arrayValue?.first?["code"] == "global_id_conflict")
        #expect(edited.json["errors"]?.arrayValue?.first?["row"] == 3)
        #expect(edited.json["errors"]?.arrayValue?.first?["message"]?.stringValue?.contains("respons #4") == true)
        #expect(try skm.storedCount() == 4)
        // With --skip-invalid the good row is stored and the changed one is still reported.
        let skipping = try skm.run(["import", changed, "--skip-invalid", "--json"])
        #expect(skipping.json["stored"] == 1, "\(skipping.stdout)")
        #expect(skipping.json["duplicates"] == 0)
        #expect(skipping.json["invalidRows"] == 1)
        #expect(try skm.storedCount() == 5)
    }
}
