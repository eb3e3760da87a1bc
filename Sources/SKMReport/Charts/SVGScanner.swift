/// Walks the start and end tags of an SVG string skm wrote, reading their attributes. Text
/// between tags is skipped; a malformed tag ends the walk.
struct SVGScanner {
    struct Element {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var attributes: [String: String]

        func number(_ key: String) -> Double? {
            attributes[key].flatMap { Double($0.filter { !$0.isWhitespace }) }.flatMap { $0.isFinite ? $0 : nil }
        }

        /// `#rrggbb` or `#rgb` as bytes; nil for `none` (or an unknown colour when no default).
        func color(_ key: String, default fallback: String) -> (UInt8, UInt8, UInt8)? {
            let value = attributes[key] ?? fallback
            if value == "none" { return nil }
            if value == "white" { return (255, 255, 255) }
            if value == "black" { return (0, 0, 0) }
            var digits = Array(value.utf8.dropFirst())
            guard value.hasPrefix("#") else { return nil }
            if digits.count == 3 { digits = digits.flatMap { [$0, $0] } }
            guard digits.count == 6 else { return nil }
            func byte(_ i: Int) -> UInt8? { UInt8(String(decoding: digits[i..<(i + 2)], as: UTF8.self), radix: 16) }
            guard let r = byte(0), let g = byte(2), let b = byte(4) else { return nil }
            return (r, g, b)
        }

        /// `translate(x y)` or `translate(x,y)` from `transform`; (0, 0) otherwise.
        func translation() -> (Double, Double) {
            guard let transform = attributes["transform"], transform.hasPrefix("translate("), transform.hasSuffix(")") else {
                return (0, 0)
            }
            let inner = transform.dropFirst("translate(".count).dropLast()
            let parts = inner.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            guard let x = parts.first, x.isFinite else { return (0, 0) }
            let y = parts.count > 1 && parts[1].isFinite ? parts[1] : 0
            return (x, y)
        }

        /// `stroke-dasharray="a b"` as (on, off).
        func dash() -> (Double, Double)? {
            guard let value = attributes["stroke-dasharray"] else { return nil }
            let parts = value.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            guard let on = parts.first else { return nil }
            return (on, parts.count > 1 ? parts[1] : on)
        }
    }

    private let bytes: [UInt8]
    private var index = 0
    private(set) var current: Element?

    init(_ svg: String) {
        bytes = Array(svg.utf8)
    }

    /// The raw text up to the end tag `</name>` (tags inside included), moving past that tag;
    /// everything that is left when there is no such tag.
    mutating func content(closing name: String) -> String {
        let end = Array("</\(name)>".utf8)
        var i = index
        while i + end.count <= bytes.count {
            if bytes[i] == end[0] && Array(bytes[i..<(i + end.count)]) == end {
                let text = String(decoding: bytes[index..<i], as: UTF8.self)
                index = i + end.count
                return text
            }
            i += 1
        }
        let text = String(decoding: bytes[index...], as: UTF8.self)
        index = bytes.count
        return text
    }

    /// Text content as shown: `<title>…</title>` and other tags removed, XML entities decoded.
    static func visibleText(_ raw: String) -> String {
        var text = raw
        while let open = text.firstRange(of: "<title>"), let close = text.firstRange(of: "</title>"),
            open.lowerBound < close.lowerBound
        {
            text.removeSubrange(open.lowerBound..<close.upperBound)
        }
        var plain = ""
        var inTag = false
        for character in text {
            if character == "<" {
                inTag = true
            } else if character == ">" {
                inTag = false
            } else if !inTag {
                plain.append(character)
            }
        }
        for (entity, character) in [
            ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&amp;", "&"),
        ] {
            plain = plain.replacing(entity, with: character)
        }
        return plain
    }

    mutating func next() -> Element? {
        current = nil
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            guard let end = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else {
                index = bytes.count
                return nil
            }
            let tag = bytes[(index + 1)..<end]
            index = end + 1
            if tag.first == UInt8(ascii: "!") || tag.first == UInt8(ascii: "?") { continue }
            current = Self.parse(tag)
            if current != nil { return current }
        }
        return nil
    }

    static func parse(_ tag: ArraySlice<UInt8>) -> Element? {
        var body = tag
        let closing = body.first == UInt8(ascii: "/")
        if closing { body = body.dropFirst() }
        let selfClosing = body.last == UInt8(ascii: "/")
        if selfClosing { body = body.dropLast() }
        let nameEnd = body.firstIndex(where: { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }) ?? body.endIndex
        let name = String(decoding: body[body.startIndex..<nameEnd], as: UTF8.self)
        guard !name.isEmpty else { return nil }
        var attributes: [String: String] = [:]
        var i = nameEnd
        while i < body.endIndex {
            guard let eq = body[i...].firstIndex(of: UInt8(ascii: "=")), eq + 1 < body.endIndex,
                body[eq + 1] == UInt8(ascii: "\"")
            else { break }
            let key = String(decoding: body[i..<eq], as: UTF8.self).filter { !$0.isWhitespace }
            guard let close = body[(eq + 2)...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            attributes[key] = String(decoding: body[(eq + 2)..<close], as: UTF8.self)
            i = close + 1
        }
        return Element(name: name, closing: closing, selfClosing: selfClosing, attributes: attributes)
    }
}
