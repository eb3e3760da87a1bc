import Foundation
import SKMJSON
import Testing

@Suite struct CLITests {
    @Test func demoRunsFromAnyFolderAndPrintsTheSummary() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let first = try skm.run(["demo"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Per layanan"))
        #expect(first.stdout.contains("Per triwulan"))
        #expect(first.stdout.contains("U9 Sarana dan Prasarana"))
        #expect(first.stdout.contains("Mutu: B (Baik)"))
        // Deterministic: a second run prints the same numbers.
        let second = try skm.run(["demo"])
        #expect(second.stdout == first.stdout)
        let json = try skm.run(["ikm", "--db", "skm-demo/skm.sqlite", "--year", "2025", "--json"]).json
        #expect(json["respondents"]?.numberValue?.int ?? 0 > 1000)
        #expect(json["mutu"] == "B")
    }

    @Test func aFullSessionFromRegistryToIKM() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        #expect(try skm.run(["init"]).stdout.contains("Basis data baru dibuat"))
        try skm.registry()
        let units = try skm.run(["unit", "list", "--json"]).json
        #expect(units.arrayValue?.first?["services"]?.arrayValue?.count == 2)
        let submitted = try skm.run([
            "submit", "--unit", "KEC", "--service", "KTP", "--answers", "4,4,4,4,4,4,4,4,4", "--date", "2025-03-01", "--json",
        ])
        #expect(submitted.json["id"] == 1)
        #expect(submitted.json["duplicate"] == false)
        try skm.run([
            "submit", "--unit", "kec", "--service", "sket", "--answers", "222222222", "--date", "2025-06-01", "--gender", "P",
            "--age", "40",
        ])
        let ikm = try skm.run(["ikm", "--year", "2025", "--json"]).json
        #expect(ikm["ikm"] == 75)
        #expect(ikm["mutu"] == "C")
        #expect(ikm["kinerja"] == "Kurang Baik")
        #expect(ikm["unsur"]?.arrayValue?.count == 9)
        #expect(ikm["ci95"]?["method"] != nil)
        let quarter = try skm.run(["ikm", "--year", "2025", "--quarter", "2", "--json"]).json
        #expect(quarter["ikm"] == 50)
        let text = try skm.run(["ikm", "--year", "2025", "--by", "service"])
        #expect(text.stdout.contains("IKM = indeks × 25 = 75,00"))
        #expect(text.stdout.contains("KTP — KTP-el (KEC)"))
        let csv = try skm.run(["ikm", "--year", "2025", "--csv", "--separator", ";"])
        #expect(csv.stdout.contains("U1;Persyaratan;2;6;3;"))
        #expect(csv.stdout.contains(";0,1111111111111111;"), "weights take a decimal comma with ;")
        let badSeparator = try skm.run(["ikm", "--year", "2025", "--csv", "--separator", "|"])
        #expect(badSeparator.status == 2 && badSeparator.stderr.contains("harus , atau ;"), "\(badSeparator.stderr)")
        let sample = try skm.run(["sample-size", "500"])
        #expect(sample.stdout.contains("minimal 217 responden"))
        #expect(try skm.run(["sample-size", "1000000", "--json"]).json["minimum"] == 384)
    }

    @Test func theDatabaseComesFromTheOptionOrTheEnvironment() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.run(["init", "--db", "satu.sqlite"])
        try skm.run(["unit", "add", "A", "Satu"], environment: ["SKM_DB": "dua.sqlite"])
        #expect(try skm.run(["unit", "list", "--json", "--db", "satu.sqlite"]).json == [])
        #expect(try skm.run(["unit", "list", "--json"], environment: ["SKM_DB": "dua.sqlite"]).json.arrayValue?.count == 1)
        let missing = try skm.run(["ikm"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("belum ada"))
    }

    @Test func helpIsInIndonesianForEveryCommand() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let overview = try skm.run(["--help"])
        #expect(overview.status == 0)
        #expect(overview.stdout.contains("Perintah:"))
        for command in [
            ["init"], ["unit", "add"], ["submit"], ["import"], ["export"], ["void"], ["ikm"], ["sample-size"], ["demo"],
            ["questionnaire", "check"],
        ] {
            let help = try skm.run(command + ["--help"])
            #expect(help.status == 0)
            #expect(help.stdout.hasPrefix("Penggunaan: skm \(command.joined(separator: " "))"))
            #expect(help.stdout.contains("--db BERKAS"))
        }
    }

    @Test func usageErrorsExitWith2() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let unknownOption = try skm.run(["ikm", "--tahun", "2025"])
        #expect(unknownOption.status == 2)
        #expect(unknownOption.stderr.contains("Opsi tidak dikenal: --tahun"))
        #expect(try skm.run(["terbang"]).status == 2)
        #expect(try skm.run(["unit"]).stderr.contains("skm unit add"))
        #expect(try skm.run(["sample-size"]).status == 2)
        #expect(try skm.run(["ikm", "--year"]).stderr.contains("memerlukan nilai"))
    }

    @Test func questionnairesCanBeListedShownCheckedAndAdded() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let list = try skm.run(["questionnaire", "list", "--json"]).json
        #expect(
            list.arrayValue?.map { $0["id"] } == [
                "permenpanrb-14-2017", "permenpanrb-16-2014", "kepmenpan-25-2004", "ipkp-90-2021", "ipak-90-2021",
            ])
        let show = try skm.run(["questionnaire", "show", "permenpanrb-14-2017"])
        #expect(show.stdout.contains("8. [U9] Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?"))
        var definition = try skm.run(["questionnaire", "show", "permenpanrb-14-2017", "--json"]).stdout
        definition = definition.replacingOccurrences(of: "\"permenpanrb-14-2017\"", with: "\"puskesmas-2026\"")
        let good = try skm.write("good.json", definition)
        #expect(try skm.run(["questionnaire", "check", good]).status == 0)
        let bad = try skm.write("bad.json", definition.replacingOccurrences(of: "\"code\": \"U9\"", with: "\"code\": \"U10\""))
        let checked = try skm.run(["questionnaire", "check", bad])
        #expect(checked.status == 1)
        #expect(checked.stdout.contains("menunjuk unsur U9 yang tidak ada"))
        #expect(checked.stdout.contains("unsur U10 (Sarana dan Prasarana) tidak pernah ditanyakan"))
        try skm.run(["init"])
        #expect(try skm.run(["questionnaire", "add", good]).stdout.contains("disimpan"))
        try skm.registry()
        let submit = try skm.run([
            "submit", "--unit", "KEC", "--service", "KTP", "--answers", "333333333", "--questionnaire", "puskesmas-2026",
            "--date", "2025-01-01",
        ])
        #expect(submit.status == 0, "\(submit.stderr)")
        #expect(try skm.run(["ikm", "--json"]).json["questionnaire"]?["id"] == "puskesmas-2026")
    }

    @Test func exportVoidAndList() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        try skm.run([
            "submit", "--unit", "KEC", "--service", "KTP", "--answers", "444444444", "--date", "2025-03-01", "--comment",
            "=cmd|' /C calc'!A0",
        ])
        try skm.run(["submit", "--unit", "KEC", "--service", "KTP", "--answers", "111111111", "--date", "2025-03-01"])
        let voided = try skm.run(["void", "2", "--reason", "Formulir uji"])
        #expect(voided.status == 0)
        #expect(voided.stdout.contains("dibatalkan"))
        #expect(try skm.run(["ikm", "--json"]).json["ikm"] == 100)
        let exported = try skm.run(["export", "--out", "hasil.csv"])
        #expect(exported.stderr.contains("1 respons diekspor"))
        let csv = try String(contentsOfFile: skm.directory + "/hasil.csv", encoding: .utf8)
        #expect(csv.contains("'=cmd|' /C calc'!A0"))
        let list = try skm.run(["response", "list"])
        #expect(list.stdout.contains("dibatalkan"))
        let again = try skm.run(["void", "2", "--reason", "lagi"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("sudah dibatalkan"))
    }
}
