import Foundation
import SKMJSON
import SKMTestSupport
import Testing

/// `skm merge` through the built binary: counters A and B merged into C give every IKM figure of
/// one database holding all their responses; merging again changes nothing; later voids follow;
/// conflicts stop a source with nothing stored unless a mapping option decides; the source is
/// never changed, and one with an un-checkpointed WAL is read whole.
@Suite struct MergeTests {
    static let header = "Tanggal;Unit;Layanan;Jenis Kelamin;Usia;U1;U2;U3;U4;U5;U6;U7;U8;U9\n"

    /// Deterministic rows over 2025 (every month), blanks included, for the given units/services.
    static func rows(_ count: Int, seed: Int, places: [(String, String)]) -> String {
        var state = UInt64(seed) &* 6_364_136_223_846_793_005 &+ 1
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var text = header
        for _ in 0..<count {
            let place = places[next(places.count)]
            let date = String(format: "2025-%02d-%02d", next(12) + 1, next(28) + 1)
            let answers = (0..<9).map { _ in next(15) == 0 ? "" : String(next(4) + 1) }
            text +=
                "\(date);\(place.0);\(place.1);\(next(2) == 0 ? "L" : "P");\(18 + next(50));\(answers.joined(separator: ";"))\n"
        }
        return text
    }

    static let placesA = [("KEC", "KTP"), ("KEC", "SKET")]
    static let placesB = [("KEC", "KTP"), ("KEC", "SKET"), ("PKM", "UMUM")]

    /// Every `skm ikm --json` breakdown compared.
    static let figures: [[String]] = [
        [], ["--year", "2025"], ["--year", "2025", "--quarter", "1"], ["--year", "2025", "--quarter", "4"],
        ["--year", "2025", "--month", "7"], ["--year", "2025", "--semester", "2"], ["--by", "service"], ["--by", "unit"],
        ["--by", "unit,quarter"], ["--by", "month"], ["--by", "year"], ["--by", "unit,service"],
        ["--unit", "KEC", "--by", "service"],
        ["--unit", "PKM"], ["--service", "KTP"], ["--by", "quarter", "--weighting", "0.111"],
        ["--by", "service", "--aggregation", "mean-of-services"],
    ]

    func registry(_ skm: SKMProcess, _ db: String, pkm: Bool) throws {
        try skm.run(["unit", "add", "KEC", "Kecamatan", "Uji", "--db", db])
        try skm.run(["service", "add", "KEC", "KTP", "KTP-el", "--db", db])
        try skm.run(["service", "add", "KEC", "SKET", "Surat", "Keterangan", "--db", db])
        if pkm {
            try skm.run(["unit", "add", "PKM", "Puskesmas", "--db", db])
            try skm.run(["service", "add", "PKM", "UMUM", "Poli", "Umum", "--db", db])
        }
    }

    func figures(_ skm: SKMProcess, _ db: String) throws -> [String] {
        try Self.figures.map { args in
            let out = try skm.run(["ikm", "--json", "--db", db] + args)
            return out.stdout + out.stderr
        }
    }

    func count(_ skm: SKMProcess, _ db: String, active: Bool = false) throws -> Int {
        try skm.run(["response", "list", "--json", "--limit", "1000", "--db", db] + (active ? ["--active-only"] : [])).json
            .arrayValue?.count ?? -1
    }

    /// Counters A and B (with voids, and one CSV imported at both A and C) merged into C.
    @Test func mergedCountersGiveEveryFigureOfOneDatabaseAndMergingAgainChangesNothing() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let a = skm.directory + "/a.sqlite"
        let b = skm.directory + "/b.sqlite"
        let c = skm.directory + "/c.sqlite"
        let single = skm.directory + "/single.sqlite"
        let csvA = try skm.write("a.csv", Self.rows(300, seed: 1, places: Self.placesA))
        let csvB = try skm.write("b.csv", Self.rows(250, seed: 2, places: Self.placesB))
        try registry(skm, a, pkm: false)
        try registry(skm, b, pkm: true)
        try registry(skm, single, pkm: true)
        #expect(try skm.run(["import", csvA, "--db", a]).status == 0)
        #expect(try skm.run(["import", csvB, "--db", b]).status == 0)
        #expect(try skm.run(["void", "3", "5-7", "--reason", "salah unit", "--db", a]).status == 0)
        #expect(try skm.run(["void", "2", "--reason", "ganda", "--db", b]).status == 0)
        #expect(try skm.run(["import", csvA, "--db", single]).status == 0)
        #expect(try skm.run(["import", csvB, "--db", single]).status == 0)
        #expect(try skm.run(["void", "3", "5-7", "302", "--reason", "salah", "--db", single]).status == 0)

        let merged = try skm.run(["merge", a, b, "--db", c, "--json"])
        #expect(merged.status == 0, "\(merged.stderr)")
        let summaries = merged.json.arrayValue ?? []
        #expect(summaries.count == 2)
        #expect(summaries.first?["responsesAdded"] == 300)
        #expect(summaries.first?["voidedAdded"] == 4)
        #expect(summaries.first?["unitsAdded"] == 1)
        #expect(summaries.first?["servicesAdded"] == 2)
        #expect(summaries.first?["batchesAdded"] == 1)
        #expect(summaries.last?["responsesAdded"] == 250)
        #expect(summaries.last?["unitsAdded"] == 1)
        #expect(summaries.last?["servicesAdded"] == 1)
        let expected = try figures(skm, single)
        #expect(expected.first?.contains("\"respondents\": 545") == true, "\(expected.first ?? "")")
        let mergedFigures = try figures(skm, c)
        for (index, args) in Self.figures.enumerated() {
            #expect(mergedFigures[index] == expected[index], "skm ikm \(args)")
        }
        #expect(try skm.run(["check", "--db", c]).status == 0)

        // Again: nothing new, nothing changed (not even the database file).
        let before = try Data(contentsOf: URL(fileURLWithPath: c))
        let again = try skm.run(["merge", a, b, "--db", c, "--json"])
        #expect(again.status == 0)
        #expect(again.json.arrayValue?.map { $0["responsesAdded"] } == [0, 0])
        #expect(again.json.arrayValue?.map { $0["alreadyPresent"] } == [300, 250])
        #expect(try skm.run(["merge", a, "--db", c]).stdout.contains("Tidak ada yang berubah"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: c)) == before)
        #expect(try figures(skm, c) == expected)

        // A file imported here and at counter A: its rows are the same responses, not new ones.
        let d = skm.directory + "/d.sqlite"
        try registry(skm, d, pkm: false)
        #expect(try skm.run(["import", csvA, "--db", d]).status == 0)
        let byFile = try skm.run(["merge", a, "--db", d, "--json"]).json.arrayValue?.first
        #expect(byFile?["responsesAdded"] == 0)
        #expect(byFile?["alreadyPresent"] == 300)
        #expect(byFile?["voidsCarried"] == 4)
        #expect(try count(skm, d) == 300)
        #expect(try count(skm, d, active: true) == 296)
    }

    @Test func aVoidMadeInTheSourceAfterAMergeReachesTheTargetNextTime() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let a = skm.directory + "/a.sqlite"
        let c = skm.directory + "/c.sqlite"
        try registry(skm, a, pkm: false)
        #expect(
            try skm.run(["import", try skm.write("a.csv", Self.rows(40, seed: 3, places: Self.placesA)), "--db", a]).status == 0)
        #expect(try skm.run(["merge", a, "--db", c]).status == 0)
        #expect(try count(skm, c, active: true) == 40)
        #expect(try skm.run(["void", "7", "--reason", "responden sama", "--db", a]).status == 0)
        let next = try skm.run(["merge", a, "--db", c, "--json"]).json.arrayValue?.first
        #expect(next?["voidsCarried"] == 1)
        #expect(next?["responsesAdded"] == 0)
        #expect(try count(skm, c, active: true) == 39)
        let shown = try skm.run(["response", "list", "--json", "--limit", "100", "--db", c]).json.arrayValue ?? []
        let voided = shown.filter { $0["voided"] == true }
        #expect(voided.count == 1)
        #expect(voided.first?["voidReason"] == "responden sama")
        #expect(try figures(skm, c) == figures(skm, a))
        #expect(try skm.run(["merge", a, "--db", c, "--json"]).json.arrayValue?.first?["voidsCarried"] == 0)
        #expect(try skm.run(["check", "--db", c]).status == 0)
    }

    /// Each conflict stops the source with `merge_conflict` and nothing stored; the options decide.
    @Test func conflictsStopTheSourceUnlessAMappingOptionDecides() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let a = skm.directory + "/a.sqlite"
        let c = skm.directory + "/c.sqlite"
        try registry(skm, a, pkm: false)
        #expect(
            try skm.run(["import", try skm.write("a.csv", Self.rows(20, seed: 4, places: Self.placesA)), "--db", a]).status == 0)
        try skm.run(["unit", "add", "KEC", "Kecamatan", "Lain", "--db", c])
        try skm.run(["service", "add", "KEC", "KTP", "KTP-el", "--db", c])
        try skm.run(["service", "add", "KEC", "SKET", "Surat", "Lain", "--db", c])
        let refused = try skm.run(["merge", a, "--db", c, "--json"])
        #expect(refused.status != 0)
        #expect(refused.json["error"]?["code"] == "merge_conflict", "\(refused.stdout)")
        let conflicts = refused.json["error"]?["details"]?["conflicts"]?.arrayValue ?? []
        #expect(conflicts.count == 2, "\(conflicts)")
        let text = try skm.run(["merge", a, "--db", c])
        #expect(
            text.stderr.contains("unit KEC bernama \"Kecamatan Lain\" di sini tetapi \"Kecamatan Uji\" di sumber"),
            "\(text.stderr)")
        #expect(text.stderr.contains("--keep-name"))
        #expect(try count(skm, c) == 0)

        // The target's names stay.
        let kept = try skm.run(["merge", a, "--db", c, "--keep-name", "target", "--json"])
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(kept.json.arrayValue?.first?["responsesAdded"] == 20)
        #expect(try skm.run(["unit", "list", "--json", "--db", c]).stdout.contains("Kecamatan Lain"))

        // The source's names replace them.
        let e = skm.directory + "/e.sqlite"
        try skm.run(["unit", "add", "KEC", "Kecamatan", "Lain", "--db", e])
        let renamed = try skm.run(["merge", a, "--db", e, "--keep-name", "source", "--json"])
        #expect(renamed.json.arrayValue?.first?["renamed"] == 1, "\(renamed.stdout)\(renamed.stderr)")
        #expect(try skm.run(["unit", "list", "--json", "--db", e]).stdout.contains("Kecamatan Uji"))

        // The source unit's data goes to another unit here.
        let f = skm.directory + "/f.sqlite"
        try skm.run(["unit", "add", "KEC", "Kecamatan", "Lain", "--db", f])
        let mapped = try skm.run(["merge", a, "--db", f, "--unit-map", "KEC=LOKET2", "--json"])
        #expect(mapped.json.arrayValue?.first?["unitsAdded"] == 1, "\(mapped.stdout)\(mapped.stderr)")
        let ikm = try skm.run(["ikm", "--json", "--unit", "LOKET2", "--db", f]).json
        #expect(ikm["respondents"] == 20)
        #expect(try skm.run(["merge", a, "--db", f, "--unit-map", "KEC"]).json == .null)
        #expect(try skm.run(["merge", a, "--db", f, "--keep-name", "nanti", "--json"]).json["error"]?["code"] == "usage")

        // A custom questionnaire with the same id and another definition: no option merges it.
        var definition = try skm.run(["questionnaire", "show", "permenpanrb-14-2017", "--json"]).stdout
        definition = definition.replacingOccurrences(of: "\"permenpanrb-14-2017\"", with: "\"puskesmas-2026\"")
        let one = try skm.write("q1.json", definition)
        let other = try skm.write("q2.json", definition.replacingOccurrences(of: "Persyaratan", with: "Syarat"))
        #expect(try skm.run(["questionnaire", "add", one, "--db", a]).status == 0)
        let g = skm.directory + "/g.sqlite"
        #expect(try skm.run(["questionnaire", "add", other, "--db", g]).status == 0)
        let q = try skm.run(["merge", a, "--db", g, "--keep-name", "source", "--json"])
        #expect(q.json["error"]?["code"] == "merge_conflict", "\(q.stdout)")
        #expect(q.json["error"]?["message"]?.stringValue?.contains("kuesioner puskesmas-2026") == true)
        #expect(try count(skm, g) == 0)
        #expect(try skm.run(["unit", "list", "--json", "--db", g]).json.arrayValue?.count == 0)
    }

    /// A response an RPC client sent to both databases (same client id, same content) is the
    /// same response; the same client id with other content stops the source, nothing stored.
    @Test func aClientIDStoredOnBothSidesIsOneResponse() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let a = skm.directory + "/a.sqlite"
        let c = skm.directory + "/c.sqlite"
        try registry(skm, a, pkm: false)
        try registry(skm, c, pkm: false)
        let form = ["submit", "--unit", "KEC", "--service", "KTP", "--answers", "434344343", "--date", "2025-03-14"]
        #expect(try skm.run(form + ["--client-id", "hp-7/1", "--db", a]).status == 0)
        #expect(try skm.run(form + ["--client-id", "hp-7/1", "--db", c]).status == 0)
        #expect(try skm.run(form + ["--client-id", "hp-7/2", "--db", a]).status == 0)
        #expect(try skm.run(["void", "1", "--reason", "salah layanan", "--db", a]).status == 0)
        let merged = try skm.run(["merge", a, "--db", c, "--json"]).json.arrayValue?.first
        #expect(merged?["alreadyPresent"] == 1, "\(merged ?? .null)")
        #expect(merged?["responsesAdded"] == 1)
        #expect(merged?["voidsCarried"] == 1)
        #expect(try count(skm, c) == 2)
        #expect(try count(skm, c, active: true) == 1)

        let d = skm.directory + "/d.sqlite"
        try registry(skm, d, pkm: false)
        let other = ["submit", "--unit", "KEC", "--service", "KTP", "--answers", "111111111", "--date", "2025-03-14"]
        #expect(try skm.run(other + ["--client-id", "hp-7/2", "--db", d]).status == 0)
        let refused = try skm.run(["merge", a, "--db", d, "--json"])
        #expect(refused.json["error"]?["code"] == "client_id_conflict", "\(refused.stdout)")
        #expect(refused.json["error"]?["message"]?.stringValue?.hasPrefix("Sumber \(a) tidak digabungkan") == true)
        #expect(try count(skm, d) == 1)
    }

    /// Source A (counter A's registry, `rows` imported rows) changed behind skm's back by `sql`
    /// (Python's sqlite3, as a damaged or hand-edited file would be); returns its path.
    func damagedSource(_ skm: SKMProcess, rows: Int, seed: Int, sql: [String]) throws -> String {
        let a = skm.directory + "/a.sqlite"
        try registry(skm, a, pkm: false)
        #expect(
            try skm.run(["import", try skm.write("a.csv", Self.rows(rows, seed: seed, places: Self.placesA)), "--db", a]).status
                == 0)
        let script =
            "import sqlite3, sys, json\nc = sqlite3.connect(sys.argv[1])\nfor s in json.loads(sys.argv[2]): c.execute(s)\nc.commit()\n"
        let statements = "[" + sql.map { "\"" + $0 + "\"" }.joined(separator: ",") + "]"
        let changed = try skm.run(["__python__", "-c", script, a, statements], input: "", environment: [:], python: true)
        #expect(changed.status == 0, "\(changed.stderr)")
        return a
    }

    /// A source row that cannot be read, late in the source (after several batches were
    /// written): the source stops with `database_corrupt`, nothing of it is stored.
    @Test func anUnreadableRowLateInTheSourceStoresNothing() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let a = try damagedSource(
            skm, rows: 2000, seed: 6,
            sql: ["DROP TRIGGER responses_uuid_fixed", "UPDATE responses SET uuid = 'bukan-id' WHERE id = 1800"])
        let c = skm.directory + "/c.sqlite"
        let refused = try skm.run(["merge", a, "--db", c, "--json"])
        #expect(refused.json["error"]?["code"] == "database_corrupt", "\(refused.stdout)")
        #expect(try count(skm, c) == 0)
        #expect(try skm.run(["unit", "list", "--json", "--db", c]).json.arrayValue?.count == 0)
    }

    /// The room a merge reserves for a source's ids comes from the source file (its highest
    /// response id), so a damaged source claiming an id near 2^62 must not make skm reserve room
    /// for that many: the merge goes through with every row, as for any other source.
    @Test func aSourceWithAHugeResponseIDMergesWithoutReservingForIt() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let a = try damagedSource(skm, rows: 50, seed: 8, sql: ["UPDATE responses SET id = 4611686018427387904 WHERE id = 50"])
        let c = skm.directory + "/c.sqlite"
        let merged = try skm.run(["merge", a, "--db", c, "--json"])
        #expect(merged.status == 0, "\(merged.stdout) \(merged.stderr)")
        #expect(try count(skm, c) == 50)
        #expect(try figures(skm, c) == figures(skm, a))
    }

    /// Refused sources, each with its code, and nothing created or changed.
    @Test func refusedSourcesHaveTheirOwnCodes() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let c = skm.directory + "/c.sqlite"
        try registry(skm, c, pkm: false)
        func code(_ source: String) throws -> String? {
            try skm.run(["merge", source, "--db", c, "--json"]).json["error"]?["code"]?.stringValue
        }
        #expect(try code(c) == "merge_into_self")
        try FileManager.default.createSymbolicLink(atPath: skm.directory + "/link.sqlite", withDestinationPath: c)
        #expect(try code(skm.directory + "/link.sqlite") == "merge_into_self")
        try FileManager.default.copyItem(atPath: c, toPath: skm.directory + "/copy.sqlite")
        #expect(try code(skm.directory + "/copy.sqlite") == "merge_into_self")
        #expect(try code(skm.directory + "/none.sqlite") == "source_not_found")
        #expect(try code(try skm.write("teks.sqlite", "bukan basis data")) == "not_skm_database")
        let python = """
            import sqlite3, shutil, sys
            d = sys.argv[1]
            o = sqlite3.connect(d + "/other.sqlite"); o.execute("CREATE TABLE t(x)"); o.commit(); o.close()
            shutil.copy(d + "/c.sqlite", d + "/newer.sqlite")
            n = sqlite3.connect(d + "/newer.sqlite"); n.execute("PRAGMA user_version = 99"); n.commit(); n.close()
            """
        let made = try skm.run(["__python__", "-c", python, skm.directory], input: "", environment: [:], python: true)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try code(skm.directory + "/other.sqlite") == "not_skm_database")
        #expect(try code(skm.directory + "/newer.sqlite") == "database_too_new")
        let old = skm.directory + "/schema4.sqlite"
        try FileManager.default.copyItem(atPath: PackagePaths.root + "/Tests/Fixtures/schema4/skm-schema4.sqlite", toPath: old)
        let oldBytes = try Data(contentsOf: URL(fileURLWithPath: old))
        #expect(try code(old) == "merge_source_outdated")
        #expect(try Data(contentsOf: URL(fileURLWithPath: old)) == oldBytes)
        #expect(try count(skm, c) == 0)
        #expect(try code(skm.directory + "/none.sqlite") == "source_not_found")
        #expect(!FileManager.default.fileExists(atPath: skm.directory + "/none.sqlite"))
    }

    /// A source still open elsewhere, its last transaction only in its -wal: read whole, and its
    /// files (bytes, and which of -wal/-shm exist) unchanged; the same for a copy of the main
    /// file and -wal without -shm.
    @Test func aSourceWithAnUncheckpointedWALIsReadWholeAndNeverChanged() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let a = skm.directory + "/a.sqlite"
        try registry(skm, a, pkm: false)
        #expect(
            try skm.run(["import", try skm.write("a.csv", Self.rows(30, seed: 5, places: Self.placesA)), "--db", a]).status == 0)
        // A reader holding a snapshot keeps skm's next commit in the -wal.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = [
            "python3", "-c",
            "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1], isolation_level=None)\nc.execute('BEGIN')\nc.execute('SELECT COUNT(*) FROM responses').fetchone()\nprint('ready', flush=True)\nsys.stdin.read()\n",
            a,
        ]
        let toHolder = Pipe()
        let fromHolder = Pipe()
        holder.standardInput = toHolder
        holder.standardOutput = fromHolder
        try holder.run()
        defer {
            try? toHolder.fileHandleForWriting.close()
            holder.waitUntilExit()
        }
        _ = fromHolder.fileHandleForReading.availableData
        #expect(try skm.run(["void", "4", "--reason", "di -wal saja", "--db", a]).status == 0)
        #expect(FileManager.default.fileExists(atPath: a + "-wal") && FileManager.default.fileExists(atPath: a + "-shm"))
        let mainOnly = try skm.run(["__python__", "-c", Self.mainFileVoids, a], input: "", environment: [:], python: true)
        #expect(mainOnly.stdout == "0\n", "the void must be in the -wal only: \(mainOnly.stdout)\(mainOnly.stderr)")

        // A copy of the main file and its -wal, no -shm (a PC switched off mid-day).
        let copied = skm.directory + "/copied"
        try FileManager.default.createDirectory(atPath: copied, withIntermediateDirectories: false)
        for suffix in ["", "-wal"] { try FileManager.default.copyItem(atPath: a + suffix, toPath: copied + "/a.sqlite" + suffix) }

        for source in [a, copied + "/a.sqlite"] {
            let before = try snapshot(source)
            let c = skm.directory + "/c-\(source.count).sqlite"
            let merged = try skm.run(["merge", source, "--db", c, "--json"])
            #expect(merged.status == 0, "\(merged.stderr)")
            #expect(merged.json.arrayValue?.first?["voidedAdded"] == 1, "\(source)")
            #expect(try count(skm, c, active: true) == 29)
            #expect(try snapshot(source) == before, "\(source)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: copied).sorted() == ["a.sqlite", "a.sqlite-wal"])
    }

    static let mainFileVoids = """
        import sqlite3, sys
        c = sqlite3.connect("file:" + sys.argv[1] + "?immutable=1", uri=True)
        print(c.execute("SELECT COUNT(*) FROM responses WHERE voided_at IS NOT NULL").fetchone()[0])
        """

    /// The main file's and -wal's bytes, and which of -wal and -shm exist.
    func snapshot(_ path: String) throws -> [String] {
        let files = FileManager.default
        return [
            try Data(contentsOf: URL(fileURLWithPath: path)).base64EncodedString(),
            files.fileExists(atPath: path + "-wal")
                ? try Data(contentsOf: URL(fileURLWithPath: path + "-wal")).base64EncodedString() : "no wal",
            files.fileExists(atPath: path + "-shm") ? "shm" : "no shm",
        ]
    }

    /// A schema-4 database migrates to global ids: every response has one, unique, 32 hex
    /// digits; every voided response a void id, no other.
    @Test func theSchema4FixtureGetsUniqueGlobalIDs() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let db = skm.directory + "/schema4.sqlite"
        try FileManager.default.copyItem(atPath: PackagePaths.root + "/Tests/Fixtures/schema4/skm-schema4.sqlite", toPath: db)
        #expect(try skm.run(["check", "--db", db]).status == 0)
        let script = """
            import sqlite3, sys, re
            c = sqlite3.connect(sys.argv[1])
            rows = c.execute("SELECT uuid, voided_at, void_uuid FROM responses").fetchall()
            ids = [r[0] for r in rows] + [r[2] for r in rows if r[2] is not None]
            ok = all(re.fullmatch("[0-9a-f]{32}", i or "") for i in ids)
            voids = all((r[1] is None) == (r[2] is None) for r in rows)
            print(len(rows), len(set(ids)) == len(ids), ok, voids, sum(1 for r in rows if r[2]))
            """
        let out = try skm.run(["__python__", "-c", script, db], input: "", environment: [:], python: true)
        let fields = out.stdout.split(separator: " ").map(String.init)
        #expect(fields.count == 5, "\(out.stdout)\(out.stderr)")
        #expect((Int(fields.first ?? "") ?? 0) > 0)
        #expect(fields.dropFirst().prefix(3) == ["True", "True", "True"])
        #expect((Int(fields.last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0) > 0)
    }
}
