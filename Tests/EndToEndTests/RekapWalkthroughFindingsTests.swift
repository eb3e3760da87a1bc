import Foundation
import SKMJSON
import Testing

/// Defects a new user's walkthrough of issue 14 (two counters merged, a puskesmas's package and
/// the kabupaten's rekap) found, each through the binary as the Bagian Organisasi met it.
@Suite struct RekapWalkthroughFindingsTests {
    /// A puskesmas office with `answers` (one response each, in question order) in July 2025.
    func puskesmas(_ skm: SKMProcess, _ db: String, answers: [String]) throws {
        #expect(try skm.run(["unit", "add", "PKM-01", "Puskesmas", "Tomoni", "--db", db]).status == 0)
        #expect(try skm.run(["service", "add", "PKM-01", "UMUM", "Poli", "Umum", "--db", db]).status == 0)
        for (day, line) in answers.enumerated() {
            let submit = try skm.run([
                "submit", "--unit", "PKM-01", "--service", "UMUM", "--answers", line, "--date", "2025-07-0\(day + 1)", "--db", db,
            ])
            #expect(submit.status == 0, "\(submit.stderr)")
        }
    }

    func respondents(_ skm: SKMProcess, _ db: String) throws -> Int? {
        try skm.run(["ikm", "--year", "2025", "--unit", "PKM-01", "--json", "--db", db]).json["respondents"]?.numberValue?.int
    }

    /// The kabupaten imported the puskesmas's package, then (someone sent the database too)
    /// merged the puskesmas's database: the merge added its responses beside the package's rows,
    /// and every figure of PKM-01 counted each respondent twice (14 for 7). A unit filled by a
    /// package takes no responses here, by any route (the package import already refuses the
    /// converse): the merge stops that source with `package_conflict`, nothing of it stored, and
    /// so does a response typed or imported for that unit (an import row error).
    @Test func aUnitFilledByAPackageIsNotCountedTwiceByAMergeOrAnEntry() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let office = skm.directory + "/pkm.sqlite"
        try puskesmas(skm, office, answers: ["444444444", "434344343", "333333333"])
        let export = try skm.run(["export", "--aggregates", "--year", "2025", "--out", "paket.json", "--db", office])
        #expect(export.status == 0, "\(export.stderr)")
        let kabupaten = skm.directory + "/kab.sqlite"
        #expect(try skm.run(["init", "--db", kabupaten]).status == 0)
        let imported = try skm.run(["import", skm.directory + "/paket.json", "--db", kabupaten])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try respondents(skm, kabupaten) == 3)

        let merged = try skm.run(["merge", office, "--db", kabupaten, "--json"])
        #expect(merged.status == 1, "\(merged.stdout)")
        #expect(merged.json["error"]?["code"]?.stringValue == "package_conflict", "\(merged.stdout)")
        #expect(merged.stderr.contains("PKM-01") && merged.stderr.contains("paket"), "\(merged.stderr)")
        #expect(try respondents(skm, kabupaten) == 3, "the package's respondents only, once")
        #expect(try skm.run(["response", "list", "--json", "--db", kabupaten]).json.arrayValue?.count == 0)

        let typed = try skm.run([
            "submit", "--unit", "PKM-01", "--service", "UMUM", "--answers", "111111111", "--date", "2025-08-01", "--db",
            kabupaten, "--json",
        ])
        #expect(typed.status == 1 && typed.json["error"]?["code"]?.stringValue == "package_conflict", "\(typed.stdout)")
        let csv = try skm.write(
            "pkm.csv", "date,unit,service,U1,U2,U3,U4,U5,U6,U7,U8,U9\n2025-08-02,PKM-01,UMUM,1,1,1,1,1,1,1,1,1\n")
        let rows = try skm.run(["import", csv, "--db", kabupaten, "--json"])
        #expect(rows.status == 1 && rows.json["committed"]?.boolValue == false, "\(rows.stdout)")
        #expect(rows.json["errors"]?.arrayValue?.first?["code"]?.stringValue == "package_conflict", "\(rows.stdout)")
        #expect(try respondents(skm, kabupaten) == 3)

        // Another unit of the same database still takes responses.
        #expect(try skm.run(["unit", "add", "KEC", "Kecamatan", "--db", kabupaten]).status == 0)
        #expect(try skm.run(["service", "add", "KEC", "KTP", "KTP-el", "--db", kabupaten]).status == 0)
        let other = try skm.run(["submit", "--unit", "KEC", "--service", "KTP", "--answers", "434344343", "--db", kabupaten])
        #expect(other.status == 0, "\(other.stderr)")
    }

    /// `skm merge loket1.csv --db kecamatan.sqlite` (a CSV given by mistake) was refused, but
    /// left a new empty kecamatan.sqlite behind, while a missing source left nothing: a refused
    /// first source creates no database.
    @Test func aRefusedFirstSourceLeavesNoNewDatabase() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let csv = try skm.write("loket1.csv", "date,unit,service,U1\n2025-01-02,KEC,KTP,4\n")
        let target = skm.directory + "/kecamatan.sqlite"
        let merged = try skm.run(["merge", csv, "--db", target, "--json"])
        #expect(merged.status == 1)
        #expect(merged.json["error"]?["code"]?.stringValue == "not_skm_database", "\(merged.stdout)")
        #expect(!FileManager.default.fileExists(atPath: target), "no database was asked for and none is left")
        let missing = try skm.run(["merge", skm.directory + "/none.sqlite", "--db", target])
        #expect(missing.status == 1 && !FileManager.default.fileExists(atPath: target))
    }

    /// `skm export --aggregates --unit KEC` packaged KEC's own responses only, while `skm ikm
    /// --unit KEC` and `skm export --unit KEC` cover the kelurahan under it: the kabupaten got a
    /// kecamatan without its kelurahan. The package of a unit covers its whole subtree, and the
    /// IKM computed from it equals the office's `ikm --unit KEC`.
    @Test func aPackageOfAUnitCoversTheUnitsUnderIt() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let office = skm.directory + "/kec.sqlite"
        #expect(try skm.run(["unit", "add", "KEC", "Kecamatan", "--db", office]).status == 0)
        #expect(try skm.run(["unit", "add", "KEL-A", "Kelurahan", "A", "--parent", "KEC", "--db", office]).status == 0)
        #expect(try skm.run(["unit", "add", "LAIN", "Unit", "lain", "--db", office]).status == 0)
        for (unit, answers) in [("KEC", "444444444"), ("KEL-A", "333333333"), ("KEL-A", "323232323"), ("LAIN", "111111111")] {
            #expect(try skm.run(["service", "add", unit, "S", "Layanan", "--db", office]).status <= 1)
            let submit = try skm.run([
                "submit", "--unit", unit, "--service", "S", "--answers", answers, "--date", "2025-05-02", "--db", office,
            ])
            #expect(submit.status == 0, "\(submit.stderr)")
        }
        let export = try skm.run([
            "export", "--aggregates", "--year", "2025", "--unit", "KEC", "--out", "kec.json", "--db", office,
        ])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.contains("2 unit") && export.stderr.contains("3 responden"), "\(export.stderr)")
        let kabupaten = skm.directory + "/kab.sqlite"
        #expect(try skm.run(["init", "--db", kabupaten]).status == 0)
        let imported = try skm.run(["import", skm.directory + "/kec.json", "--db", kabupaten])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try skm.run(["package", "list", "--json", "--db", kabupaten]).stdout.contains("KEL-A"))
        // KEL-A arrives at the top; placed under KEC the figures of KEC are the office's.
        #expect(try skm.run(["unit", "move", "KEL-A", "--parent", "KEC", "--db", kabupaten]).status == 0)
        let theirs = try skm.run(["ikm", "--year", "2025", "--unit", "KEC", "--json", "--db", office])
        let mine = try skm.run(["ikm", "--year", "2025", "--unit", "KEC", "--json", "--db", kabupaten])
        #expect(theirs.json["respondents"]?.numberValue?.int == 3)
        #expect(
            mine.json["ikm"] == theirs.json["ikm"] && mine.json["respondents"] == theirs.json["respondents"], "\(mine.stdout)")
    }

    /// `skm report --rekap --population 100` said "pakai --parent untuk memilih unit", advice
    /// about --unit; `--format svg` listed html, md and csv as the rekap's formats, leaving out docx.
    @Test func rekapReportRefusalsGiveTheRightAdvice() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        let population = try skm.run(["report", "--rekap", "--year", "2025", "--population", "100"])
        #expect(population.status == 2)
        #expect(
            population.stderr.contains("skm unit population") && !population.stderr.contains("--parent"), "\(population.stderr)")
        let unit = try skm.run(["report", "--rekap", "--year", "2025", "--unit", "KEC"])
        #expect(unit.status == 2 && unit.stderr.contains("pakai --parent"), "\(unit.stderr)")
        let svg = try skm.run(["report", "--rekap", "--year", "2025", "--format", "svg"])
        #expect(svg.status == 1 && svg.stderr.contains("docx"), "\(svg.stderr)")
    }
}
