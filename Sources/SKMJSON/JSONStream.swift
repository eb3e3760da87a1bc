/// Writes JSON straight to bytes, without building a `JSONValue` tree first.
///
/// Hot results (the IKM object a spreadsheet asks for thousands of times a second) are written
/// with this; the same writing code produces a tree when a tree is needed (`JSONStream.value`),
/// so the shape of an object is defined once.
public struct JSONStream {
    public private(set) var bytes: [UInt8] = []
    public let asciiOnly: Bool
    /// Bit n: the next value at nesting depth n is the first of its container (no comma).
    /// Depth beyond 63 is not needed by any result skm writes.
    var firstBits: UInt64 = 1
    var depth = 0
    static let writer = (ascii: JSONWriter(asciiOnly: true), utf8: JSONWriter(asciiOnly: false))
    static let doubles = TextCache<UInt64>(limit: 4096)


    public init(asciiOnly: Bool = false, capacity: Int = 1024) {
        self.asciiOnly = asciiOnly
        bytes.reserveCapacity(capacity)
    }

    mutating func separate() {
        let bit: UInt64 = 1 << UInt64(depth & 63)
        if firstBits & bit != 0 {
            firstBits &= ~bit
        } else {
            bytes.append(UInt8(ascii: ","))
        }
    }

    mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        depth += 1
        firstBits |= 1 << UInt64(depth & 63)
    }

    mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        depth -= 1
    }

    /// The value written next follows a key: no comma before it.
    mutating func valueFollows() {
        firstBits |= 1 << UInt64(depth & 63)
    }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A member name known when skm is built (plain ASCII, no escapes); the next call writes its value.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        valueFollows()
    }

    /// A member name computed at run time.
    public mutating func key(string name: String) {
        separate()
        appendString(name)
        bytes.append(UInt8(ascii: ":"))
        valueFollows()
    }

    public mutating func string(_ value: String?) {
        separate()
        if let value { appendString(value) } else { appendLiteral("null") }
    }

    public mutating func int(_ value: Int?) {
        separate()
        guard let value else {
            appendLiteral("null")
            return
        }
        appendDigits(value)
    }

    mutating func appendDigits(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// A number, `null` when absent or not finite (JSON has no NaN).
    public mutating func double(_ value: Double?) {
        separate()
        guard let value, value.isFinite else {
            appendLiteral("null")
            return
        }
        if let whole = JSONNumber.wholeNumber(value) {
            appendDigits(whole)
        } else {
            bytes.append(contentsOf: Self.doubles.text(for: value.bitPattern) { Array(value.description.utf8) })
        }
    }

    public mutating func bool(_ value: Bool) {
        separate()
        appendLiteral(value ? "true" : "false")
    }

    public mutating func null() {
        separate()
        appendLiteral("null")
    }

    /// Any value, written through the tree writer.
    public mutating func value(_ value: JSONValue) {
        separate()
        (asciiOnly ? Self.writer.ascii : Self.writer.utf8).write(value, into: &bytes)
    }

    /// `"key": value` in one call.
    public mutating func member(_ name: StaticString, _ value: String?) {
        key(name)
        string(value)
    }

    public mutating func member(_ name: StaticString, _ value: Double?) {
        key(name)
        double(value)
    }

    public mutating func member(_ name: StaticString, _ value: Int?) {
        key(name)
        int(value)
    }

    mutating func appendLiteral(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func appendString(_ text: String) {
        JSONWriter.appendString(text, asciiOnly: asciiOnly, into: &bytes)
    }

    /// The written JSON as a tree (for callers that inspect or pretty-print it).
    public var value: JSONValue {
        (try? JSONParser(maxDepth: 256, rejectDuplicateKeys: false).parse(bytes)) ?? .null
    }
}
