// Benchmark for the annual report: a store of 100,000 responses over 20 services (imported with
// the real `skm import`), then the full report — HTML, Markdown, every CSV table and the
// infographic — timed in this process (first run and median of 5) and as a fresh `skm report`
// process (wall time and peak memory from wait4). Targets: ≤ 1 s, ≤ 100 MB.
//
//   swift build -c release && .build/release/skm-bench-report [--rows N] [--keep DIR]

import BenchmarkSupport
import Foundation
import SKMCore
import SKMService

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
let rows = Int(option("--rows") ?? "") ?? 100_000
let directory = option("--keep") ?? (NSTemporaryDirectory() + "skm-bench-report-\(getpid())")
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
let csvPath = directory + "/responses.csv"
let dbPath = directory + "/skm.sqlite"
let profilePath = directory + "/skm-report.json"
let binDirectory = URL(
    fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? arguments[0]
)
.deletingLastPathComponent()
let skm = binDirectory.appendingPathComponent("skm").path

print("Membuat \(rows) baris sintetis (20 layanan, tahun 2025) di \(csvPath) …")
try SyntheticYear.write(rows: rows, to: csvPath)
try SyntheticYear.profile.write(toFile: profilePath, atomically: true, encoding: .utf8)
for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dbPath + suffix) }
let imported = try Child.run(skm, ["import", csvPath, "--db", dbPath, "--create-missing"])
guard imported.status == 0 else {
    print("skm import gagal:\n\(imported.output)")
    exit(1)
}
print(String(format: "Impor: %.2f s", imported.seconds))

// 1. As a person runs it: a whole `skm report` process, measured from outside. It runs before
// anything big happens in this process: posix_spawn shares this process's memory until exec,
// and Linux counts that in the child's peak (ru_maxrss), which would inflate the figure.
let cli = try Child.run(
    skm, ["report", "--db", dbPath, "--year", "2025", "--out", directory + "/laporan-cli", "--profile", profilePath])
guard cli.status == 0 else {
    print("skm report gagal:\n\(cli.output)")
    exit(1)
}

// 2. In this process, through the service layer (what `skm report` and `report.generate` call).
let service = SKMService(databasePath: dbPath)
let request = ReportRequest(year: 2025, outputDirectory: directory + "/laporan", profile: .file(profilePath))
var samples: [Double] = []
var written: GeneratedReport?
for _ in 0..<6 {
    let start = DispatchTime.now().uptimeNanoseconds
    written = try service.generateReport(request)
    samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
let first = samples[0]
let warm = samples.dropFirst().sorted()
let median = warm[warm.count / 2]
let selfPeak = Child.selfPeakKilobytes()

var bytes = 0
for file in written?.files ?? [] {
    bytes += (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
}
func mb(_ kb: Int) -> String { String(format: "%.1f MB", Double(kb) / 1024) }
func s(_ v: Double) -> String { String(format: "%.3f s", v) }
func verdict(_ ok: Bool) -> String { ok ? "memenuhi" : "MELEBIHI" }

print("")
print("Laporan tahunan untuk \(rows) respons, 20 layanan (skm \(skm))")
print(String(repeating: "-", count: 78))
print(
    "IKM \(IndonesianNumber.format(written?.result.ikm ?? .nan)) dari \(written?.result.respondents ?? 0) responden; \(written?.files.count ?? 0) berkas, \(String(format: "%.1f", Double(bytes) / 1024)) KiB"
)
print("Dalam proses, pertama kali             \(s(first))")
print("Dalam proses, median 5 berikutnya      \(s(median))")
print("Memori puncak proses benchmark         \(mb(selfPeak))")
print("`skm report` utuh (proses baru)        \(s(cli.seconds))   target ≤ 1 s: \(verdict(cli.seconds <= 1))")
print(
    "Memori puncak `skm report`             \(mb(cli.peakKilobytes))   target ≤ 100 MB: \(verdict(cli.peakKilobytes <= 100 * 1024))"
)
if option("--keep") == nil { try? FileManager.default.removeItem(atPath: directory) }
