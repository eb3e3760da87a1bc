import Foundation
import SKMJSON
import Testing

/// `skm merge` carries the aggregate packages a source database imported, through the built
/// binary: office X sends a package to database A; A merged into C gives C every figure of A to
/// the last digit; merging again changes nothing; X's newer package reaches C and replaces the
/// older one; an older package than C's is skipped; a conflicting claim stops the source with
/// nothing stored.
@Suite struct MergePackageTests {
    /// `ikm --json` option sets compared between A and C: the package's own sets, a breakdown by
    /// unit across A's unit and the package's, one unit, one service, one month.
    static let ikmOptions: [[String]] =
        AggregatePackageTests.ikmOptions + [
            ["--year", "2025", "--by", "unit"],
            ["--year", "2025", "--unit", "KEC-TT", "--by", "service"],
            ["--year", "2025", "--unit", "KAB", "--service", "KTP"],
            ["--year", "2025", "--service", "PBB", "--by", "quarter"],
        ]

    /// A database with a unit of its own (KAB, three responses in 2025) that imports `packages`.
    static func receiver(_ skm: SKMProcess, _ name: String, packages: [String]) throws -> String {
        let db = skm.directory + "/" + name
        try skm.run(["unit", "add", "KAB", "Bagian Organisasi", "--db", db])
        try skm.run(["service", "add", "KAB", "KTP", "Rekomendasi", "--db", db])
        for (day, answers) in [("2025-02-03", "444444444"), ("2025-05-06", "323232323"), ("2026-01-02", "111111111")] {
            let out = try skm.run([
                "submit", "--unit", "KAB", "--service", "KTP", "--answers", answers, "--date", day, "--db", db,
            ])
            #expect(out.status == 0, "\(out.stderr)")
        }
        for package in packages {
            let imported = try skm.run(["import", package, "--db", db])
            #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        }
        return db
    }

    /// Every `ikm --json` output of `db` for `ikmOptions`, one after another.
    static func figures(_ skm: SKMProcess, _ db: String) throws -> [String] {
        try ikmOptions.map { options in
            let out = try skm.run(["ikm", "--json", "--db", db] + options)
            #expect(out.status == 0, "\(options): \(out.stderr)")
            return out.stdout
        }
    }

    static func expectSameFigures(_ skm: SKMProcess, _ a: String, _ c: String) throws {
        let mine = try figures(skm, a)
        let theirs = try figures(skm, c)
        for (index, options) in ikmOptions.enumerated() {
            #expect(mine[index] == theirs[index], "ikm \(options) differs after the merge")
        }
    }

    static func merge(_ skm: SKMProcess, _ source: String, into target: String, extra: [String] = []) throws -> JSONValue {
        let out = try skm.run(["merge", source, "--db", target, "--json"] + extra)
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        return out.json.arrayValue?.first ?? .null
    }

    static func packageList(_ skm: SKMProcess, _ db: String) throws -> [JSONValue] {
        try skm.run(["package", "list", "--json", "--db", db]).json.arrayValue ?? []
    }

    /// Office X's year before and after one more response (PBB, 30 December).
    static func twoPackages(_ skm: SKMProcess) throws -> (older: String, newer: String, office: String) {
        let office = try AggregatePackageTests.demoOffice(skm, folder: "x")
        let older = try AggregatePackageTests.exportPackage(skm, db: office, out: "x-lama.json")
        let submitted = try skm.run([
            "submit", "--unit", "KEC-TT", "--service", "PBB", "--answers", "111111111", "--date", "2025-12-30", "--db", office,
        ])
        #expect(submitted.status == 0, "\(submitted.stderr)")
        let newer = try AggregatePackageTests.exportPackage(skm, db: office, out: "x-baru.json")
        return (older, newer, office)
    }

    @Test func importedPackagesTravelWithTheMergeAndEveryFigureStaysExact() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let (older, newer, office) = try Self.twoPackages(skm)
        let a = try Self.receiver(skm, "a.sqlite", packages: [older])
        let c = skm.directory + "/c.sqlite"
        #expect(try skm.run(["init", "--db", c]).status == 0)

        let first = try Self.merge(skm, a, into: c)
        #expect(first["packagesCarried"] == 1 && first["packagesAlreadyPresent"] == 0, "\(first)")
        #expect(first["packagesOlderSkipped"] == 0 && first["responsesAdded"] == 3, "\(first)")
        try Self.expectSameFigures(skm, a, c)
        #expect(try Self.packageList(skm, c).map { $0["activeUnits"] } == [.array(["KEC-TT"])])

        // Again: nothing changes, the package is recognised.
        let again = try skm.run(["merge", a, "--db", c])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(
            again.stdout.contains("paket agregat: 0 dibawa, 1 sudah ada, 0 lebih lama dari yang di sini dilewati")
                && again.stdout.contains("Tidak ada yang berubah"), "\(again.stdout)")
        try Self.expectSameFigures(skm, a, c)
        #expect(try Self.packageList(skm, c).count == 1)

        // X's newer package reaches A, then C: it replaces the older one there too, never counted twice.
        #expect(try skm.run(["import", newer, "--db", a]).status == 0)
        let next = try Self.merge(skm, a, into: c)
        #expect(next["packagesCarried"] == 1 && next["packagesAlreadyPresent"] == 1, "\(next)")
        try Self.expectSameFigures(skm, a, c)
        let listed = try Self.packageList(skm, c)
        #expect(listed.map { $0["activeUnits"] } == [.array([]), .array(["KEC-TT"])], "\(listed)")
        #expect(listed.map { $0["packageId"] } == (try Self.packageList(skm, a)).map { $0["packageId"] })
        // C's figures of the office's unit are the office's own.
        for by in ["month", "service"] {
            let mine = try skm.run(["ikm", "--json", "--year", "2025", "--by", by, "--db", office]).json
            let theirs = try skm.run(["ikm", "--json", "--year", "2025", "--by", by, "--unit", "KEC-TT", "--db", c]).json
            #expect(mine["ikm"] != nil && mine["ikm"] == theirs["ikm"] && mine["unsur"] == theirs["unsur"], "\(by)")
            #expect(mine["respondents"] == theirs["respondents"] && mine["breakdowns"] == theirs["breakdowns"], "\(by)")
        }
        #expect(try skm.run(["check", "--db", c]).status == 0)
    }

    @Test func anOlderPackageThanTheTargetsIsSkippedAndCounted() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let (older, newer, office) = try Self.twoPackages(skm)
        let a = try Self.receiver(skm, "a.sqlite", packages: [older])
        let c = skm.directory + "/c.sqlite"
        #expect(try skm.run(["import", newer, "--db", c]).status == 0)
        let before = try skm.run(["ikm", "--json", "--year", "2025", "--unit", "KEC-TT", "--db", c]).stdout

        let merged = try Self.merge(skm, a, into: c)
        #expect(merged["packagesOlderSkipped"] == 1 && merged["packagesCarried"] == 0, "\(merged)")
        #expect(merged["responsesAdded"] == 3, "\(merged)")
        let after = try skm.run(["ikm", "--json", "--year", "2025", "--unit", "KEC-TT", "--db", c]).stdout
        #expect(before == after)
        let own = try skm.run(["ikm", "--json", "--year", "2025", "--db", office]).json
        let here = try skm.run(["ikm", "--json", "--year", "2025", "--unit", "KEC-TT", "--db", c]).json
        #expect(own["ikm"] != nil && own["ikm"] == here["ikm"] && own["unsur"] == here["unsur"])
        #expect(own["respondents"] == here["respondents"], "\(here)")
        #expect(try Self.packageList(skm, c).count == 1)
        // The office's unit in C holds the newer figures; the rest is A's.
        #expect(try skm.run(["ikm", "--json", "--year", "2025", "--unit", "KAB", "--db", c]).json["respondents"] == 2)
        let text = try skm.run(["merge", a, "--db", c])
        #expect(text.stdout.contains("0 dibawa, 0 sudah ada, 1 lebih lama dari yang di sini dilewati"), "\(text.stdout)")
    }

    /// Everything `skm` shows about `db` that a merge could change.
    static func state(_ skm: SKMProcess, _ db: String) throws -> [String] {
        try [
            ["ikm", "--json", "--year", "2025", "--by", "unit"], ["package", "list", "--json"], ["unit", "list", "--json"],
            ["response", "list", "--json", "--limit", "1000"],
        ].map { try skm.run($0 + ["--db", db]).stdout }
    }

    @Test func aPackageClaimConflictStopsTheSourceWithNothingStored() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let (older, _, office) = try Self.twoPackages(skm)
        let a = try Self.receiver(skm, "a.sqlite", packages: [older])
        let uuid = try Self.packageList(skm, a).first?["packageId"]?.stringValue ?? "?"

        // C holds another office's package for the same unit code (a second demo: another identity).
        let other = try AggregatePackageTests.demoOffice(skm, folder: "y")
        let otherPackage = try AggregatePackageTests.exportPackage(skm, db: other, out: "y.json")
        let c = skm.directory + "/c.sqlite"
        #expect(try skm.run(["import", otherPackage, "--db", c]).status == 0)
        // D records KEC-TT's responses itself.
        let d = skm.directory + "/d.sqlite"
        try skm.run(["unit", "add", "KEC-TT", "Kantor Camat Tomoni Timur", "--db", d])
        try skm.run(["service", "add", "KEC-TT", "PBB", "Pelayanan PBB-P2", "--db", d])
        try skm.run([
            "submit", "--unit", "KEC-TT", "--service", "PBB", "--answers", "333333333", "--date", "2025-03-03", "--db", d,
        ])

        for (target, says) in [
            (c, "sudah diisi oleh paket dari basis data lain"), (d, "unit kantor ini sendiri"),
            (office, "basis data ini sendiri"),
        ] {
            let before = try Self.state(skm, target)
            let refused = try skm.run(["merge", a, "--db", target, "--json"])
            #expect(refused.status != 0)
            let error = refused.json["error"]
            #expect(error?["code"] == "package_conflict", "\(refused.stdout)")
            let message = error?["message"]?.stringValue ?? ""
            #expect(
                message.hasPrefix("Sumber \(a) tidak digabungkan, tidak ada yang disimpan: paket agregat \(uuid)")
                    && message.contains(says), "\(message)")
            #expect(error?["details"]?["package"] == .string(uuid), "\(refused.stdout)")
            #expect(try Self.state(skm, target) == before, "\(target) changed")
        }
    }

    @Test func aUnitMapOfAPackageUnitIsRefusedNamingTheUnit() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let (older, _, _) = try Self.twoPackages(skm)
        let a = try Self.receiver(skm, "a.sqlite", packages: [older])
        let c = skm.directory + "/c.sqlite"
        #expect(try skm.run(["init", "--db", c]).status == 0)
        let before = try Self.state(skm, c)
        let refused = try skm.run(["merge", a, "--db", c, "--unit-map", "KEC-TT=KEC-LAIN", "--json"])
        #expect(refused.status != 0)
        #expect(refused.json["error"]?["code"] == "merge_conflict", "\(refused.stdout)")
        let message = refused.json["error"]?["message"]?.stringValue ?? ""
        #expect(
            message.contains("unit KEC-TT diarahkan ke KEC-LAIN dengan --unit-map") && message.contains("paket"), "\(message)")
        #expect(try Self.state(skm, c) == before)
        // Mapping A's own unit is still fine.
        let mapped = try Self.merge(skm, a, into: c, extra: ["--unit-map", "KAB=KAB-A"])
        #expect(mapped["packagesCarried"] == 1 && mapped["responsesAdded"] == 3, "\(mapped)")
    }
}
