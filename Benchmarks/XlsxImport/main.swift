// Benchmark for issue 15 item 8 (import half): write a 200,000-row .xlsx with ZipWriter (title
// rows, a header, Excel date serials, shared strings, numbers), import it with the real `skm`
// binary and print rows per second and the import's peak memory (targets ≥ 100,000 rows/s,
// ≤ 150 MB).
//
//   swift build -c release && .build/release/skm-bench-xlsx-import [--rows N] [--keep DIR]

import BenchmarkSupport
import Foundation
import SKMOffice

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
let rows = Int(option("--rows") ?? "") ?? 200_000
let directory = option("--keep") ?? (NSTemporaryDirectory() + "skm-bench-xlsx-import-\(getpid())")
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
let xlsxPath = directory + "/responses.xlsx"
let dbPath = directory + "/skm.sqlite"
let binDirectory = URL(
    fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? arguments[0]
)
.deletingLastPathComponent()
let skm = binDirectory.appendingPathComponent("skm").path

print("Membuat \(rows) baris sintetis di \(xlsxPath) …")
let writeStart = DispatchTime.now().uptimeNanoseconds
let bytes = try SyntheticWorkbook.make(rows: rows)
try Data(bytes).write(to: URL(fileURLWithPath: xlsxPath))
let writeSeconds = Double(DispatchTime.now().uptimeNanoseconds - writeStart) / 1e9
print(String(format: "Ditulis dalam %.2f s (%.1f MB).", writeSeconds, Double(bytes.count) / 1_048_576))

for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dbPath + suffix) }
let run = try Child.run(skm, ["import", xlsxPath, "--db", dbPath, "--create-missing"])
guard run.status == 0 else {
    print("skm import gagal:\n\(run.output)")
    exit(1)
}
print(run.output.trimmingCharacters(in: .whitespacesAndNewlines))
let perSecond = Double(rows) / max(run.seconds, 0.000_001)
print("")
print("Hasil untuk \(rows) baris .xlsx (skm \(skm))")
print(String(repeating: "-", count: 60))
print(String(format: "Impor                 %8.2f s   %9.0f baris/s   target ≥ 100.000", run.seconds, perSecond))
print(String(format: "Memori puncak impor   %8.1f MB                     target ≤ 150 MB", Double(run.peakKilobytes) / 1024))
if option("--keep") == nil { try? FileManager.default.removeItem(atPath: directory) }
