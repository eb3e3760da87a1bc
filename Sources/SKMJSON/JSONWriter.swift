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
        case .encoded(let text): out.append(contentsOf: text.bytes)
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

    private static func appendEscape(_ unit: UInt16, into out: inout [UInt8]) {
        out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u")])
        out.append(Self.hexDigits[Int(unit >> 12 & 0xF)])
        out.append(Self.hexDigits[Int(unit >> 8 & 0xF)])
        out.append(Self.hexDigits[Int(unit >> 4 & 0xF)])
        out.append(Self.hexDigits[Int(unit & 0xF)])
    }

    private func writeString(_ s: String, into out: inout [UInt8]) {
        Self.appendString(s, asciiOnly: asciiOnly, into: &out)
    }

    /// Bytes that cannot be copied as they are: control characters, `"` and `\\`; with
    /// `asciiOnly` also every byte above 0x7F.
    static let needsEscape: (ascii: [Bool], utf8: [Bool]) = {
        var utf8 = [Bool](repeating: false, count: 256)
        for b in 0..<0x20 { utf8[b] = true }
        utf8[0x22] = true
        utf8[0x5C] = true
        var ascii = utf8
        for b in 0x80..<0x100 { ascii[b] = true }
        return (ascii, utf8)
    }()

    /// Appends `s` as a JSON string literal.
    static func appendString(_ s: String, asciiOnly: Bool, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = s
        let clean: Bool = text.withUTF8 { bytes in
            let table = asciiOnly ? needsEscape.ascii : needsEscape.utf8
            for b in bytes where table[Int(b)] { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if !clean {
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

    private static func appendEscaped(ascii b: UInt8, into out: inout [UInt8]) {
        switch b {
        case 0x22: out.append(contentsOf: [0x5C, 0x22])
        case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
        case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
        default: Self.appendEscape(UInt16(b), into: &out)
        }
    }
}

extension JSONValue: CustomStringConvertible {
    /// Compact JSON text.
    public var description: String { JSONWriter.compact.string(self) }
}
