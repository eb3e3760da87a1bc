// Benchmark for issue 14 item 7: build N office databases of M synthetic responses each (one
// `skm import` each), merge them all into one with one `skm merge` process, and print its wall
// time, responses per second and peak memory (the child's ru_maxrss). Target ≥ 200,000
// responses/s at N = 100, M = 40,000.
//
//   swift build -c release && .build/release/skm-bench-merge [--sources N] [--rows M] [--keep DIR]

import BenchmarkSupport
import Foundation
import SKMService

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
let sources = Int(option("--sources") ?? "") ?? 100
let rows = Int(option("--rows") ?? "") ?? 40_000
let directory = option("--keep") ?? (NSTemporaryDirectory() + "skm-bench-merge-\(getpid())")
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
let binDirectory = URL(
    fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? arguments[0]
)
.deletingLastPathComponent()
let skm = binDirectory.appendingPathComponent("skm").path

// 1. The office databases: each its own rows (another seed, so no two files are the same bytes).
print("Membuat \(sources) basis data sumber × \(rows) respons di \(directory) …")
var sourcePaths: [String] = []
var buildSeconds = 0.0
for index in 0..<sources {
    let csv = directory + "/kantor-\(index).csv"
    let db = directory + "/kantor-\(index).sqlite"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
    try OfficeCSV.write(rows: rows, office: index, to: csv)
    let run = try Child.run(skm, ["import", csv, "--db", db, "--create-missing"])
    guard run.status == 0 else {
        print("skm import gagal:\n\(run.output)")
        exit(1)
    }
    buildSeconds += run.seconds
    try? FileManager.default.removeItem(atPath: csv)
    sourcePaths.append(db)
}

// 2. One merge of all of them into a new database, measured from outside.
let target = directory + "/kabupaten.sqlite"
for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
let merge = try Child.run(skm, ["merge"] + sourcePaths + ["--db", target])
guard merge.status == 0 else {
    print("skm merge gagal:\n\(merge.output)")
    exit(1)
}
// 3. Merging all of them again changes nothing (every response recognised).
let again = try Child.run(skm, ["merge"] + sourcePaths + ["--db", target])

let total = Double(sources * rows)
func mb(_ kb: Int) -> String { String(format: "%.1f MB", Double(kb) / 1024) }
print("")
print("Hasil untuk \(sources) sumber × \(rows) respons = \(sources * rows) respons (skm \(skm))")
print(String(repeating: "-", count: 78))
print(String(format: "Membuat sumber (skm import)          %.2f s", buildSeconds))
print(String(format: "skm merge (sekali jalan)             %.2f s", merge.seconds))
print(String(format: "Respons per detik                    %.0f   (target ≥ 200.000)", total / merge.seconds))
print("Memori puncak skm merge              \(mb(merge.peakKilobytes))")
print(String(format: "skm merge lagi (semua sudah ada)     %.2f s, memori %@", again.seconds, mb(again.peakKilobytes)))
if option("--keep") == nil { try? FileManager.default.removeItem(atPath: directory) }
