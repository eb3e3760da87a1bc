// Benchmark for the kabupaten rekap (issue 14): a kabupaten of 100 units (10 dinas/kecamatan,
// each with 9 UPT/puskesmas/kelurahan under it) with five years of responses (2021–2025, by
// default 400 per lower unit per year: 36,000 a year, the top of what DOMAIN.md §8 expects),
// built in this process through the real import; then `rekap` of 2025 over the 10 units under
// the kabupaten (each with its 9 units under it) and over all 100 units at once (`--parent` of
// each dinas in turn), timed in this process: first run and median of 20. Target ≤ 100 ms.
// Peak memory of this process from getrusage.
//
//   swift build -c release && .build/release/skm-bench-rekap [--per-unit N] [--keep DIR]

import BenchmarkSupport
import Foundation
import SKMCore
import SKMService

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
let perUnit = Int(option("--per-unit") ?? "") ?? 400
let directory = option("--keep") ?? (NSTemporaryDirectory() + "skm-bench-rekap-\(getpid())")
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
let dbPath = directory + "/skm.sqlite"
for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dbPath + suffix) }

let service = SKMService(databasePath: dbPath)
_ = try service.addUnit(code: "KAB", name: "Kabupaten Uji Beban")
var lower: [String] = []
for d in 1...10 {
    let middle = "DIN-\(d)"
    _ = try service.addUnit(code: middle, name: "Dinas \(d)", parent: "KAB")
    for u in 1...9 {
        let code = "UPT-\(d)-\(u)"
        _ = try service.addUnit(code: code, name: "UPT \(d).\(u)", parent: middle, population: 1000 + 250 * u)
        _ = try service.addService(unit: code, code: "LYN", name: "Layanan")
        lower.append(code)
    }
}
print("Membangun 100 unit × 5 tahun, \(perUnit) respons per unit bawah per tahun …")
var random = SeededRandom(seed: 14)
let buildStart = DispatchTime.now().uptimeNanoseconds
var total = 0
for year in 2021...2025 {
    var csv = "date,unit,service,U1,U2,U3,U4,U5,U6,U7,U8,U9\n"
    for (index, unit) in lower.enumerated() {
        let quality = Double(index % 9) * 0.03
        for _ in 0..<perUnit {
            let day = 1 + Int(random.next() % 365)
            csv += "\(SyntheticDate.of(dayOfYear: day, year: year)),\(unit),LYN"
            for u in 0..<9 {
                let r = random.unit()
                let weak = u == 2 ? 0.1 : 0.0
                csv += r < 0.02 ? "," : (r < 0.12 + weak - quality ? ",2" : (r < 0.6 + weak ? ",3" : ",4"))
            }
            csv += "\n"
        }
    }
    let report = try service.importData(
        from: try ByteSource(bytes: Array(csv.utf8), name: "tahun-\(year).csv"), format: .csv, options: ImportOptions())
    total += report.stored
}
let buildSeconds = Double(DispatchTime.now().uptimeNanoseconds - buildStart) / 1e9

@MainActor func time(_ request: RekapRequest, runs: Int = 21) throws -> (first: Double, median: Double, rekap: RekapReport) {
    var samples: [Double] = []
    var last: RekapReport?
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        last = try service.rekap(request)
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    let warm = samples.count > 1 ? samples.dropFirst().sorted() : samples
    guard let last, let first = samples.first else { throw SKMError(.internal, "tidak ada hasil") }
    return (first, warm[warm.count / 2], last)
}
let top = try time(RekapRequest(year: 2025, parent: "KAB"))
let trend = try time(RekapRequest(year: 2025, parent: "KAB", method: .meanOfUnits, earlierYears: 4))
var allFirst = 0.0
for d in 1...10 { allFirst += try time(RekapRequest(year: 2025, parent: "DIN-\(d)"), runs: 1).first }
let peak = Child.selfPeakKilobytes()

func ms(_ v: Double) -> String { String(format: "%7.2f ms", v * 1000) }
func verdict(_ v: Double) -> String { v <= 0.1 ? "memenuhi" : "MELEBIHI" }
print("")
print("Rekap 2025: 100 unit, \(total) respons dalam 5 tahun (dibangun dalam \(String(format: "%.1f", buildSeconds)) s)")
print(String(repeating: "-", count: 78))
print(
    "IKM gabungan \(IndonesianNumber.format(top.rekap.consolidated.ikm ?? .nan)) (pooled) dari \(top.rekap.consolidated.respondents) responden, \(top.rekap.units.count) unit di bawah KAB"
)
print("rekap --parent KAB, pertama kali          \(ms(top.first))   target ≤ 100 ms: \(verdict(top.first))")
print("rekap --parent KAB, median 20 berikutnya  \(ms(top.median))   target ≤ 100 ms: \(verdict(top.median))")
print("… dengan tren 4 tahun, mean-of-units      \(ms(trend.median))   (median)")
print("rekap tiap dinas (10 × 10 unit), jumlah   \(ms(allFirst))")
print("Memori puncak proses benchmark            \(String(format: "%.1f MB", Double(peak) / 1024))")
if option("--keep") == nil { try? FileManager.default.removeItem(atPath: directory) }
