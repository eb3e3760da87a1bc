/// Fields of an `application/x-www-form-urlencoded` body or a query string, decoded (`+` is a
/// space, `%XX` a byte, invalid UTF-8 replaced). The first value of a repeated name wins.
public struct FormFields: Sendable {
    /// The fields in order.
    public let pairs: [(name: String, value: String)]

    /// Decodes `bytes`; at most `maxFields` fields are read (the rest are ignored).
    public init(_ bytes: [UInt8], maxFields: Int = 200) {
        var pairs: [(String, String)] = []
        for part in bytes.split(separator: UInt8(ascii: "&")) where pairs.count < maxFields {
            let pieces = part.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(pieces[0], plusIsSpace: true)
            let value = pieces.count > 1 ? Self.decode(pieces[1], plusIsSpace: true) : ""
            pairs.append((name, value))
        }
        self.pairs = pairs
    }

    /// Decodes a query string.
    public init(query: String) {
        self.init(Array(query.utf8))
    }

    /// The first value of `name`; nil when absent.
    public subscript(_ name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Percent-decodes bytes as UTF-8 text (a bad escape is kept as typed).
    static func decode(_ bytes: ArraySlice<UInt8>, plusIsSpace: Bool) -> String {
        String(decoding: decodeBytes(bytes, plusIsSpace: plusIsSpace), as: UTF8.self)
    }

    /// The bytes `%XX` escapes stand for.
    static func decodeBytes(_ bytes: ArraySlice<UInt8>, plusIsSpace: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 3
                continue
            }
            out.append(plusIsSpace && byte == UInt8(ascii: "+") ? 0x20 : byte)
            index += 1
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}

/// The path of a request split into decoded segments; nil for a path that could mean a file
/// outside what skm serves or that two parties could read two ways: an empty, `.` or `..`
/// segment (also `%2e%2e`), an encoded slash or backslash, NUL or another control character.
public enum PathSegments {
    /// The decoded segments of `path` (`/` → none); nil when the path is refused (see above).
    public static func split(_ path: String) -> [String]? {
        let raw = Array(path.utf8).split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst()
        if raw.count == 1, raw.first?.isEmpty == true { return [] }  // "/"
        var segments: [String] = []
        for (index, piece) in raw.enumerated() {
            if piece.isEmpty && index == raw.count - 1 { break }  // a trailing slash
            let bytes = FormFields.decodeBytes(piece, plusIsSpace: false)
            let dots: [UInt8] = [0x2E, 0x2E]
            guard !bytes.isEmpty, bytes != [0x2E], bytes != dots, !bytes.contains(where: isForbidden) else { return nil }
            segments.append(String(decoding: bytes, as: UTF8.self))
        }
        return segments
    }

    /// Control characters, DEL, and slashes that were percent-encoded.
    private static func isForbidden(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == 0x2F || byte == 0x5C
    }
}
