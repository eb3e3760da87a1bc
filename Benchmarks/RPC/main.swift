// Benchmark for issue 3: `skm rpc` over pipes, as a spreadsheet macro or another program uses
// it. One long-lived server: pipelined ikm.score throughput, durable response.submit
// throughput, response.submitMany (1,000 per request) throughput, request–response round
// trips, and the server's peak memory; then cold one-shot latency (spawn, one ikm.score, close,
// exit). The same workloads run against the plain-Python baseline
// (Benchmarks/baseline/rpc_server.py), and the figures are printed side by side with the targets.
//
//   swift build -c release && .build/release/skm-bench-rpc
//       [--score N] [--submit N] [--many N] [--batch N] [--days N] [--cold N] [--roundtrips N]
//       [--no-baseline] [--keep DIR]

import Foundation

signal(SIGPIPE, SIG_IGN)

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
let scoreCount = Int(option("--score") ?? "") ?? 200_000
let submitCount = Int(option("--submit") ?? "") ?? 2_000
let manyCount = Int(option("--many") ?? "") ?? 200
let batchSize = Int(option("--batch") ?? "") ?? 1_000
let coldRuns = Int(option("--cold") ?? "") ?? 100
let roundTrips = Int(option("--roundtrips") ?? "") ?? 2_000
Workload.days = max(1, min(365, Int(option("--days") ?? "") ?? 365))
let directory = option("--keep") ?? (NSTemporaryDirectory() + "skm-bench-rpc-\(getpid())")
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
let binDirectory = URL(
    fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? arguments[0]
)
.deletingLastPathComponent()
let skm = binDirectory.appendingPathComponent("skm").path
guard FileManager.default.isExecutableFile(atPath: skm) else {
    print("\(skm) tidak ada: jalankan dulu `swift build -c release`.")
    exit(1)
}

/// A server to measure: how to start it with a database file.
struct Contender {
    let name: String
    let path: String
    let arguments: (String) -> [String]
}

/// The interpreter itself, not a launcher script (a pyenv shim costs a whole shell per start).
func realInterpreter(_ python: String) -> String {
    guard
        let probe = try? ServerProcess(
            name: "python3", path: python, arguments: ["-c", "import sys; print(sys.executable)"], stderrPath: "/dev/null")
    else { return python }
    let path = probe.nextLine().map { String(decoding: $0, as: UTF8.self) } ?? ""
    probe.finish()
    return FileManager.default.isExecutableFile(atPath: path) ? path : python
}

let contenders: [Contender] = {
    var list = [Contender(name: "skm", path: skm, arguments: { ["rpc", "--db", $0] })]
    if arguments.contains("--no-baseline") { return list }
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("baseline/rpc_server.py").path
    if let python = which("python3").map(realInterpreter), FileManager.default.fileExists(atPath: script) {
        // -S: no site-packages start-up (.pth files of whatever is installed); the baseline uses
        // the standard library only, so this is its fastest fair start.
        list.append(Contender(name: "baseline Python", path: python, arguments: { ["-S", script, "--db", $0] }))
    } else {
        print("python3 atau \(script) tidak ditemukan: baseline dilewati.")
    }
    return list
}()

struct Figures {
    var scoreSeconds = 0.0
    var submitSeconds = 0.0
    var manySeconds = 0.0
    var roundTripMicros: [Double] = []
    var peakKilobytes = 0
    var coldMillis: [Double] = []
    var coldPeakKilobytes = 0
    /// CPU seconds (user + system) the server used during each workload, and this process
    /// (reader and writer threads) during ikm.score: on a shared machine, time on the CPU is
    /// steadier than wall time, and shows the client is not the bottleneck.
    var scoreCPU = 0.0
    var submitCPU = 0.0
    var manyCPU = 0.0
    var clientScoreCPU = 0.0
    var scoreRate: Double { Double(scoreCount) / scoreSeconds }
    var submitRate: Double { Double(submitCount) / submitSeconds }
    var manyRate: Double { Double(manyCount * batchSize) / manySeconds }
}

// Ids: each workload its own range, so every answer can be matched to its request.
let setupID = 1
let warmupID = 100
let scoreID = 1_000_000
let submitID = 10_000_000
let manyID = 20_000_000
let roundTripID = 30_000_000
let warmupCount = 2_000

// Every request is built before any clock starts; both servers get the same bytes.
let run = "bench\(getpid())"
let warmupPayload = Workload.score(count: warmupCount, firstID: warmupID)
let scoreBlocks = Blocks(total: scoreCount, blocks: 4, firstID: scoreID) { first, count in
    Workload.score(count: count, firstID: scoreID + first)
}
let submitBlocks = Blocks(total: submitCount, blocks: 10, firstID: submitID) { first, count in
    Workload.submit(count: count, first: first, firstID: submitID + first, run: run)
}
let manyBlocks = Blocks(total: manyCount, blocks: 4, firstID: manyID) { first, count in
    Workload.submitMany(count: count, first: first, batch: batchSize, firstID: manyID + first, run: run)
}
let coldRequest = Array((Workload.scoreRequest(id: 1) + "\n").utf8)

func checkScore(_ server: String, _ line: UnsafeBufferPointer<UInt8>, index: Int, id: Int) throws {
    let result = try Answer.result(line, server: server, method: "ikm.score", index: index)
    let expected = Workload.expectedIKM(id % Workload.scorePatterns.count)
    guard (result["respondents"] as? NSNumber)?.intValue == 1, (result["unsur"] as? [Any])?.count == 9,
        let ikm = Answer.number(result["ikm"]), abs(ikm - expected) < 1e-9
    else {
        throw Answer.fail(line, server: server, method: "ikm.score", index: index, "IKM bukan \(expected)")
    }
}

/// One long-lived server: every throughput workload goes through this one process.
final class LiveServer {
    let name: String
    let server: ServerProcess
    var figures = Figures()

    init(_ contender: Contender) throws {
        name = contender.name
        let slug = name == "skm" ? "skm" : "baseline"
        let db = directory + "/\(slug).sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        server = try ServerProcess(
            name: name, path: contender.path, arguments: contender.arguments(db), stderrPath: directory + "/\(slug).stderr")
        _ = try pipelined(
            server, method: "unit.add/service.add", payload: Workload.lines(Workload.setup(firstID: setupID)), count: 2,
            firstID: setupID, check: { _, _ in })
        let name = name
        _ = try pipelined(
            server, method: "ikm.score (pemanasan)", payload: warmupPayload, count: warmupCount, firstID: warmupID,
            check: { i, line in try checkScore(name, line, index: i, id: warmupID + i) })
    }

    /// CPU seconds the server used while `body` ran.
    func serverCPU(_ body: () throws -> Void) rethrows -> Double {
        let before = server.cpuSeconds() ?? .nan
        try body()
        return (server.cpuSeconds() ?? .nan) - before
    }

    func score(_ block: Int) throws {
        let (name, first, count) = (name, scoreBlocks.firstIDs[block], scoreBlocks.counts[block])
        let client = selfCPUSeconds()
        figures.scoreCPU += try serverCPU {
            figures.scoreSeconds += try pipelined(
                server, method: "ikm.score", payload: scoreBlocks.payloads[block], count: count, firstID: first,
                check: { i, line in
                    // Every answer is checked to be a result with its id; every 1000th (and the
                    // last) is parsed in full and its IKM compared.
                    if i % 1000 == 0 || i == count - 1 { try checkScore(name, line, index: i, id: first + i) }
                })
        }
        figures.clientScoreCPU += selfCPUSeconds() - client
    }

    func submit(_ block: Int) throws {
        let name = name
        figures.submitCPU += try serverCPU {
            figures.submitSeconds += try pipelined(
                server, method: "response.submit", payload: submitBlocks.payloads[block], count: submitBlocks.counts[block],
                firstID: submitBlocks.firstIDs[block],
                check: { i, line in
                    let result = try Answer.result(line, server: name, method: "response.submit", index: i)
                    guard result["id"] is NSNumber, (result["duplicate"] as? Bool) == false else {
                        throw Answer.fail(line, server: name, method: "response.submit", index: i, "bukan respons baru")
                    }
                })
        }
    }

    func submitMany(_ block: Int) throws {
        let name = name
        figures.manyCPU += try serverCPU {
            figures.manySeconds += try pipelined(
                server, method: "response.submitMany", payload: manyBlocks.payloads[block], count: manyBlocks.counts[block],
                firstID: manyBlocks.firstIDs[block],
                check: { i, line in
                    let result = try Answer.result(line, server: name, method: "response.submitMany", index: i)
                    guard (result["stored"] as? NSNumber)?.intValue == batchSize, (result["failed"] as? NSNumber)?.intValue == 0,
                        (result["duplicates"] as? NSNumber)?.intValue == 0, (result["results"] as? [Any])?.count == batchSize
                    else {
                        throw Answer.fail(
                            line, server: name, method: "response.submitMany", index: i, "tidak semua \(batchSize) tersimpan")
                    }
                })
        }
    }

    /// Request–response, one at a time: what a macro waiting for each answer sees.
    func roundTrips(_ range: Range<Int>) throws {
        for i in range {
            let id = roundTripID + i
            let request = Array((Workload.scoreRequest(id: id) + "\n").utf8)
            let start = DispatchTime.now().uptimeNanoseconds
            try server.send(request)
            guard let line = server.nextLine() else {
                throw BenchError.endOfOutput(
                    server: name, method: "ikm.score (bolak-balik)", received: i, expected: range.upperBound,
                    diagnostics: server.diagnostics)
            }
            figures.roundTripMicros.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e3)
            try Answer.verify(line, server: name, method: "ikm.score (bolak-balik)", index: i, id: id)
            if i % 100 == 0 { try checkScore(name, line, index: i, id: id) }
        }
    }

    /// Ends the input and records the peak memory of the whole run.
    func finish() throws {
        let (status, peak) = server.finish()
        guard status == 0 else {
            throw BenchError.endOfOutput(
                server: name, method: "akhir masukan", received: 0, expected: 0,
                diagnostics: "status keluar \(status)\n" + server.diagnostics)
        }
        figures.peakKilobytes = peak
    }
}

/// Runs `body` for block 0, 1, … of a workload, the servers taking turns (the order flips
/// every block).
func alternate(_ servers: [LiveServer], blocks: Int, _ body: (LiveServer, Int) throws -> Void) throws {
    for block in 0..<blocks {
        for server in block % 2 == 0 ? servers : servers.reversed() { try body(server, block) }
    }
}

/// A cold one-shot: spawn, one ikm.score, read the answer, close the input, wait for the exit.
func coldOnce(_ contender: Contender) throws -> (millis: Double, peakKilobytes: Int) {
    let slug = contender.name == "skm" ? "skm" : "baseline"
    let start = DispatchTime.now().uptimeNanoseconds
    let server = try ServerProcess(
        name: contender.name, path: contender.path, arguments: contender.arguments(directory + "/cold-\(slug).sqlite"),
        stderrPath: directory + "/cold-\(slug).stderr")
    defer { server.terminate() }
    try server.send(coldRequest)
    guard let line = server.nextLine() else {
        throw BenchError.endOfOutput(
            server: contender.name, method: "ikm.score (dingin)", received: 0, expected: 1, diagnostics: server.diagnostics)
    }
    try Answer.verify(line, server: contender.name, method: "ikm.score (dingin)", index: 0, id: 1)
    try checkScore(contender.name, line, index: 0, id: 1)
    let (status, peak) = server.finish()
    let millis = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    guard status == 0 else {
        throw BenchError.endOfOutput(
            server: contender.name, method: "ikm.score (dingin)", received: 1, expected: 1, diagnostics: "status keluar \(status)"
        )
    }
    return (millis, peak)
}

// MARK: - Run

let cores = ProcessInfo.processInfo.activeProcessorCount
let cpu = firstLine("/proc/cpuinfo", containing: "model name") ?? "?"
let loadBefore = ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(
    separator: " ")
print("skm-bench-rpc: `skm rpc` lewat pipa (\(skm))")
print("Mesin: \(cores) inti (\(cpu)), beban rata-rata sebelum mulai \(loadBefore).")
print("Mesin ini dipakai bersama dan bising: angka berbeda antar-run; bandingkan dengan baseline pada run yang sama.")
if let baseline = contenders.dropFirst().first {
    print("Baseline: \(baseline.path) \(baseline.arguments("…").joined(separator: " "))")
}
print("Basis data: \(directory) (synchronous=FULL: tiap commit menunggu fsync disk ini).")
print(
    "Beban: ikm.score \(grouped(Double(scoreCount))) permintaan (pipelined), response.submit \(grouped(Double(submitCount))), "
        + "response.submitMany \(manyCount) × \(batchSize), bolak-balik \(roundTrips), dingin \(coldRuns) kali; "
        + "tanggal respons tersebar di \(Workload.days) hari tahun 2025 (--days).")
print("")

var figures: [String: Figures] = [:]
do {
    print("Menjalankan server tetap: \(contenders.map(\.name).joined(separator: ", ")) (blok bergantian) …")
    let servers = try contenders.map { try LiveServer($0) }
    try alternate(servers, blocks: scoreBlocks.counts.count) { try $0.score($1) }
    try alternate(servers, blocks: submitBlocks.counts.count) { try $0.submit($1) }
    try alternate(servers, blocks: manyBlocks.counts.count) { try $0.submitMany($1) }
    let tripBlocks = max(1, min(10, roundTrips))
    try alternate(servers, blocks: tripBlocks) { server, block in
        try server.roundTrips(roundTrips * block / tripBlocks..<roundTrips * (block + 1) / tripBlocks)
    }
    for server in servers {
        try server.finish()
        let f = server.figures
        figures[server.name] = f
        print(
            "  \(server.name): ikm.score \(fixed(f.scoreSeconds, 2)) s, submit \(fixed(f.submitSeconds, 2)) s, "
                + "submitMany \(fixed(f.manySeconds, 2)) s, memori puncak \(fixed(Double(f.peakKilobytes) / 1024, 1)) MB")
    }
    print("Mengukur mulai dingin (\(coldRuns) kali, bergantian) …")
    for run in 0..<coldRuns {
        for contender in run % 2 == 0 ? contenders : contenders.reversed() {
            let (millis, peak) = try coldOnce(contender)
            figures[contender.name]!.coldMillis.append(millis)
            figures[contender.name]!.coldPeakKilobytes = max(figures[contender.name]!.coldPeakKilobytes, peak)
        }
    }
} catch {
    print("\nBenchmark dihentikan: \(error)\n(stderr server dan basis data di \(directory))")
    exit(1)
}

let s = figures["skm"]!
let b = figures["baseline Python"]
let loadAfter = ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(
    separator: " ")

struct Row {
    let label: String
    let skm: String
    let baseline: String
    let ratio: String
    let target: String
    let status: String
}
var rows: [Row] = []
var verdicts: [(String, Bool)] = []
@MainActor func verdict(_ name: String, _ checks: [Bool?]) -> String {
    let known = checks.compactMap { $0 }
    guard !known.isEmpty else { return "–" }
    let ok = known.allSatisfy { $0 } && known.count == checks.count
    verdicts.append((name, ok))
    return ok ? "tercapai" : (known.count < checks.count ? "tak lengkap" : "TIDAK")
}

// Issue 13's targets: ikm.score ≥ 100,000 requests/s and ≥ 10× less server CPU per request than
// the baseline (the wall ratio is shown too, but the benchmark client's own pipes take part of
// two shared cores); a cold one-shot ≤ 10 ms median.
let scoreRatio = b.map { s.scoreRate / $0.scoreRate }
let scoreCPURatio = b.map { $0.scoreCPU / s.scoreCPU }
rows.append(
    Row(
        label: "ikm.score pipelined (perm./s)", skm: grouped(s.scoreRate), baseline: b.map { grouped($0.scoreRate) } ?? "–",
        ratio: scoreRatio.map { fixed($0, 1) + "×" } ?? "–", target: "≥ 100,000",
        status: verdict("ikm.score", [s.scoreRate >= 100_000])))
rows.append(
    Row(
        label: "ikm.score CPU server (µs/perm.)", skm: fixed(s.scoreCPU / Double(scoreCount) * 1e6, 2),
        baseline: b.map { fixed($0.scoreCPU / Double(scoreCount) * 1e6, 2) } ?? "–",
        ratio: scoreCPURatio.map { fixed($0, 1) + "× lebih hemat" } ?? "–", target: "≥ 10× lebih hemat",
        status: verdict("CPU ikm.score", [scoreCPURatio.map { $0 >= 10 }])))
rows.append(
    Row(
        label: "response.submit tahan-lama (perm./s)", skm: fixed(s.submitRate, 1),
        baseline: b.map { fixed($0.submitRate, 1) } ?? "–",
        ratio: b.map { fixed(s.submitRate / $0.submitRate, 2) + "×" } ?? "–", target: "dilaporkan (terikat fsync)", status: "–"))
rows.append(
    Row(
        label: "response.submitMany ×\(batchSize) (respons/s)", skm: grouped(s.manyRate),
        baseline: b.map { grouped($0.manyRate) } ?? "–",
        ratio: b.map { fixed(s.manyRate / $0.manyRate, 1) + "×" } ?? "–", target: "≥ 60,000",
        status: verdict("submitMany", [s.manyRate >= 60_000])))
let coldRatio = b.map { median($0.coldMillis) / median(s.coldMillis) }
rows.append(
    Row(
        label: "dingin sekali-pakai, median (ms)", skm: fixed(median(s.coldMillis), 2),
        baseline: b.map { fixed(median($0.coldMillis), 2) } ?? "–",
        ratio: coldRatio.map { fixed($0, 1) + "× lebih cepat" } ?? "–", target: "≤ 10 ms",
        status: verdict("dingin", [median(s.coldMillis) <= 10])))
rows.append(
    Row(
        label: "dingin sekali-pakai, p90 (ms)", skm: fixed(percentile(s.coldMillis, 0.9), 2),
        baseline: b.map { fixed(percentile($0.coldMillis, 0.9), 2) } ?? "–", ratio: "", target: "", status: ""))
rows.append(
    Row(
        label: "ikm.score bolak-balik, median (µs)", skm: fixed(median(s.roundTripMicros), 1),
        baseline: b.map { fixed(median($0.roundTripMicros), 1) } ?? "–", ratio: "", target: "(info)", status: ""))
rows.append(
    Row(
        label: "ikm.score bolak-balik, p90 (µs)", skm: fixed(percentile(s.roundTripMicros, 0.9), 1),
        baseline: b.map { fixed(percentile($0.roundTripMicros, 0.9), 1) } ?? "–", ratio: "", target: "(info)", status: ""))
rows.append(
    Row(
        label: "memori puncak server tetap (MB)", skm: fixed(Double(s.peakKilobytes) / 1024, 1),
        baseline: b.map { fixed(Double($0.peakKilobytes) / 1024, 1) } ?? "–", ratio: "", target: "≤ 50 MB",
        status: verdict("memori", [Double(s.peakKilobytes) / 1024 <= 50])))
rows.append(
    Row(
        label: "memori puncak sekali-pakai (MB)", skm: fixed(Double(s.coldPeakKilobytes) / 1024, 1),
        baseline: b.map { fixed(Double($0.coldPeakKilobytes) / 1024, 1) } ?? "–", ratio: "", target: "(info)", status: ""))

print("")
print("Hasil (\(cores) inti; beban rata-rata sesudah: \(loadAfter))")
let widths = [40, 12, 17, 18, 31]
let rule = String(repeating: "-", count: widths.reduce(0, +) + 10)
print(rule)
print(
    pad("Ukuran", widths[0]) + pad("skm", widths[1]) + pad("baseline Python", widths[2]) + pad("skm/baseline", widths[3])
        + pad("target", widths[4]) + "status")
print(rule)
for row in rows {
    print(
        pad(row.label, widths[0]) + pad(row.skm, widths[1]) + pad(row.baseline, widths[2]) + pad(row.ratio, widths[3])
            + pad(row.target, widths[4]) + row.status)
}
print(rule)
let met = verdicts.filter { $0.1 }.map { $0.0 }
let missed = verdicts.filter { !$0.1 }.map { $0.0 }
print("")
print("Waktu CPU server (user + sistem, dari /proc) — lebih stabil daripada waktu dinding di mesin bersama:")
func cpuLine(_ label: String, _ cpu: KeyPath<Figures, Double>, per count: Int, unit: String) {
    func each(_ f: Figures) -> String { fixed(f[keyPath: cpu] / Double(count) * 1e6, 1) }
    func ceiling(_ f: Figures) -> String { grouped(Double(count) / f[keyPath: cpu]) }
    var text = "  \(pad(label, 22)) skm \(each(s)) µs/\(unit) (≈ \(ceiling(s))/s per inti)"
    if let b { text += ", baseline \(each(b)) µs/\(unit) (≈ \(ceiling(b))/s)" }
    print(text)
}
cpuLine("ikm.score", \.scoreCPU, per: scoreCount, unit: "perm.")
cpuLine("response.submit", \.submitCPU, per: submitCount, unit: "perm.")
cpuLine("response.submitMany", \.manyCPU, per: manyCount * batchSize, unit: "respons")
print(
    "  CPU klien benchmark (pembaca + penulis) selama ikm.score: skm \(fixed(s.clientScoreCPU, 2)) s dari \(fixed(s.scoreSeconds, 2)) s"
        + (b.map { ", baseline \(fixed($0.clientScoreCPU, 2)) s dari \(fixed($0.scoreSeconds, 2)) s" } ?? ""))
print("")
print(
    "Target tercapai: \(met.isEmpty ? "–" : met.joined(separator: ", ")); tidak tercapai: \(missed.isEmpty ? "–" : missed.joined(separator: ", "))."
)
print("Semua jawaban diperiksa: result (bukan error) dengan id yang benar; isi ikm.score diuraikan dan IKM-nya dibandingkan")
print("tiap 1000 jawaban, isi submit dan submitMany diuraikan semuanya (stored = \(batchSize), failed = 0).")

if option("--keep") == nil { try? FileManager.default.removeItem(atPath: directory) }
