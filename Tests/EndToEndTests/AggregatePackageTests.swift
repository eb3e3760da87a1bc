import Foundation
import SKMJSON
import Testing

/// Aggregate packages through the built binary: an office exports its year, the kabupaten
/// imports it, and every IKM figure at the kabupaten equals the office's own to the last digit;
/// a newer package replaces the older one, the same package twice changes nothing, an older one
/// after a newer one is refused.
@Suite struct AggregatePackageTests {
    /// The `ikm --json` option sets compared: overall, every breakdown, periods, filters, the
    /// unweighted mean of services, sample adequacy.
    static let ikmOptions: [[String]] = [
        ["--year", "2025"],
        ["--year", "2025", "--by", "service,unit,quarter,month,year"],
        ["--year", "2025", "--by", "month", "--aggregation", "mean-of-services"],
        ["--year", "2025", "--month", "3", "--service", "KTP-KK"],
        ["--year", "2025", "--quarter", "2", "--by", "service", "--population", "5000"],
        ["--from", "2025-02-10", "--to", "2025-02-10"],
        ["--year", "2025", "--weighting", "0.111", "--by", "service"],
    ]

    /// A demo office (Kantor Camat Tomoni Timur, 2025, five services, about 2,100 respondents).
    static func demoOffice(_ skm: SKMProcess, folder: String) throws -> String {
        let demo = try skm.run(["demo", "--dir", folder])
        #expect(demo.status == 0, "\(demo.stderr)")
        return skm.directory + "/" + folder + "/skm.sqlite"
    }

    static func exportPackage(_ skm: SKMProcess, db: String, out: String, extra: [String] = []) throws -> String {
        let export = try skm.run(["export", "--aggregates", "--year", "2025", "--out", out, "--db", db] + extra)
        #expect(export.status == 0, "\(export.stderr)")
        return skm.directory + "/" + out
    }

    static func expectSameIKM(_ skm: SKMProcess, _ a: String, _ b: String, extra: [String] = []) throws {
        for options in ikmOptions {
            let mine = try skm.run(["ikm", "--json", "--db", a] + options + extra)
            let theirs = try skm.run(["ikm", "--json", "--db", b] + options + extra)
            #expect(mine.status == 0, "\(options): \(mine.stderr)")
            #expect(mine.json["ikm"] != nil && mine.json["ikm"] != .null, "\(options): \(mine.stdout.prefix(300))")
            #expect(mine.stdout == theirs.stdout, "ikm \(options) differs between the office and the package")
        }
    }

    @Test func theKabupatenComputesTheOfficesIKMExactly() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let office = try Self.demoOffice(skm, folder: "kecamatan")
        let package = try Self.exportPackage(skm, db: office, out: "paket.json")
        let text = try String(contentsOfFile: package, encoding: .utf8)
        #expect(text.hasPrefix(#"{"format":"skm-aggregate-package","formatVersion":1,"#))
        // Nothing individual: no comments, no client or response ids.
        #expect(!text.contains("\"comment\"") && !text.contains("clientId") && !text.contains("\"id\":1,"))
        let attributes = try FileManager.default.attributesOfItem(atPath: package)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        let kabupaten = skm.directory + "/kabupaten.sqlite"
        #expect(try skm.run(["init", "--db", kabupaten]).status == 0)
        let imported = try skm.run(["import", package, "--db", kabupaten])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Paket agregat #1 tahun 2025 diimpor"), "\(imported.stdout)")
        #expect(imported.stdout.contains("Unit baru terdaftar: KEC-TT."), "\(imported.stdout)")
        try Self.expectSameIKM(skm, office, kabupaten)

        // The report's IKM is the same figure too.
        for db in [office, kabupaten] {
            let report = try skm.run([
                "report", "--year", "2025", "--format", "csv", "--out", "laporan-\(db.hashValue)", "--db", db,
            ])
            #expect(report.status == 0, "\(report.stderr)")
        }
        let officeSummary = try Self.reportSummary(skm, "laporan-\(office.hashValue)")
        let kabupatenSummary = try Self.reportSummary(skm, "laporan-\(kabupaten.hashValue)")
        #expect(officeSummary.contains("U1 Persyaratan,2109,6966,3.3030") && officeSummary == kabupatenSummary)
    }

    /// The lines of the report's CSV files that carry the IKM and the per-unsur NRR.
    static func reportSummary(_ skm: SKMProcess, _ folder: String) throws -> String {
        let path = skm.directory + "/" + folder + "/tabel-csv"
        let files = try FileManager.default.contentsOfDirectory(atPath: path).filter {
            $0.hasSuffix("nrr-unsur.csv") || $0.hasSuffix("ikm-layanan.csv") || $0.hasSuffix("ikm-triwulan.csv")
        }
        #expect(files.count == 3, "\(files)")
        return try files.sorted().map { try String(contentsOfFile: path + "/" + $0, encoding: .utf8) }.joined(separator: "\n")
    }

    @Test func twoOfficesPooledEqualAllTheirResponsesInOneDatabase() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let timur = try Self.demoOffice(skm, folder: "timur")
        let barat = skm.directory + "/barat.sqlite"
        #expect(try skm.run(["init", "--db", barat]).status == 0)
        try skm.run(["unit", "add", "KEC-BR", "Kantor Camat Barat", "--db", barat])
        try skm.run(["service", "add", "KEC-BR", "KTP-KK", "Pengantar KTP", "--db", barat])
        let answers = ["444444444", "3333-3333", "232323232", "111122223", "4443----4", "21--4-3-1"]
        for (i, a) in answers.enumerated() {
            let day = "2025-0\(i % 3 + 2)-1\(i)"
            let r = try skm.run([
                "submit", "--unit", "KEC-BR", "--service", "KTP-KK", "--answers", a, "--date", day, "--db", barat,
            ])
            #expect(r.status == 0, "\(r.stderr)")
        }
        // One database holding every response of both offices, imported in the same order.
        let single = skm.directory + "/single.sqlite"
        #expect(try skm.run(["init", "--db", single]).status == 0)
        for (db, name) in [(timur, "timur.csv"), (barat, "barat.csv")] {
            #expect(try skm.run(["export", "--out", name, "--db", db]).status == 0)
            let imported = try skm.run(["import", name, "--create-missing", "--db", single])
            #expect(imported.status == 0, "\(imported.stderr)")
        }
        let kabupaten = skm.directory + "/kabupaten.sqlite"
        #expect(try skm.run(["init", "--db", kabupaten]).status == 0)
        for (db, name) in [(timur, "timur.json"), (barat, "barat.json")] {
            let package = try Self.exportPackage(skm, db: db, out: name)
            #expect(try skm.run(["import", package, "--db", kabupaten]).status == 0)
        }
        // Unit and service names differ (--create-missing names them by code): compare figures by code.
        for options in [["--year", "2025", "--by", "unit"], ["--year", "2025", "--by", "month"], ["--year", "2025"]] {
            let a = try skm.run(["ikm", "--json", "--db", single] + options).json
            let b = try skm.run(["ikm", "--json", "--db", kabupaten] + options).json
            #expect(a["ikm"] == b["ikm"] && a["unsur"] == b["unsur"] && a["respondents"] == b["respondents"], "\(options)")
            #expect(Self.figures(a["breakdowns"]) == Self.figures(b["breakdowns"]), "\(options)")
        }
    }

    /// The numbers of breakdown groups without names (ikm, indeks, respondents, NRR per unsur).
    static func figures(_ value: JSONValue?) -> String {
        guard let value else { return "" }
        switch value {
        case .object(let o):
            return o.members.filter { !["name", "label", "unitName", "serviceName"].contains($0.key) }
                .map { "\($0.key)=\(figures($0.value))" }.joined(separator: ",")
        case .array(let a): return "[" + a.map { figures($0) }.joined(separator: ";") + "]"
        default: return JSONWriter.compact.string(value)
        }
    }

    @Test func aNewerPackageReplacesTheOlderAndNothingCountsTwice() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let office = try Self.demoOffice(skm, folder: "kecamatan")
        let kabupaten = skm.directory + "/kabupaten.sqlite"
        #expect(try skm.run(["init", "--db", kabupaten]).status == 0)
        let first = try Self.exportPackage(skm, db: office, out: "januari.json")
        let submitted = try skm.run(
            ["submit", "--unit", "KEC-TT", "--service", "PBB", "--answers", "111111111", "--date", "2025-12-30", "--db", office])
        #expect(submitted.status == 0, "\(submitted.stderr)")
        let second = try Self.exportPackage(skm, db: office, out: "desember.json")

        #expect(try skm.run(["import", first, "--db", kabupaten]).status == 0)
        let replacing = try skm.run(["import", second, "--db", kabupaten])
        #expect(replacing.status == 0, "\(replacing.stderr)")
        #expect(replacing.stdout.contains("Menggantikan paket #1"), "\(replacing.stdout)")
        try Self.expectSameIKM(skm, office, kabupaten)

        // The same package again: reported, nothing changes (also for the replaced first one).
        for again in [second, first] {
            let repeated = try skm.run(["import", again, "--json", "--db", kabupaten])
            #expect(repeated.status == 0, "\(repeated.stderr)")
            #expect(repeated.json["alreadyImported"] == true, "\(repeated.stdout)")
        }
        try Self.expectSameIKM(skm, office, kabupaten)
        let list = try skm.run(["package", "list", "--json", "--db", kabupaten]).json.arrayValue ?? []
        #expect(list.count == 2)
        #expect(list.first?["activeUnits"] == .array([]) && list.last?["activeUnits"] == .array(["KEC-TT"]), "\(list)")
    }

    @Test func checkAndRepairLeaveImportedPackagesAlone() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let office = try Self.demoOffice(skm, folder: "kecamatan")
        let package = try Self.exportPackage(skm, db: office, out: "paket.json")
        let kabupaten = skm.directory + "/kabupaten.sqlite"
        #expect(try skm.run(["import", package, "--db", kabupaten]).status == 0)
        let check = try skm.run(["check", "--db", kabupaten])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let repair = try skm.run(["check", "--repair", "--db", kabupaten])
        #expect(repair.status == 0, "\(repair.stdout)\(repair.stderr)")
        try Self.expectSameIKM(skm, office, kabupaten)
    }

    @Test func anOlderPackageAfterANewerOneIsRefused() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let office = try Self.demoOffice(skm, folder: "kecamatan")
        let kabupaten = skm.directory + "/kabupaten.sqlite"
        #expect(try skm.run(["init", "--db", kabupaten]).status == 0)
        let older = try Self.exportPackage(skm, db: office, out: "lama.json")
        try skm.run([
            "submit", "--unit", "KEC-TT", "--service", "PBB", "--answers", "111111111", "--date", "2025-12-30", "--db", office,
        ])
        let newer = try Self.exportPackage(skm, db: office, out: "baru.json")
        #expect(try skm.run(["import", newer, "--db", kabupaten]).status == 0)
        let refused = try skm.run(["import", older, "--json", "--db", kabupaten])
        #expect(refused.status != 0)
        #expect(refused.json["error"]?["code"] == "package_outdated", "\(refused.stdout)")
        #expect(try skm.run(["package", "list", "--json", "--db", kabupaten]).json.arrayValue?.count == 1)
        try Self.expectSameIKM(skm, office, kabupaten)
    }

    @Test func aPackageOfOneUnitCoversOnlyThatUnit() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.run(["init"])
        for (unit, answers) in [("TIMUR", "444444444"), ("BARAT", "222222222")] {
            try skm.run(["unit", "add", unit, "Kantor \(unit)"])
            try skm.run(["service", "add", unit, "KTP", "KTP \(unit)"])
            for day in ["2025-03-03", "2025-03-04"] {
                #expect(
                    try skm.run(["submit", "--unit", unit, "--service", "KTP", "--answers", answers, "--date", day]).status == 0)
            }
        }
        let package = try Self.exportPackage(skm, db: skm.database, out: "timur.json", extra: ["--unit", "TIMUR"])
        let kabupaten = skm.directory + "/kabupaten.sqlite"
        let imported = try skm.run(["import", package, "--json", "--db", kabupaten])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.json["package"]?["units"] == .array(["TIMUR"]), "\(imported.stdout)")
        let ikm = try skm.run(["ikm", "--year", "2025", "--json", "--db", kabupaten]).json
        #expect(ikm["ikmDisplay"] == 100 && ikm["respondents"] == 2, "\(ikm)")
        let units = try skm.run(["unit", "list", "--json", "--db", kabupaten]).json.arrayValue ?? []
        #expect(units.count == 1)
    }

    /// Writes PREFIX-*.json with every figure the schema-4 migration test compares.
    static func figures(_ skm: SKMProcess, db: String, prefix: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            AggregateMigrationTests.fixtures + "/figures.sh", SKMProcess.binary, db, skm.directory + "/" + prefix,
        ]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// The schema-4 fixture (two units, two questionnaires of 9 and 14 unsur, blanks, voids,
    /// rows migrated from the old tables) sent as a package: every figure the migration test
    /// compares is the same at the receiver.
    @Test func aMigratedDatabaseWithVoidsAndTwoQuestionnairesSendsItsExactFigures() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let office = skm.directory + "/schema4.sqlite"
        try FileManager.default.copyItem(atPath: AggregateMigrationTests.fixtures + "/skm-schema4.sqlite", toPath: office)
        let package = try Self.exportPackage(skm, db: office, out: "paket.json")
        let kabupaten = skm.directory + "/kabupaten.sqlite"
        let imported = try skm.run(["import", package, "--db", kabupaten])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        try Self.figures(skm, db: office, prefix: "kantor")
        try Self.figures(skm, db: kabupaten, prefix: "kabupaten")
        let names = try FileManager.default.contentsOfDirectory(atPath: skm.directory).filter { $0.hasPrefix("kantor-") }
        #expect(names.count == 21)
        for name in names {
            let mine = try String(contentsOfFile: skm.directory + "/" + name, encoding: .utf8)
            let theirs = try String(
                contentsOfFile: skm.directory + "/kabupaten-" + name.dropFirst("kantor-".count), encoding: .utf8)
            #expect(mine.count > 100 && mine == theirs, "\(name)")
        }
    }

    @Test func voidedResponsesAreNotInThePackage() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.run(["init"])
        try skm.registry()
        for (day, answers) in [("2025-03-03", "444444444"), ("2025-03-04", "111111111"), ("2025-03-04", "333333333")] {
            #expect(
                try skm.run(["submit", "--unit", "KEC", "--service", "KTP", "--answers", answers, "--date", day]).status == 0)
        }
        // Response 1 alone on its day: its aggregate row is left at zero.
        #expect(try skm.run(["void", "1", "2", "--reason", "Salah catat"]).status == 0)
        let package = try Self.exportPackage(skm, db: skm.database, out: "paket.json")
        let kabupaten = skm.directory + "/kabupaten.sqlite"
        let imported = try skm.run(["import", package, "--db", kabupaten])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        for options in Self.ikmOptions.prefix(2) {
            let mine = try skm.run(["ikm", "--json"] + options).stdout
            #expect(mine == (try skm.run(["ikm", "--json", "--db", kabupaten] + options).stdout), "\(options)")
            #expect(mine.contains("\"respondents\" : 1") || mine.contains("\"respondents\": 1"), "\(mine.prefix(400))")
        }
    }

    @Test func aJSONLinesFileQuotingThePackageFormatIsImportedAsResponses() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.run(["init"])
        try skm.registry()
        let line =
            #"{"unit":"KEC","service":"KTP","date":"2025-03-03","answers":[4,4,4,4,4,4,4,4,4],"comment":"{\"format\":\"skm-aggregate-package\"}"}"#
        let path = try skm.write("respons.jsonl", line + "\n")
        let imported = try skm.run(["import", path, "--json"])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        #expect(imported.json["stored"] == 1, "\(imported.stdout)")
    }

    @Test func profileCountsFollowTheSmallCellRule() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.run(["init"])
        try skm.registry()
        // 6 women, 3 men, 1 unknown: women shown (6), men and the blank merged (4) and then,
        // still below 5, the women too, so nothing but 10 suppressed is shown for gender.
        // Education: 7 SMA shown, 3 S1 suppressed → below 5 → SMA merged as well.
        var rows: [(String, String)] = Array(repeating: ("P", "SMA"), count: 6) + Array(repeating: ("L", "S1"), count: 3)
        rows.append(("", "SMA"))
        for (gender, education) in rows {
            var args = ["submit", "--unit", "KEC", "--service", "KTP", "--answers", "444444444", "--date", "2025-03-03"]
            if !gender.isEmpty { args += ["--gender", gender] }
            args += ["--education", education, "--occupation", "PNS", "--age", "34"]
            #expect(try skm.run(args).status == 0)
        }
        let package = try Self.exportPackage(skm, db: skm.database, out: "paket.json")
        let json = try JSONParser().parse(String(contentsOfFile: package, encoding: .utf8))
        let profile = try #require(json["profiles"]?.arrayValue?.first)
        #expect(profile["respondents"] == 10)
        #expect(profile["gender"] == ["counts": .array([]), "suppressed": 10], "\(profile)")
        #expect(profile["education"] == ["counts": .array([]), "suppressed": 10], "\(profile)")
        #expect(profile["occupation"] == ["counts": .array([["value": "PNS", "count": 10]]), "suppressed": 0], "\(profile)")
        #expect(profile["ageBand"] == ["counts": .array([["value": "30-39", "count": 10]]), "suppressed": 0], "\(profile)")
        // …and the receiver accepts it.
        #expect(try skm.run(["import", package, "--db", skm.directory + "/k.sqlite"]).status == 0)
    }
}
