// skm-fuzz: the deterministic mutation harness (no instrumentation needed; it runs in CI).
//
//   skm-fuzz rpc|import|http|zip|xlsx|package [--runs N] [--seed S] [--corpus DIR] [--out DIR] [--seconds-per-input T]
//
// Feeds the corpus and then N mutated inputs to the target. A crash or a hang writes the input
// that caused it to --out (crash-*.bin / hang-*.bin) and stops the run with a non-zero status,
// as does resident memory above 1 GB or a scratch database that fails `skm check` at the end.
// A finished run prints one JSON line with its figures.

import SKMFuzzTargets
import SKMService

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
guard arguments.count >= 2, ["rpc", "import", "http", "zip", "xlsx", "package"].contains(arguments[1]) else {
    printError(
        "Penggunaan: skm-fuzz rpc|import|http|zip|xlsx|package [--runs N] [--seed S] [--corpus DIR] [--out DIR] [--seconds-per-input T]"
    )
    exit(2)
}
let target = arguments[1]
let runs = Int(option("--runs") ?? "") ?? 100_000
let seed = UInt64(option("--seed") ?? "") ?? 1
let corpusDirectory = option("--corpus") ?? "Fuzz/corpus/\(target)"
let outDirectory = option("--out") ?? "."
let limitSeconds = Int(option("--seconds-per-input") ?? "") ?? 5

let corpus = Corpus.load(corpusDirectory)
CrashCapture.install(outDirectory: outDirectory, limitSeconds: limitSeconds)
var mutator = Mutator(seed: seed, corpus: corpus, maxLength: target == "rpc" ? 8192 : 16384)
let started = Clock.now()
var peak = 0
for run in 0..<(runs + corpus.count) {
    let input = run < corpus.count ? corpus[run] : mutator.next()
    CrashCapture.remember(input)
    input.withUnsafeBufferPointer { bytes in
        switch target {
        case "rpc": FuzzTargets.rpcLine(bytes)
        case "http": FuzzTargets.httpRequest(bytes)
        case "zip": FuzzTargets.zipArchive(bytes)
        case "xlsx": FuzzTargets.xlsxPart(bytes)
        case "package": FuzzTargets.package(bytes)
        default: FuzzTargets.importFile(bytes)
        }
    }
    CrashCapture.done()
    if run % 5000 == 0 {
        peak = max(peak, Memory.residentKilobytes())
        if peak > 1_000_000 {
            printError("memori melewati 1 GB sesudah \(run) masukan")
            exit(3)
        }
    }
}
peak = max(peak, Memory.residentKilobytes())
// Whatever the inputs did, the scratch database must still pass `skm check`.
let problems = FuzzTargets.storeProblems()
if !problems.isEmpty {
    printError("basis data tidak konsisten sesudah \(runs) masukan: \(problems.prefix(5))")
    exit(5)
}
let seconds = Clock.now() - started
print(
    "{\"target\":\"\(target)\",\"inputs\":\(runs + corpus.count),\"corpus\":\(corpus.count),\"seed\":\(seed),\"seconds\":\(Int(seconds)),\"perSecond\":\(Int(Double(runs + corpus.count) / max(seconds, 0.001))),\"peakResidentMB\":\(peak / 1024),\"storedResponses\":\(FuzzTargets.storedResponses())}"
)
