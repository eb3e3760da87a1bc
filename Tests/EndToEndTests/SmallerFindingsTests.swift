import Foundation
import SKMJSON
import SKMTestSupport
import Testing

/// Issue 12 item 12: the smaller findings of the front-desk and planning trials, through the binary.
@Suite struct SmallerFindingsTests {
    static let examples = PackagePaths.root + "/Examples/iku/"

    func csvLines(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\u{FEFF}", with: "").split(whereSeparator: \.isNewline).map(String.init)
    }

    @Test func ikuLoadTakesSeveralFilesAndLoadsNoneWhenOneIsBad() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.run(["init"])
        let bad = try skm.write("rusak.json", "{\n  \"id\": \"rusak\",\n  \"organisation\": \"O\"\n  \"indicators\": []\n}\n")
        let refused = try skm.run(["iku", "load", Self.examples + "widang-2021.json", bad])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("rusak.json"), "\(refused.stderr)")
        #expect(refused.stderr.contains("baris 4, kolom 3"), "JSON errors give line and column: \(refused.stderr)")
        #expect(try skm.run(["iku", "list", "--json"]).json == [])
        let both = try skm.run(["iku", "load", Self.examples + "widang-2021.json", Self.examples + "ciruas-2022.json"])
        #expect(both.status == 0, "\(both.stderr)")
        #expect(both.stdout.contains("Rencana widang-2021 dimuat"))
        #expect(both.stdout.contains("Rencana ciruas-2022 dimuat"))
        #expect(try skm.run(["iku", "list", "--json"]).json.arrayValue?.count == 2)
    }

    @Test func responseListSaysWhenItStoppedAtItsLimit() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        for day in ["01", "02", "03"] {
            try skm.run(["submit", "--unit", "KEC", "--service", "KTP", "--answers", "444444444", "--date", "2025-01-\(day)"])
        }
        let cut = try skm.run(["response", "list", "--limit", "2"])
        #expect(
            cut.stdout.contains(
                "Berhenti di batas 2 respons; masih ada lagi. Lanjutkan dengan pilihan yang sama ditambah --after 2"))
        let json = try skm.run(["response", "list", "--limit", "2", "--json"])
        #expect(json.json.arrayValue?.count == 2)
        #expect(json.stderr.contains("--after 2"))
        let rest = try skm.run(["response", "list", "--limit", "2", "--after", "2"])
        #expect(!rest.stdout.contains("Berhenti"))
        #expect(!(try skm.run(["response", "list", "--limit", "3"])).stdout.contains("Berhenti"))
    }

    @Test func responseShowIsReadableIndonesianAndJSONWithTheFlag() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        try skm.run([
            "submit", "--unit", "KEC", "--service", "KTP", "--answers", "43434-343", "--date", "2025-01-01", "--gender", "P",
            "--age", "34",
        ])
        try skm.run(["void", "1", "--reason", "Salah ketik"])
        let shown = try skm.run(["response", "show", "1"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.hasPrefix("Respons #1 — DIBATALKAN"), "\(shown.stdout)")
        #expect(shown.stdout.contains("alasan: Salah ketik"))
        #expect(shown.stdout.contains("Tanggal survei: 2025-01-01"))
        #expect(shown.stdout.contains("4 Sangat sesuai"))
        #expect(shown.stdout.contains("- (kosong)"))
        #expect(shown.stdout.contains("jenis kelamin P (Perempuan)"), "\(shown.stdout)")
        #expect(shown.stdout.contains("usia 34 tahun"))
        #expect(!shown.stdout.contains("{"), "not JSON")
        let json = try skm.run(["response", "show", "1", "--json"]).json
        #expect(json["id"] == 1)
        #expect(json["voidReason"] == "Salah ketik")
    }

    /// A visible contract change: CSV headers are Indonesian words (JSON keys stay English).
    @Test func csvHeadersAndQuestionnaireStatusesAreIndonesian() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        try skm.run(["submit", "--unit", "KEC", "--service", "KTP", "--answers", "444444444", "--date", "2025-03-01"])
        let table = csvLines(try skm.run(["ikm", "--csv"]).stdout)
        #expect(table.first == "kode,nama,menjawab,jumlah,nrr,bobot,tertimbang,ikm,mutu", "\(table)")
        let groups = csvLines(try skm.run(["ikm", "--csv", "--by", "service,quarter"]).stdout)
        #expect(
            groups.first == "rincian,kunci,label,responden,indeks,ikm,ikm_tampil,mutu,kinerja,ki95_bawah,ki95_atas", "\(groups)")
        #expect(groups.dropFirst().allSatisfy { $0.hasPrefix("layanan,") || $0.hasPrefix("triwulan,") }, "\(groups)")
        #expect(try skm.run(["ikm", "--json"]).json["ikmDisplay"] != nil, "JSON keys unchanged")
        let list = try skm.run(["questionnaire", "list"]).stdout
        #expect(list.contains("resmi, bawaan"))
        #expect(list.contains("rekonstruksi, bawaan"))
        #expect(!list.contains("official"))
        #expect(!list.contains("reconstructed"))
        #expect(try skm.run(["questionnaire", "show", "kepmenpan-25-2004"]).stdout.contains("Status: resmi"))
    }

    @Test func theFourteenUnsurWeightIsAcceptedAndEveryResultNamesTheWeightApplied() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        try skm.run([
            "submit", "--unit", "KEC", "--service", "KTP", "--questionnaire", "kepmenpan-25-2004", "--answers",
            "44444444444444", "--date", "2025-03-01",
        ])
        let q14 = ["--questionnaire", "kepmenpan-25-2004"]
        let text = try skm.run(["ikm", "--weighting", "0,071"] + q14)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Bobot: bobot dibulatkan 3 desimal: 0,071 tiap unsur (14 unsur)"), "\(text.stdout)")
        let csv = try skm.run(["ikm", "--weighting", "0.071", "--csv"] + q14).stdout
        #expect(csv.contains("bobot 0,071"), "\(csv)")
        #expect(!csv.contains("0.111"))
        #expect(try skm.run(["ikm", "--weighting", "0.07", "--csv"] + q14).stdout.contains("bobot 0,07\""))
        #expect(try skm.run(["ikm", "--csv"] + q14).stdout.contains("bobot 1/14"))
        // The same parser behind JSON-RPC.
        let rpc = try skm.run(
            ["rpc"],
            input:
                #"{"jsonrpc":"2.0","method":"ikm.compute","params":{"filter":{"questionnaire":"kepmenpan-25-2004"},"weighting":"0,071"},"id":1}"#
                + "\n")
        #expect(rpc.json["result"]?["weighting"] == "0.111", "the mode's JSON name is unchanged: \(rpc.stdout)")
        #expect(rpc.json["result"]?["unsur"]?.arrayValue?.first?["weight"] == 0.071, "\(rpc.stdout)")
    }
}
