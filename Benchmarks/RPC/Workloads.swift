import BenchmarkSupport
import Foundation

/// The requests the benchmark sends, built before any clock starts, and the checks applied to
/// every answer read: each must be a result (an error answer aborts the benchmark with its
/// message) carrying the expected id; the content is verified on every answer where parsing is
/// cheap next to the server's work, and on a regular sample for `ikm.score`.
enum Workload {
    /// One respondent each, no blanks (one respondent with a blank unsur has no IKM).
    static let scorePatterns: [[Int]] = [
        [4, 3, 4, 3, 4, 4, 3, 4, 3], [3, 3, 3, 3, 3, 3, 3, 3, 3], [4, 4, 4, 4, 4, 4, 4, 4, 4],
        [2, 3, 4, 1, 2, 3, 4, 3, 2], [1, 2, 3, 4, 4, 3, 2, 1, 4], [4, 4, 3, 4, 3, 4, 4, 3, 4],
        [3, 2, 3, 3, 4, 3, 3, 2, 3],
    ]

    /// The IKM of one respondent who answered every unsur: the mean answer × 25.
    static func expectedIKM(_ pattern: Int) -> Double {
        Double(scorePatterns[pattern].reduce(0, +)) / 9 * 25
    }

    /// Answers for stored responses; a blank (null) now and then.
    static func storedAnswers(_ i: Int) -> String {
        var p = scorePatterns[i % scorePatterns.count].map(String.init)
        if i % 10 == 7 { p[i % 9] = "null" }
        return "[" + p.joined(separator: ",") + "]"
    }

    /// How many distinct days of 2025 the stored responses are spread over (1…365). skm keeps
    /// running aggregates per day, unit and service, so a batch spread over a year updates more
    /// of them than a batch from one week.
    nonisolated(unsafe) static var days = 365

    static func date(_ i: Int) -> String {
        SyntheticDate.of(dayOfYear: 1 + (i * 37) % days)
    }

    static func scoreRequest(id: Int) -> String {
        let answers = scorePatterns[id % scorePatterns.count].map(String.init).joined(separator: ",")
        return #"{"jsonrpc":"2.0","method":"ikm.score","params":{"answers":[["# + answers + #"]]},"id":\#(id)}"#
    }

    static func responseParams(_ i: Int, clientID: String) -> String {
        #"{"unit":"KEC","service":"KTP","date":"\#(date(i))","answers":\#(storedAnswers(i)),"clientId":"\#(clientID)"}"#
    }

    static func lines(_ requests: some Sequence<String>) -> [UInt8] {
        var out: [UInt8] = []
        for request in requests {
            out.append(contentsOf: request.utf8)
            out.append(0x0A)
        }
        return out
    }

    static func setup(firstID: Int) -> [String] {
        [
            #"{"jsonrpc":"2.0","method":"unit.add","params":{"code":"KEC","name":"Kecamatan"},"id":\#(firstID)}"#,
            #"{"jsonrpc":"2.0","method":"service.add","params":{"unit":"KEC","code":"KTP","name":"KTP"},"id":\#(firstID + 1)}"#,
        ]
    }

    static func score(count: Int, firstID: Int) -> [UInt8] {
        lines((0..<count).lazy.map { scoreRequest(id: firstID + $0) })
    }

    /// Requests `first`..<`first + count` of the workload (distinct client ids throughout).
    static func submit(count: Int, first: Int, firstID: Int, run: String) -> [UInt8] {
        lines(
            (first..<first + count).lazy.map { i in
                #"{"jsonrpc":"2.0","method":"response.submit","params":"# + responseParams(i, clientID: "\(run)-s\(i)")
                    + #","id":\#(firstID + i - first)}"#
            })
    }

    static func submitMany(count: Int, first: Int, batch: Int, firstID: Int, run: String) -> [UInt8] {
        lines(
            (first..<first + count).lazy.map { r in
                let items = (0..<batch).map { k in responseParams(r * batch + k, clientID: "\(run)-m\(r)-\(k)") }
                return #"{"jsonrpc":"2.0","method":"response.submitMany","params":{"atomic":true,"responses":["#
                    + items.joined(separator: ",") + #"]},"id":\#(firstID + r - first)}"#
            })
    }
}

enum Answer {
    static let resultPrefix = Array(#"{"jsonrpc":"2.0","result":"#.utf8)

    /// Checks that `line` is a result (not an error) with id `id`; throws with the whole answer
    /// otherwise. Cheap: a prefix and the trailing `"id":N}`.
    static func verify(_ line: UnsafeBufferPointer<UInt8>, server: String, method: String, index: Int, id: Int) throws {
        guard line.count > resultPrefix.count, memcmp(line.baseAddress!, resultPrefix, resultPrefix.count) == 0 else {
            let text = String(decoding: line, as: UTF8.self)
            let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            if object?["error"] != nil {
                throw BenchError.errorAnswer(server: server, method: method, index: index, line: text.clipped(3000))
            }
            throw BenchError.badAnswer(
                server: server, method: method, index: index, reason: "bukan result", line: text.clipped(3000))
        }
        guard trailingID(line) == id else {
            throw BenchError.badAnswer(
                server: server, method: method, index: index, reason: "id bukan \(id)",
                line: String(decoding: line, as: UTF8.self).clipped(3000))
        }
    }

    /// N of a line ending in `"id":N}`.
    static func trailingID(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = line.count - 1
        guard i > 0, line[i] == UInt8(ascii: "}") else { return nil }
        i -= 1
        var value = 0
        var scale = 1
        while i >= 0, line[i] >= 0x30, line[i] <= 0x39 {
            value += Int(line[i] - 0x30) * scale
            scale *= 10
            i -= 1
        }
        let key = Array(#""id":"#.utf8)
        guard scale > 1, i >= key.count - 1 else { return nil }
        for (k, byte) in key.reversed().enumerated() where line[i - k] != byte { return nil }
        return value
    }

    /// The `result` object of an answer, fully parsed.
    static func result(_ line: UnsafeBufferPointer<UInt8>, server: String, method: String, index: Int) throws -> [String: Any] {
        let data = Data(buffer: line)
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let result = object["result"] as? [String: Any]
        else {
            throw BenchError.badAnswer(
                server: server, method: method, index: index, reason: "JSON tidak sah",
                line: String(decoding: line, as: UTF8.self).clipped(3000))
        }
        return result
    }

    static func fail(_ line: UnsafeBufferPointer<UInt8>, server: String, method: String, index: Int, _ reason: String)
        -> BenchError
    {
        .badAnswer(
            server: server, method: method, index: index, reason: reason,
            line: String(decoding: line, as: UTF8.self).clipped(3000))
    }

    static func number(_ value: Any?) -> Double? {
        (value as? NSNumber)?.doubleValue
    }
}

/// Sends `payload` (`count` requests, ids `firstID`…) from a writer thread while this thread
/// reads and checks the `count` answers; the seconds from the first byte written to the last
/// answer read.
func pipelined(
    _ server: ServerProcess, method: String, payload: [UInt8], count: Int, firstID: Int,
    check: (Int, UnsafeBufferPointer<UInt8>) throws -> Void
) throws -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    let written = writeInBackground(payload, to: server.input)
    for i in 0..<count {
        guard let line = server.nextLine() else {
            throw BenchError.endOfOutput(
                server: server.name, method: method, received: i, expected: count, diagnostics: server.diagnostics)
        }
        try Answer.verify(line, server: server.name, method: method, index: i, id: firstID + i)
        try check(i, line)
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    written.wait()
    return seconds
}
