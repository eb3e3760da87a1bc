// Benchmark for issue 2: import 1,000,000 synthetic responses with `skm import`, then compute
// the IKM for the year, one quarter and one service; print times and peak memory, next to the
// plain-Python baseline (Benchmarks/baseline/import_ikm.py) doing the same work.
//
//   swift build -c release && .build/release/skm-bench-import [--rows N] [--keep DIR]

import BenchmarkSupport
import Foundation
import SKMCore
import SKMService

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
let rows = Int(option("--rows") ?? "") ?? 1_000_000
let directory = option("--keep") ?? (NSTemporaryDirectory() + "skm-bench-import-\(getpid())")
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
let csvPath = directory + "/responses.csv"
let dbPath = directory + "/skm.sqlite"
let binDirectory = URL(
    fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? arguments[0]
)
.deletingLastPathComponent()
let skm = binDirectory.appendingPathComponent("skm").path

print("Membuat \(rows) baris sintetis di \(csvPath) …")
try SyntheticCSV.write(rows: rows, to: csvPath)

// 1. Import through the real binary, measured from outside (wall time, peak RSS of the child).
for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dbPath + suffix) }
let importRun = try Child.run(skm, ["import", csvPath, "--db", dbPath, "--create-missing"])
guard importRun.status == 0 else {
    print("skm import gagal:\n\(importRun.output)")
    exit(1)
}

// 2. IKM queries through the service layer, in this process (median of repeated runs).
let service = SKMService(databasePath: dbPath)
let filters: [(String, SurveyFilter)] = [
    ("tahun 2025", SurveyFilter(year: 2025)),
    ("triwulan II 2025", SurveyFilter(year: 2025, quarter: 2)),
    ("satu layanan (U1/S3) 2025", SurveyFilter(year: 2025, units: ["U1"], services: ["S3"])),
]
var queryTimes: [(String, Double, Double?)] = []
for (label, filter) in filters {
    var samples: [Double] = []
    var ikm: Double?
    for _ in 0..<15 {
        let start = DispatchTime.now().uptimeNanoseconds
        ikm = try service.computeIKM(IKMRequest(filter: filter)).result.ikm
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    samples.sort()
    queryTimes.append((label, samples[samples.count / 2], ikm))
}
let selfPeak = Child.selfPeakKilobytes()
// The same queries as a user runs them: a whole `skm ikm` process each.
let cliRun = try Child.run(skm, ["ikm", "--db", dbPath, "--year", "2025", "--quarter", "2", "--json"])

// 3. The Python baseline on the same file.
var baseline: [String: Any]?
if let python = Child.which("python3") {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("baseline/import_ikm.py").path
    let run = try Child.run(python, [script, csvPath, directory + "/baseline.sqlite"])
    if run.status == 0, let data = run.output.split(separator: "\n").last.map({ Data($0.utf8) }) {
        baseline = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    } else {
        print("Baseline Python gagal:\n\(run.output)")
    }
} else {
    print("python3 tidak ditemukan: baseline dilewati.")
}

func seconds(_ v: Double) -> String { String(format: "%.2f s", v) }
func ms(_ v: Double) -> String { String(format: "%.1f ms", v) }
func mb(_ kb: Int) -> String { String(format: "%.1f MB", Double(kb) / 1024) }

print("")
print("Hasil untuk \(rows) respons (skm \(skm))")
print(String(repeating: "-", count: 78))
print("Ukuran                               skm            baseline Python   target")
let pyImport = (baseline?["import_seconds"] as? Double).map(seconds) ?? "–"
let pyImportMem = (baseline?["import_peak_kb"] as? Int).map(mb) ?? "–"
print(
    "Impor \(rows) baris                 \(seconds(importRun.seconds).padding(toLength: 14, withPad: " ", startingAt: 0)) \(pyImport.padding(toLength: 17, withPad: " ", startingAt: 0)) ≤ 5 s"
)
print(
    "Memori puncak impor                 \(mb(importRun.peakKilobytes).padding(toLength: 14, withPad: " ", startingAt: 0)) \(pyImportMem.padding(toLength: 17, withPad: " ", startingAt: 0)) ≤ 100 MB"
)
let pyQueries = baseline?["queries_ms"] as? [Double] ?? []
for (i, q) in queryTimes.enumerated() {
    let py = i < pyQueries.count ? ms(pyQueries[i]) : "–"
    print(
        "IKM \(q.0.padding(toLength: 31, withPad: " ", startingAt: 0)) \(ms(q.1).padding(toLength: 14, withPad: " ", startingAt: 0)) \(py.padding(toLength: 17, withPad: " ", startingAt: 0)) ≤ 50 ms"
    )
}
print("Memori puncak (proses benchmark)    \(mb(selfPeak))")
print("`skm ikm` utuh (proses baru)        \(ms(cliRun.seconds * 1000)), memori \(mb(cliRun.peakKilobytes))")
for (i, q) in queryTimes.enumerated() {
    let pyIKM = (baseline?["ikm"] as? [Double]).flatMap { i < $0.count ? $0[i] : nil }
    print(
        "  IKM \(q.0): skm \(q.2.map { String(format: "%.6f", $0) } ?? "–")\(pyIKM.map { String(format: ", baseline %.6f", $0) } ?? "")"
    )
}
if option("--keep") == nil { try? FileManager.default.removeItem(atPath: directory) }
