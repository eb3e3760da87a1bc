import SKMService

/// A deterministic mutation engine: the same seed gives the same inputs, so a CI run can be
/// repeated exactly. It flips, inserts, deletes and duplicates bytes, splices corpus entries and
/// inserts tokens that matter to JSON, CSV and skm (quotes, separators, huge numbers, deep
/// nesting, invalid UTF-8, unsur codes).
public struct Mutator {
    var random: SeededRandom
    let corpus: [[UInt8]]
    let maxLength: Int

    public static let tokens: [[UInt8]] =
        [
            "{", "}", "[", "]", "\"", ":", ",", ";", "\n", "\r\n", "\\", "\\u0000", "\\ud800", "null", "true", "false", "-0",
            "1e400", "12345678901234567890", "0.5", "-1", "\"jsonrpc\":\"2.0\"", "\"method\":", "\"params\":", "\"id\":",
            "\"answers\":", "response.submit", "response.submitMany", "ikm.score", "ikm.compute", "unit.add",
            "\"U1\":", "U9", "2025-02-30", "2025-03-14", "9999-12-31", "\"KEC\"", "\"KTP\"",
            "date,unit,service,U1,U2,U3,U4,U5,U6,U7,U8,U9",
            "\u{FEFF}", "=HYPERLINK(", "<script>", String(repeating: "[", count: 200), String(repeating: "9", count: 40),
        ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x00]]

    public init(seed: UInt64, corpus: [[UInt8]], maxLength: Int = 4096) {
        random = SeededRandom(seed: seed)
        self.corpus = corpus.isEmpty ? [[]] : corpus
        self.maxLength = maxLength
    }

    mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(random.next() % UInt64(n)) }

    /// The next input: a corpus entry with 1–8 mutations.
    public mutating func next() -> [UInt8] {
        var data = corpus[below(corpus.count)]
        for _ in 0..<(1 + below(8)) { mutate(&data) }
        if data.count > maxLength { data.removeSubrange(maxLength...) }
        return data
    }

    mutating func mutate(_ data: inout [UInt8]) {
        let position = below(data.count + 1)
        switch below(8) {
        case 0 where !data.isEmpty:
            data[below(data.count)] ^= UInt8(1 << below(8))
        case 1 where !data.isEmpty:
            data[below(data.count)] = UInt8(truncatingIfNeeded: random.next())
        case 2:
            data.insert(contentsOf: Self.tokens[below(Self.tokens.count)], at: position)
        case 3 where !data.isEmpty:
            let end = min(data.count, position + 1 + below(16))
            if position < end { data.removeSubrange(position..<end) }
        case 4 where !data.isEmpty:
            let start = below(data.count)
            let end = min(data.count, start + 1 + below(32))
            data.insert(contentsOf: Array(data[start..<end]), at: position)
        case 5:
            let other = corpus[below(corpus.count)]
            if !other.isEmpty {
                let start = below(other.count)
                data.insert(contentsOf: other[start..<min(other.count, start + 1 + below(64))], at: position)
            }
        case 6 where !data.isEmpty:
            // Replace a digit run by an extreme number.
            if let i = data.indices.dropFirst(below(data.count)).first(where: { (0x30...0x39).contains(data[$0]) }) {
                data.replaceSubrange(i...i, with: Self.tokens[below(2) == 0 ? 17 : 18])
            }
        default:
            data.insert(UInt8(truncatingIfNeeded: random.next()), at: position)
        }
    }
}
