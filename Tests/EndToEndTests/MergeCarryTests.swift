import Foundation
import SKMJSON
import SKMTestSupport
import Testing

/// `skm merge` carries what an office stores beside its responses, through the built binary:
/// visits (their grouping of responses and their voids) and the follow-up register and
/// publication log (new items, later versions, a conflict when both sides corrected one item).
@Suite struct MergeCarryTests {
    static let visitHeader =
        (["Tanggal", "Unit", "Layanan", "Jenis Kelamin", "Usia"] + (1...9).map { "skm.U\($0)" } + (1...9).map { "ipkp.U\($0)" }
        + (1...5).map { "ipak.U\($0)" }).joined(separator: ";")

    /// Visits (SKM + IPKP + IPAK) spread over 2025, deterministic from `seed`.
    static func visits(_ count: Int, seed: Int) -> String {
        var state = UInt64(seed) &* 6_364_136_223_846_793_005 &+ 1
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var lines = [visitHeader]
        for _ in 0..<count {
            let date = String(format: "%02d/%02d/2025", next(28) + 1, next(12) + 1)
            let answers = (0..<23).map { _ in String(next(4) + 1) }
            lines.append(
                "\(date);KEC;\(next(2) == 0 ? "KTP" : "SKET");\(next(2) == 0 ? "L" : "P");\(20 + next(40));"
                    + answers.joined(separator: ";"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func registry(_ skm: SKMProcess, _ db: String) throws {
        try skm.run(["unit", "add", "KEC", "Kecamatan", "Uji", "--db", db])
        try skm.run(["service", "add", "KEC", "KTP", "KTP-el", "--db", db])
        try skm.run(["service", "add", "KEC", "SKET", "Surat", "Keterangan", "--db", db])
    }

    /// Every visit of the database as (set, member count, voided), numbered from 1 until one is missing.
    func visits(_ skm: SKMProcess, _ db: String) throws -> [String] {
        var shown: [String] = []
        for number in 1...1000 {
            let out = try skm.run(["visit", "show", "\(number)", "--json", "--db", db])
            guard out.status == 0 else { break }
            let v = out.json
            shown.append("\(v["set"]?.stringValue ?? "?") \(v["responses"]?.arrayValue?.count ?? -1) \(v["voided"] == true)")
        }
        return shown
    }

    func zi(_ skm: SKMProcess, _ db: String) throws -> String {
        let out = try skm.run(["zi", "--year", "2025", "--json", "--db", db])
        #expect(out.status == 0, "\(out.stderr)")
        return out.stdout
    }

    @Test func mergedVisitsCountAsInOneDatabaseAndTheirVoidsFollow() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let (a, b, c, d) = (
            skm.directory + "/a.sqlite", skm.directory + "/b.sqlite", skm.directory + "/c.sqlite", skm.directory + "/d.sqlite"
        )
        let fileA = try skm.write("a.csv", Self.visits(30, seed: 5))
        let fileB = try skm.write("b.csv", Self.visits(20, seed: 6))
        for db in [a, b, d] { try registry(skm, db) }
        #expect(try skm.run(["import", fileA, "--db", a]).status == 0)
        #expect(try skm.run(["import", fileB, "--db", b]).status == 0)
        // B also has plain IPAK responses outside any visit.
        for answers in ["44443", "22222"] {
            for db in [b, d] {
                let out = try skm.run([
                    "submit", "--unit", "KEC", "--service", "KTP", "--questionnaire", "ipak-90-2021", "--answers", answers,
                    "--date", "2025-09-01", "--db", db,
                ])
                #expect(out.status == 0, "\(out.stderr)")
            }
        }
        #expect(try skm.run(["import", fileA, "--db", d]).status == 0)
        #expect(try skm.run(["import", fileB, "--db", d]).status == 0)

        let merged = try skm.run(["merge", a, b, "--db", c, "--json"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.json.arrayValue?.map { $0["visitsAdded"] } == [30, 20], "\(merged.stdout)")
        let single = try visits(skm, d)
        #expect(single.count == 50)
        #expect(try visits(skm, c) == single)
        #expect(try zi(skm, c) == zi(skm, d))
        #expect(try skm.run(["merge", a, b, "--db", c]).stdout.components(separatedBy: "Tidak ada yang berubah").count == 3)

        // A visit voided in A after the merge is voided in C on the next merge, with its responses.
        #expect(try skm.run(["visit", "void", "4", "--reason", "Responden sama", "--db", a]).status == 0)
        #expect(try skm.run(["visit", "void", "4", "--reason", "Responden sama", "--db", d]).status == 0)
        let next = try skm.run(["merge", a, "--db", c, "--json"]).json.arrayValue?.first
        #expect(
            next?["visitVoidsCarried"] == 1 && next?["voidsCarried"] == 3 && next?["visitsAdded"] == 0,
            "\(String(describing: next))")
        #expect(try visits(skm, c) == visits(skm, d))
        #expect(try visits(skm, c).dropFirst(3).first == "zi 3 true")
        #expect(try zi(skm, c) == zi(skm, d))
        #expect(try skm.run(["merge", a, "--db", c]).stdout.contains("Tidak ada yang berubah"))
        #expect(try skm.run(["check", "--db", c]).status == 0)
    }

    @Test func theFollowUpRegisterAndPublicationLogArriveAndTheirCorrectionsFollow() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let (a, b, c) = (skm.directory + "/a.sqlite", skm.directory + "/b.sqlite", skm.directory + "/c.sqlite")
        func run(_ arguments: [String], _ db: String) throws -> SKMProcess.Output {
            let out = try skm.run(arguments + ["--db", db])
            #expect(out.status == 0, "\(arguments) \(out.stderr)")
            return out
        }
        for db in [a, b] { try registry(skm, db) }
        for (db, program) in [(a, "Pelatihan petugas loket"), (a, "Kotak pengaduan"), (b, "Papan informasi biaya")] {
            try run(
                [
                    "rtl", "add", "--year", "2025", "--unsur", "U3", "--program", program, "--pj", "Sekretaris Camat", "--target",
                    "2026-06-30", "--date", "2026-01-05",
                ], db)
        }
        try run(["rtl", "done", "1", "--date", "2026-05-04", "--evidence", "Daftar hadir"], a)
        try run(["publish", "add", "--year", "2025", "--medium", "website", "--date", "2026-01-20"], a)
        try run(["publish", "add", "--year", "2025", "--medium", "media-sosial", "--date", "2026-01-21"], b)

        let merged = try run(["merge", a, b, "--json"], c).json.arrayValue ?? []
        #expect(merged.map { $0["rtlVersionsAdded"] } == [3, 1] && merged.map { $0["publicationVersionsAdded"] } == [1, 1])
        let list = try run(["rtl", "list", "--json"], c).json.arrayValue ?? []
        #expect(
            list.map { $0["program"]?.stringValue ?? "" } == [
                "Pelatihan petugas loket", "Kotak pengaduan", "Papan informasi biaya",
            ])
        var summary = try run(["rtl", "summary", "--year", "2025", "--json"], c).json.arrayValue?.first
        #expect(summary?["items"] == 3 && summary?["done"] == 1 && summary?["mediaCount"] == 2, "\(String(describing: summary))")
        #expect(try run(["merge", a, b], c).stdout.components(separatedBy: "Tidak ada yang berubah").count == 3)

        // Later in A: item 2 done, item 1 corrected, the website entry voided; they arrive next time.
        try run(["rtl", "done", "2", "--date", "2026-04-10", "--evidence", "Foto"], a)
        try run(["rtl", "correct", "1", "--date", "2026-05-05", "--reason", "salah ketik"], a)
        try run(["publish", "void", "1", "--reason", "tautan salah"], a)
        let next = try run(["merge", a, "--json"], c).json.arrayValue?.first
        #expect(next?["rtlVersionsAdded"] == 2 && next?["publicationVersionsAdded"] == 1, "\(String(describing: next))")
        summary = try run(["rtl", "summary", "--year", "2025", "--json"], c).json.arrayValue?.first
        #expect(summary?["done"] == 2 && summary?["mediaCount"] == 1, "\(String(describing: summary))")
        #expect(try run(["rtl", "show", "1"], c).stdout.contains("selesai 2026-05-05"))
        #expect(try run(["rtl", "show", "1", "--json"], c).json == run(["rtl", "show", "1", "--json"], a).json)

        // Both sides correct item 1 differently: the source stops, nothing of it stored.
        try run(["rtl", "correct", "1", "--date", "2026-05-06", "--reason", "di kecamatan"], c)
        try run(["rtl", "correct", "1", "--date", "2026-05-07", "--reason", "di loket"], a)
        try run(["publish", "add", "--year", "2025", "--medium", "papan-pengumuman", "--date", "2026-02-01"], a)
        let refused = try skm.run(["merge", a, "--db", c, "--json"])
        #expect(refused.status == 1)
        #expect(refused.json["error"]?["code"] == "merge_conflict", "\(refused.stdout)")
        let text = try skm.run(["merge", a, "--db", c])
        #expect(text.stderr.contains("Sumber \(a) tidak digabungkan") && text.stderr.contains("RTL nomor 1"), "\(text.stderr)")
        #expect(try run(["publish", "list", "--json"], c).json.arrayValue?.count == 2)
        #expect(try run(["rtl", "show", "1"], c).stdout.contains("selesai 2026-05-06"))
    }

    @Test func theUnitHierarchyArrivesAndAnotherParentHereIsAConflict() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let (a, c, d) = (skm.directory + "/a.sqlite", skm.directory + "/c.sqlite", skm.directory + "/d.sqlite")
        for command in [
            ["unit", "add", "KAB", "Kabupaten"], ["unit", "add", "KEC", "Kecamatan", "--parent", "KAB"],
            ["unit", "add", "KEL", "Kelurahan", "--parent", "KEC"], ["service", "add", "KEL", "KTP", "KTP-el"],
        ] {
            #expect(try skm.run(command + ["--db", a]).status == 0)
        }
        // C knows KEC already, at the top: it is placed under KAB.
        #expect(try skm.run(["unit", "add", "KEC", "Kecamatan", "--db", c]).status == 0)
        let merged = try skm.run(["merge", a, "--db", c, "--json"])
        #expect(merged.json.arrayValue?.first?["parentsLinked"] == 2, "\(merged.stdout) \(merged.stderr)")
        let units = try skm.run(["unit", "list", "--json", "--db", c]).json.arrayValue ?? []
        #expect(
            units.map { "\($0["code"]?.stringValue ?? "")<\($0["parent"]?.stringValue ?? "-")" }.sorted()
                == ["KAB<-", "KEC<KAB", "KEL<KEC"], "\(units)")
        #expect(try skm.run(["merge", a, "--db", c]).stdout.contains("Tidak ada yang berubah"))

        // D has KEL under another parent: the source stops, nothing of it stored.
        for command in [["unit", "add", "LAIN", "Lain"], ["unit", "add", "KEL", "Kelurahan", "--parent", "LAIN"]] {
            #expect(try skm.run(command + ["--db", d]).status == 0)
        }
        let refused = try skm.run(["merge", a, "--db", d, "--json"])
        #expect(refused.status == 1 && refused.json["error"]?["code"] == "merge_conflict", "\(refused.stdout)")
        #expect(
            refused.json["error"]?["details"]?["conflicts"] == ["unit KEL berinduk LAIN di sini tetapi KEC di sumber"],
            "\(refused.stdout)")
        #expect(try skm.run(["unit", "list", "--json", "--db", d]).json.arrayValue?.count == 2)

        // A cycle with the tree here (KAB under KEL here, KEL under KAB through the source) stops it too.
        let e = skm.directory + "/e.sqlite"
        for command in [["unit", "add", "KEL", "Kelurahan"], ["unit", "add", "KAB", "Kabupaten", "--parent", "KEL"]] {
            #expect(try skm.run(command + ["--db", e]).status == 0)
        }
        let cycle = try skm.run(["merge", a, "--db", e, "--json"])
        #expect(cycle.json["error"]?["code"] == "merge_conflict", "\(cycle.stdout)")
        #expect(cycle.stdout.contains("membentuk lingkaran"), "\(cycle.stdout)")
    }
}
