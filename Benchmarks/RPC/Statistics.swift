import Foundation

// Figures and the formatting of the table: pure helpers of the RPC benchmark.

/// A workload cut into blocks that the servers take in turn (skm, baseline, baseline, skm, …),
/// so that a burst of load from other users of the machine falls on both rather than on one.
struct Blocks {
    let payloads: [[UInt8]]
    let counts: [Int]
    let firstIDs: [Int]

    init(total: Int, blocks: Int, firstID: Int, build: (_ first: Int, _ count: Int) -> [UInt8]) {
        let n = max(1, min(blocks, total))
        var payloads: [[UInt8]] = []
        var counts: [Int] = []
        var firstIDs: [Int] = []
        var done = 0
        for b in 0..<n {
            let count = total * (b + 1) / n - done
            payloads.append(build(done, count))
            counts.append(count)
            firstIDs.append(firstID + done)
            done += count
        }
        self.payloads = payloads
        self.counts = counts
        self.firstIDs = firstIDs
    }
}

/// CPU seconds (user + system) this process has used, all threads.
func selfCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func grouped(_ value: Double) -> String {
    guard value.isFinite else { return "–" }
    let digits = String(Int(value.rounded()))
    var out = ""
    for (i, c) in digits.reversed().enumerated() {
        if i > 0 && i % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return String(out.reversed())
}
func fixed(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }
func percentile(_ samples: [Double], _ p: Double) -> Double {
    guard !samples.isEmpty else { return .nan }
    let sorted = samples.sorted()
    return sorted[max(0, min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1))]
}
func median(_ samples: [Double]) -> Double {
    guard !samples.isEmpty else { return .nan }
    let sorted = samples.sorted()
    let n = sorted.count
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
}
func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text.padding(toLength: width, withPad: " ", startingAt: 0)
}
func firstLine(_ path: String, containing key: String) -> String? {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    return text.split(separator: "\n").first { $0.hasPrefix(key) }.map {
        $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }
}
