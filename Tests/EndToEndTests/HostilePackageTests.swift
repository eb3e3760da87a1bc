import Foundation
import SKMJSON
import Testing

/// Hostile and mistaken aggregate packages through the built binary: each is refused whole with
/// its stable error code and an Indonesian message, and nothing of it is stored (no package, no
/// unit, no service, no IKM).
@Suite struct HostilePackageTests {
    /// An office with one row: unit KEC, service KTP, 2025-03-03, answers all 4 and all 3, so
    /// every unsur is `[2,7,25]` and the row has `"respondents":2`.
    static func officePackage(_ skm: SKMProcess) throws -> String {
        let office = skm.directory + "/kantor.sqlite"
        try skm.run(["init", "--db", office])
        try skm.run(["unit", "add", "KEC", "Kecamatan Uji", "--db", office])
        try skm.run(["service", "add", "KEC", "KTP", "KTP-el", "--db", office])
        for answers in ["444444444", "333333333"] {
            let r = try skm.run(
                ["submit", "--unit", "KEC", "--service", "KTP", "--answers", answers, "--date", "2025-03-03", "--db", office])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let export = try skm.run(["export", "--aggregates", "--year", "2025", "--out", "paket.json", "--db", office])
        #expect(export.status == 0, "\(export.stderr)")
        let text = try String(contentsOfFile: skm.directory + "/paket.json", encoding: .utf8)
        #expect(text.contains(#""respondents":2,"#) && text.contains("[2,7,25]"), "\(text.prefix(200))")
        return text
    }

    /// (name, change to the package text, expected code, words the message must contain)
    static let cases: [(String, @Sendable (String) -> String, String, String)] = [
        ("negative count", { $0.replacingFirst(#""respondents":2,"#, #""respondents":-2,"#) }, "invalid_package", "negatif"),
        (
            "non-integer count", { $0.replacingFirst(#""respondents":2,"#, #""respondents":1.5,"#) }, "invalid_package",
            "bukan bilangan bulat"
        ),
        (
            "count as text", { $0.replacingFirst(#""respondents":2,"#, #""respondents":"2","#) }, "invalid_package",
            "bilangan bulat"
        ),
        (
            "10^12 respondents", { $0.replacingFirst(#""respondents":2,"#, #""respondents":1000000000000,"#) }, "invalid_package",
            "1000000000000"
        ),
        ("sum above count × maximum", { $0.replacingFirst("[2,7,25]", "[2,9,41]") }, "invalid_package", "di luar 2–8"),
        ("sum below count × minimum", { $0.replacingFirst("[2,7,25]", "[2,1,1]") }, "invalid_package", "di luar 2–8"),
        ("sum of squares below (Σx)²/n", { $0.replacingFirst("[2,7,25]", "[2,7,23]") }, "invalid_package", "tidak mungkin"),
        ("sum of squares of the wrong parity", { $0.replacingFirst("[2,7,25]", "[2,7,26]") }, "invalid_package", "tidak mungkin"),
        (
            "answered by more than the respondents", { $0.replacingFirst("[2,7,25]", "[3,10,34]") }, "invalid_package",
            "dijawab 3 kali"
        ),
        ("unsur count mismatch", { $0.replacingFirst(",[2,7,25]]", "]") }, "invalid_package", "8 unsur"),
        ("malformed JSON", { String($0.dropLast(12)) }, "invalid_package", "bukan JSON"),
        (
            "wrong version", { $0.replacingFirst(#""formatVersion":1"#, #""formatVersion":2"#) }, "invalid_package",
            "versi format 2"
        ),
        (
            "wrong format", { $0.replacingFirst(#""skm-aggregate-package""#, #""skm-aggregate-package-lama""#) },
            "invalid_package", "bukan paket agregat"
        ),
        (
            "an individual comment",
            { $0.replacingFirst(#""respondents":2,"#, #""comment":"pelayanan lambat","respondents":2,"#) }, "invalid_package",
            "comment"
        ),
        (
            "a day outside the year", { $0.replacingFirst(#""day":"2025-03-03""#, #""day":"2024-03-03""#) }, "invalid_package",
            "tahun 2025"
        ),
        (
            "a row of an unlisted service", { $0.replacingFirst(#""service":"KTP""#, #""service":"SKET""#) }, "invalid_package",
            "SKET"
        ),
        (
            "a profile of more respondents than the unit's rows",
            {
                $0.replacingFirst(#"{"unit":"KEC","respondents":2,"#, #"{"unit":"KEC","respondents":7,"#)
                    .replacingOccurrences(of: #""suppressed":2"#, with: #""suppressed":7"#)
            }, "invalid_package", "baris paket"
        ),
        (
            "an unknown questionnaire", { $0.replacingOccurrences(of: "permenpanrb-14-2017", with: "kuesioner-lain") },
            "unknown_questionnaire", "kuesioner-lain"
        ),
        (
            "a definition that differs", { $0.replacingFirst(#""name":"Persyaratan""#, #""name":"Persyaratan Layanan""#) },
            "questionnaire_conflict", "berbeda"
        ),
    ]

    @Test func everyHostilePackageIsRefusedWholeAndNothingIsStored() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let good = try Self.officePackage(skm)
        let receiver = skm.directory + "/kabupaten.sqlite"
        try skm.run(["init", "--db", receiver])
        for (name, change, code, words) in Self.cases {
            let bad = change(good)
            #expect(bad != good, "\(name): the change did not apply")
            let path = try skm.write("rusak.json", bad)
            let result = try skm.run(["import", path, "--json", "--db", receiver])
            #expect(result.status != 0, "\(name) was accepted")
            let error = result.json["error"]
            #expect(error?["code"]?.stringValue == code, "\(name): \(result.stdout) \(result.stderr)")
            #expect(error?["message"]?.stringValue?.contains(words) == true, "\(name): \(result.stdout)")
            try Self.expectNothingStored(skm, receiver, name)
        }
        // The unchanged package is accepted: the cases above failed for their change alone.
        let path = try skm.write("baik.json", good)
        #expect(try skm.run(["import", path, "--db", receiver]).status == 0)
    }

    static func expectNothingStored(_ skm: SKMProcess, _ db: String, _ name: String) throws {
        #expect(try skm.run(["package", "list", "--json", "--db", db]).json == .array([]), "\(name): a package was stored")
        #expect(
            try skm.run(["unit", "list", "--json", "--db", db]).json.arrayValue?.isEmpty == true, "\(name): a unit was registered"
        )
    }

    @Test func aPackageClaimingThisOfficesOwnUnitIsRefused() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let path = try skm.write("paket.json", try Self.officePackage(skm))
        let receiver = skm.directory + "/kabupaten.sqlite"
        try skm.run(["init", "--db", receiver])
        try skm.run(["unit", "add", "KEC", "Kecamatan Uji", "--db", receiver])
        try skm.run(["service", "add", "KEC", "KTP", "KTP-el", "--db", receiver])
        try skm.run([
            "submit", "--unit", "KEC", "--service", "KTP", "--answers", "111111111", "--date", "2025-01-02", "--db", receiver,
        ])
        let before = try skm.run(["ikm", "--year", "2025", "--json", "--db", receiver]).stdout
        let result = try skm.run(["import", path, "--json", "--db", receiver])
        #expect(result.status != 0)
        #expect(result.json["error"]?["code"] == "package_conflict", "\(result.stdout)")
        #expect(result.json["error"]?["message"]?.stringValue?.contains("unit kantor ini sendiri") == true)
        #expect(try skm.run(["ikm", "--year", "2025", "--json", "--db", receiver]).stdout == before)
        #expect(try skm.run(["package", "list", "--json", "--db", receiver]).json == .array([]))
        // The office's own database refuses its own package too.
        let own = try skm.run(["import", path, "--json", "--db", skm.directory + "/kantor.sqlite"])
        #expect(own.json["error"]?["code"] == "package_conflict", "\(own.stdout)")
    }

    @Test func aPackageClaimingAnotherOfficesUnitIsRefused() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let first = try skm.write("pertama.json", try Self.officePackage(skm))
        // Another database with the same unit code and name: another office's claim.
        for file in ["kantor.sqlite", "kantor.sqlite-wal", "kantor.sqlite-shm", "paket.json"] {
            try? FileManager.default.removeItem(atPath: skm.directory + "/" + file)
        }
        let second = try skm.write("kedua.json", try Self.officePackage(skm))
        let receiver = skm.directory + "/kabupaten.sqlite"
        #expect(try skm.run(["import", first, "--db", receiver]).status == 0)
        let before = try skm.run(["ikm", "--year", "2025", "--json", "--db", receiver]).stdout
        let result = try skm.run(["import", second, "--json", "--db", receiver])
        #expect(result.status != 0)
        #expect(result.json["error"]?["code"] == "package_conflict", "\(result.stdout)")
        #expect(result.json["error"]?["message"]?.stringValue?.contains("basis data lain") == true, "\(result.stdout)")
        #expect(try skm.run(["ikm", "--year", "2025", "--json", "--db", receiver]).stdout == before)
        #expect(try skm.run(["package", "list", "--json", "--db", receiver]).json.arrayValue?.count == 1)
    }

    @Test func aUnitOrServiceRegisteredUnderAnotherNameIsAConflict() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let path = try skm.write("paket.json", try Self.officePackage(skm))
        for (unitName, serviceName, words) in [
            ("Kecamatan Lain", "KTP-el", "bernama \"Kecamatan Lain\""), ("Kecamatan Uji", "KTP lain", "KEC/KTP"),
        ] {
            let receiver = skm.directory + "/k-\(unitName.count)-\(serviceName.count).sqlite"
            try skm.run(["init", "--db", receiver])
            try skm.run(["unit", "add", "KEC", unitName, "--db", receiver])
            try skm.run(["service", "add", "KEC", "KTP", serviceName, "--db", receiver])
            let result = try skm.run(["import", path, "--json", "--db", receiver])
            #expect(result.json["error"]?["code"] == "package_conflict", "\(result.stdout)")
            #expect(result.json["error"]?["message"]?.stringValue?.contains(words) == true, "\(result.stdout)")
            #expect(try skm.run(["package", "list", "--json", "--db", receiver]).json == .array([]))
        }
    }
}

extension String {
    /// The text with the first `target` replaced (unchanged when there is none).
    func replacingFirst(_ target: String, _ replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
