/// Writes JSON straight to bytes, without building a `JSONValue` tree first.
///
/// Hot results (the IKM object a spreadsheet asks for thousands of times a second) are written
/// with this, straight into the RPC server's output; the same writing code produces a tree when a
/// tree is needed (`JSONStream.value`), so the shape of an object is defined once. Noncopyable:
/// its bytes have one owner, so appending never checks for another.
public struct JSONStream: ~Copyable {
    /// The bytes written so far.
    public internal(set) var buffer: ByteBuffer
    public let asciiOnly: Bool
    /// Bit n: the next value at nesting depth n is the first of its container (no comma).
    /// Depth beyond 63 is not needed by any result skm writes.
    var firstBits: UInt64 = 1
    var depth = 0
    private let numbers: NumberTextCache
    /// Where `value(_:)` writes a tree before copying it (kept to reuse its memory).
    private var scratch: [UInt8] = []
    static let writer = (ascii: JSONWriter(asciiOnly: true), utf8: JSONWriter(asciiOnly: false))
    static let doubles = TextCache<UInt64>(limit: 4096)

    /// A stream for one value. `cachesNumbers` gives it its own table of number texts: worth it
    /// for a long-lived stream that writes many answers (the RPC server's output), not for one
    /// value (which uses a shared, locked cache).
    public init(asciiOnly: Bool = false, capacity: Int = 1024, cachesNumbers: Bool = false) {
        self.asciiOnly = asciiOnly
        buffer = ByteBuffer(capacity: capacity)
        numbers = NumberTextCache(slots: cachesNumbers ? 1024 : 0)
    }

    /// The bytes written so far, copied into an array.
    public var bytes: [UInt8] { buffer.array }

    /// How many bytes have been written.
    public var count: Int { buffer.count }

    /// A point to come back to with `reset(to:)`.
    public struct Mark: Sendable {
        let count: Int
        let depth: Int
        let firstBits: UInt64
    }

    public var mark: Mark { Mark(count: buffer.count, depth: depth, firstBits: firstBits) }

    /// Forgets everything written since `mark` (a partial answer that turned into an error).
    public mutating func reset(to mark: Mark) {
        buffer.truncate(to: mark.count)
        depth = mark.depth
        firstBits = mark.firstBits
    }

    /// Ends a top-level value with a newline; the next value starts afresh (no comma).
    public mutating func endLine() {
        buffer.append(0x0A)
        depth = 0
        firstBits = 1
    }

    /// Forgets every byte (after they were written out), keeping the memory.
    public mutating func removeAll() {
        buffer.removeAll()
        depth = 0
        firstBits = 1
    }

    @inline(__always)
    mutating func separate() {
        let bit: UInt64 = 1 << UInt64(depth & 63)
        if firstBits & bit != 0 {
            firstBits &= ~bit
        } else {
            buffer.append(UInt8(ascii: ","))
        }
    }

    mutating func open(_ bracket: UInt8) {
        separate()
        buffer.append(bracket)
        depth += 1
        firstBits |= 1 << UInt64(depth & 63)
    }

    mutating func close(_ bracket: UInt8) {
        buffer.append(bracket)
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
        appendKey(name)
        valueFollows()
    }

    /// `"name":` with the comma the member needs; the value must be appended right after.
    @inline(__always)
    mutating func appendKey(_ name: StaticString) {
        let bit: UInt64 = 1 << UInt64(depth & 63)
        let comma = firstBits & bit == 0
        firstBits &= ~bit
        buffer.appendKey(name.utf8Start, count: name.utf8CodeUnitCount, comma: comma)
    }

    /// A member name computed at run time.
    public mutating func key(string name: String) {
        separate()
        appendString(name)
        buffer.append(UInt8(ascii: ":"))
        valueFollows()
    }

    public mutating func string(_ value: String?) {
        separate()
        if let value { appendString(value) } else { buffer.append("null") }
    }

    public mutating func int(_ value: Int?) {
        separate()
        guard let value else {
            buffer.append("null")
            return
        }
        appendDigits(value)
    }

    @inline(__always)
    mutating func appendDigits(_ value: Int) {
        if value >= 0 && value < 100 {
            // Counts and sums of a few answers, NRRs 1–4 and IKMs like 75: one or two digits,
            // written in place (no call).
            if value >= 10 { buffer.append(UInt8(ascii: "0") + UInt8(value / 10)) }
            buffer.append(UInt8(ascii: "0") + UInt8(value % 10))
            return
        }
        appendManyDigits(value)
    }

    @inline(never)
    mutating func appendManyDigits(_ value: Int) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { digitBytes in
            repeat {
                digitBytes[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            buffer.append(UnsafeRawBufferPointer(rebasing: digitBytes[(20 - count)...]))
        }
    }

    /// A number, `null` when absent or not finite (JSON has no NaN).
    public mutating func double(_ value: Double?) {
        separate()
        appendDouble(value)
    }

    @inline(__always)
    mutating func appendDouble(_ value: Double?) {
        guard let value, value.isFinite else {
            buffer.append("null")
            return
        }
        if let whole = JSONNumber.wholeNumber(value) {
            appendDigits(whole)
        } else if numbers.isEnabled {
            numbers.append(value, to: &buffer)
        } else {
            buffer.append(contentsOf: Self.doubles.text(for: value.bitPattern) { Array(value.description.utf8) })
        }
    }

    public mutating func bool(_ value: Bool) {
        separate()
        buffer.append(value ? "true" : "false")
    }

    public mutating func null() {
        separate()
        buffer.append("null")
    }

    /// Any value, written through the tree writer.
    public mutating func value(_ value: JSONValue) {
        separate()
        scratch.removeAll(keepingCapacity: true)
        (asciiOnly ? Self.writer.ascii : Self.writer.utf8).write(value, into: &scratch)
        buffer.append(contentsOf: scratch)
    }

    /// `"key": value` in one call.
    public mutating func member(_ name: StaticString, _ value: String?) {
        key(name)
        string(value)
    }

    /// `"key": value` in one call (name and number written together: the hot path of results).
    public mutating func member(_ name: StaticString, _ value: Double?) {
        appendKey(name)
        appendDouble(value)
    }

    public mutating func member(_ name: StaticString, _ value: Int?) {
        appendKey(name)
        if let value { appendDigits(value) } else { buffer.append("null") }
    }

    /// `text` as a JSON string literal: copied in one piece when nothing in it needs escaping
    /// (the usual case), through the tree writer's escaping otherwise.
    mutating func appendString(_ text: String) {
        var text = text
        let copied: Bool = text.withUTF8 { utf8 in
            guard !Self.needsEscaping(UnsafeRawBufferPointer(utf8), asciiOnly: asciiOnly) else { return false }
            buffer.reserve(utf8.count + 2)
            buffer.appendReserved(UInt8(ascii: "\""))
            buffer.appendReserved(UnsafeRawBufferPointer(utf8))
            buffer.appendReserved(UInt8(ascii: "\""))
            return true
        }
        if !copied {
            scratch.removeAll(keepingCapacity: true)
            JSONWriter.appendString(text, asciiOnly: asciiOnly, into: &scratch)
            buffer.append(contentsOf: scratch)
        }
    }

    /// Whether `bytes` hold a control character, `"` or `\\` (or, with `asciiOnly`, a byte above
    /// 0x7F), checked eight bytes at a time.
    static func needsEscaping(_ bytes: UnsafeRawBufferPointer, asciiOnly: Bool) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = ones &* 0x22
        let backslashes = ones &* 0x5C
        /// A byte of `word` below `n` (n ≤ 128); exact as to whether there is one.
        func hasByteBelow(_ word: UInt64, _ n: UInt64) -> Bool { (word &- ones &* n) & ~word & highs != 0 }
        var offset = 0
        let count = bytes.count
        while offset + 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            if hasByteBelow(word, 0x20) || hasByteBelow(word ^ quotes, 1) || hasByteBelow(word ^ backslashes, 1)
                || (asciiOnly && word & highs != 0)
            {
                return true
            }
            offset += 8
        }
        while offset < count {
            let b = bytes[offset]
            if b < 0x20 || b == 0x22 || b == 0x5C || (asciiOnly && b >= 0x80) { return true }
            offset += 1
        }
        return false
    }

    /// The written JSON as a tree (for callers that inspect or pretty-print it).
    public var value: JSONValue {
        buffer.withUnsafeBytes { raw in
            (try? JSONParser(maxDepth: 256, rejectDuplicateKeys: false).parse(raw.assumingMemoryBound(to: UInt8.self))) ?? .null
        }
    }
}
