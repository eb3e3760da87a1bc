import Testing

@testable import SKMJSON

/// The stream writes exactly what the tree writer writes: its fast paths (strings copied when
/// nothing needs escaping, checked eight bytes at a time; number texts from a per-stream table)
/// must never change a byte.
@Suite struct JSONStreamTests {
    /// Every byte value at every position of strings of 1–19 bytes, in both output modes.
    @Test(arguments: [true, false])
    func stringsMatchTheTreeWriterForEveryByteAtEveryPosition(asciiOnly: Bool) {
        let writer = JSONWriter(asciiOnly: asciiOnly)
        let specials: [String] = ["\"", "\\", "\u{0}", "\u{1F}", "\u{7F}", "é", "😀", " ", "~", "\n"]
        for length in 1..<20 {
            for position in 0..<length {
                for special in specials {
                    var text = String(repeating: "a", count: length)
                    let index = text.index(text.startIndex, offsetBy: position)
                    text.replaceSubrange(index...index, with: special)
                    var stream = JSONStream(asciiOnly: asciiOnly)
                    stream.string(text)
                    #expect(stream.bytes == Array(writer.string(.string(text)).utf8), "\(length) \(position) \(special)")
                }
            }
        }
    }

    @Test func needsEscapingFindsEveryByteThatNeedsIt() {
        for byte in 0...255 {
            for position in 0..<17 {
                var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 17)
                bytes[position] = UInt8(byte)
                let expectedUTF8 = byte < 0x20 || byte == 0x22 || byte == 0x5C
                bytes.withUnsafeBytes { raw in
                    #expect(JSONStream.needsEscaping(raw, asciiOnly: false) == expectedUTF8)
                    #expect(JSONStream.needsEscaping(raw, asciiOnly: true) == (expectedUTF8 || byte >= 0x80))
                }
            }
        }
    }

    /// Every text read back from the number table is the value's own, for values that share a
    /// slot (3,000 values in 1,024 slots) and values whose bit patterns differ only in the exponent.
    @Test func numberTextsComeBackUnchangedFromTheTable() {
        var values: [Double] = []
        for i in 1...3000 { values.append(Double(i) / 9) }
        values += [0.1111111111111111, 0.4444444444444444, 1.7777777777777777, 1e-300, -2.2250738585072014e-308, 88.89]
        var cached = JSONStream(cachesNumbers: true)
        var plain = JSONStream()
        for _ in 0..<3 {
            for value in values {
                cached.double(value)
                plain.double(value)
            }
        }
        #expect(cached.bytes == plain.bytes)
        #expect(
            String(decoding: cached.bytes, as: UTF8.self).hasPrefix("0.1111111111111111,0.2222222222222222,0.3333333333333333,"))
    }

    @Test func aBufferGrowsAndKeepsItsBytes() {
        var buffer = ByteBuffer(capacity: 1)
        var expected: [UInt8] = []
        for i in 0..<10_000 {
            let byte = UInt8(truncatingIfNeeded: i)
            buffer.append(byte)
            expected.append(byte)
        }
        buffer.append(contentsOf: expected)
        #expect(buffer.array == expected + expected)
        buffer.truncate(to: 3)
        #expect(buffer.array == [0, 1, 2])
    }

    /// A mark taken before a value is written and reset to afterwards leaves no trace, commas included.
    @Test func resetForgetsAPartialValue() {
        var stream = JSONStream()
        stream.beginArray()
        stream.int(1)
        let mark = stream.mark
        stream.beginObject()
        stream.member("a", "b")
        stream.reset(to: mark)
        stream.int(2)
        stream.endArray()
        #expect(String(decoding: stream.bytes, as: UTF8.self) == "[1,2]")
    }
}
