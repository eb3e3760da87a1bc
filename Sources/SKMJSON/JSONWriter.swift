/// Serialises `JSONValue`, compact (one line, for the wire) or indented (for people).
///
/// With `asciiOnly` every non-ASCII character is written as a `\uXXXX` escape (surrogate pairs
/// above U+FFFF), because Excel VBA reads a child's pipe in the ANSI code page.
public struct JSONWriter: Sendable {
    public var asciiOnly: Bool
    public var indent: Int?

    public init(asciiOnly: Bool = false, indent: Int? = nil) {
        self.asciiOnly = asciiOnly
        self.indent = indent
    }

    public static let compact = JSONWriter()
    public static let pretty = JSONWriter(indent: 2)

    public func string(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the UTF-8 (or ASCII) bytes of `value` to `out`.
    public func write(_ value: JSONValue, into out: inout [UInt8]) {
        write(value, into: &out, level: 0)
    }

    private func write(_ value: JSONValue, into out: inout [UInt8], level: Int) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): out.append(contentsOf: n.text.utf8)
        case .string(let s): writeString(s, into: &out)
        case .array(let elements):
            if elements.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(into: &out, level: level + 1)
                write(element, into: &out, level: level + 1)
            }
            newline(into: &out, level: level)
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(UInt8(ascii: "{"))
            for (i, member) in object.members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(into: &out, level: level + 1)
                writeString(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                write(member.value, into: &out, level: level + 1)
            }
            newline(into: &out, level: level)
            out.append(UInt8(ascii: "}"))
        }
    }

    private func newline(into out: inout [UInt8], level: Int) {
        guard let indent else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private func appendEscape(_ unit: UInt16, into out: inout [UInt8]) {
        out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u")])
        out.append(Self.hexDigits[Int(unit >> 12 & 0xF)])
        out.append(Self.hexDigits[Int(unit >> 8 & 0xF)])
        out.append(Self.hexDigits[Int(unit >> 4 & 0xF)])
        out.append(Self.hexDigits[Int(unit & 0xF)])
    }

    private func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let contentStart = out.count
        let done = s.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            // Fast path: copy runs of bytes that need no escaping in one go.
            var runStart = 0
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b >= 0x20 && b != 0x22 && b != 0x5C && (b < 0x80 || !asciiOnly) {
                    i += 1
                    continue
                }
                if b >= 0x80 { return false }  // non-ASCII with asciiOnly: the scalar path below
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                appendEscaped(ascii: b, into: &out)
                i += 1
                runStart = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
            return true
        }
        if done != true {
            // Undo any partial fast-path output of this string and redo it scalar by scalar.
            out.removeSubrange(contentStart...)
            for scalar in s.unicodeScalars {
                if scalar.value < 0x80 {
                    let b = UInt8(scalar.value)
                    if b >= 0x20 && b != 0x22 && b != 0x5C { out.append(b) } else { appendEscaped(ascii: b, into: &out) }
                } else if asciiOnly {
                    for unit in String(scalar).utf16 { appendEscape(unit, into: &out) }
                } else {
                    UTF8.encode(scalar) { out.append($0) }
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private func appendEscaped(ascii b: UInt8, into out: inout [UInt8]) {
        switch b {
        case 0x22: out.append(contentsOf: [0x5C, 0x22])
        case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
        case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
        default: appendEscape(UInt16(b), into: &out)
        }
    }
}

extension JSONValue: CustomStringConvertible {
    /// Compact JSON text.
    public var description: String { JSONWriter.compact.string(self) }
}
