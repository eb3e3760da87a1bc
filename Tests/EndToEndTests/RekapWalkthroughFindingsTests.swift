import Foundation
import SKMJSON
import Testing

/// Defects a new user's walkthrough of issue 14 (two counters merged, a puskesmas's package and
/// the kabupaten's rekap) found, each through the binary as the Bagian Organisasi met it.
@Suite struct RekapWalkthroughFindingsTests {
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
}
