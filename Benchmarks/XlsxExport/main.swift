// Benchmark for issue 15: export of 200,000 responses to .xlsx with `skm export --format xlsx`
// (sheet Data streamed, Olah Data / Per Layanan / Per Triwulan formulas), measured from outside
// as a user runs it: wall time, rows per second and peak memory of the process.
// Targets: ≥ 100,000 rows/s, ≤ 150 MB.
//
//   swift build -c release && .build/release/skm-bench-xlsx-export [--rows N] [--keep DIR]

import BenchmarkSupport
import Foundation
import SKMService

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
let rows = Int(option("--rows") ?? "") ?? 200_000
let directory = option("--keep") ?? (NSTemporaryDirectory() + "skm-bench-xlsx-export-\(getpid())")
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
let csvPath = directory + "/responses.csv"
let dbPath = directory + "/skm.sqlite"
let bookPath = directory + "/olah-data.xlsx"
let binDirectory = URL(
    fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? arguments[0]
)
.deletingLastPathComponent()
let skm = binDirectory.appendingPathComponent("skm").path

/// 2 units × 10 services over 2025, answers mostly 3–4 with 2 % blanks, a profile, and a comment
/// on one row in ten (some starting with `=`, written as text).
func writeRows(_ rows: Int, to path: String) throws {
    guard let file = fopen(path, "wb") else { throw CocoaError(.fileWriteUnknown) }
    defer { fclose(file) }
    var random = SeededRandom(seed: 15)
    var out = "date,unit,service,U1,U2,U3,U4,U5,U6,U7,U8,U9,time,gender,education,occupation,age,comment\n"
    let educations = ["SD", "SMP", "SMA", "D1-D3", "S1", "S2"]
    let occupations = ["PNS", "SWASTA", "WIRAUSAHA", "LAINNYA"]
    for i in 0..<rows {
        out += "\(SyntheticDate.of(dayOfYear: 1 + Int(random.next() % 365))),U\(i % 2),S\(i % 10)"
        for _ in 0..<9 {
            let r = random.unit()
            out += r < 0.02 ? "," : (r < 0.10 ? ",2" : (r < 0.55 ? ",3" : ",4"))
        }
        out += random.unit() < 0.7 ? ",08-12" : ",13-17"
        out += random.unit() < 0.5 ? ",L" : ",P"
        out += "," + educations[Int(random.next() % 6)] + "," + occupations[Int(random.next() % 4)]
        out += ",\(18 + Int(random.next() % 60))"
        let r = random.unit()
        out += r < 0.01 ? ",'=HYPERLINK(\"x\") #\(i)\n" : (r < 0.10 ? ",\"Pelayanan baik, ruang tunggu panas #\(i)\"\n" : ",\n")
        if out.utf8.count > 1 << 20 {
            fputs(out, file)
            out = ""
        }
    }
    fputs(out, file)
}

print("Membuat \(rows) baris sintetis di \(csvPath) …")
try writeRows(rows, to: csvPath)
for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dbPath + suffix) }
let imported = try Child.run(skm, ["import", csvPath, "--db", dbPath, "--create-missing"])
guard imported.status == 0 else {
    print("skm import gagal:\n\(imported.output)")
    exit(1)
}
print(String(format: "Impor CSV: %.2f s", imported.seconds))

try? FileManager.default.removeItem(atPath: bookPath)
let export = try Child.run(skm, ["export", "--db", dbPath, "--year", "2025", "--format", "xlsx", "--out", bookPath])
guard export.status == 0 else {
    print("skm export --format xlsx gagal:\n\(export.output)")
    exit(1)
}
let size = (try? FileManager.default.attributesOfItem(atPath: bookPath)[.size] as? Int) ?? 0
let rate = Double(rows) / export.seconds
let peakMB = Double(export.peakKilobytes) / 1024
print(String(format: "Ekspor xlsx: %d baris dalam %.2f s = %.0f baris/s (target ≥ 100.000)", rows, export.seconds, rate))
print(String(format: "Memori puncak: %.1f MB (target ≤ 150 MB); berkas %.1f MB", peakMB, Double(size) / 1_048_576))
print(rate >= 100_000 && peakMB <= 150 ? "Target tercapai." : "Target BELUM tercapai.")
if option("--keep") == nil { try? FileManager.default.removeItem(atPath: directory) }
