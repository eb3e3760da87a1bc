/// Why a JSON text could not be read, and where (a 0-based byte offset).
public struct JSONParseError: Error, Sendable, Equatable {
    public enum Kind: String, Sendable {
        case invalidUTF8 = "invalid_utf8"
        case unexpectedEnd = "unexpected_end"
        case unexpectedCharacter = "unexpected_character"
        case invalidNumber = "invalid_number"
        case invalidEscape = "invalid_escape"
        case controlCharacter = "control_character"
        case tooDeep = "too_deep"
        case duplicateKey = "duplicate_key"
        case trailingData = "trailing_data"
        case empty = "empty"
    }

    public let kind: Kind
    public let offset: Int
    /// For `duplicateKey`, the repeated key.
    public let key: String?
    /// The 1-based line of `offset`, as an editor shows it (set by the parser; nil when unknown).
    public internal(set) var line: Int?
    /// The 1-based column of `offset` in characters on its line (set with `line`).
    public internal(set) var column: Int?

    public init(_ kind: Kind, at offset: Int, key: String? = nil) {
        self.kind = kind
        self.offset = offset
        self.key = key
    }

    /// The same error with the line and column of its offset in `bytes` (lines end at LF; a
    /// column counts characters, so an é is one column). A text of one line (a JSON-RPC request)
    /// keeps its byte position alone.
    func locating(in bytes: UnsafeBufferPointer<UInt8>) -> JSONParseError {
        guard bytes.contains(0x0A) else { return self }
        var located = self
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        located.line = line
        located.column = column
        return located
    }

    /// An Indonesian explanation with the 1-based position a person counts in an editor:
    /// "pada baris 3, kolom 14 (byte ke-52)".
    public var indonesianMessage: String {
        let byte = "byte ke-\(offset + 1)"
        let position = line.map { "pada baris \($0), kolom \(column ?? 1) (\(byte))" } ?? "pada \(byte)"
        switch kind {
        case .invalidUTF8: return "Teks bukan UTF-8 yang sah \(position)"
        case .unexpectedEnd: return "JSON terpotong: teks berakhir sebelum JSON lengkap" + (line.map { " (baris \($0))" } ?? "")
        case .unexpectedCharacter: return "Karakter tidak terduga \(position)"
        case .invalidNumber: return "Angka tidak sah \(position)"
        case .invalidEscape: return "Escape tidak sah dalam teks \(position)"
        case .controlCharacter: return "Karakter kontrol mentah dalam teks \(position) (gunakan escape seperti \\n)"
        case .tooDeep: return "JSON bersarang terlalu dalam \(position)"
        case .duplicateKey: return "Kunci ganda \"\(key ?? "")\" \(position)"
        case .trailingData: return "Ada data setelah akhir JSON \(position)"
        case .empty: return "Teks kosong, bukan JSON"
        }
    }
}

/// A strict RFC 8259 parser with a nesting limit, duplicate-key detection and UTF-8 validation.
public struct JSONParser {
    public var maxDepth: Int
    public var rejectDuplicateKeys: Bool

    public init(maxDepth: Int = 128, rejectDuplicateKeys: Bool = true) {
        self.maxDepth = maxDepth
        self.rejectDuplicateKeys = rejectDuplicateKeys
    }

    public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var copy = text
        let result = copy.withUTF8 { buffer in Result { () throws(JSONParseError) in try parse(buffer) } }
        return try result.get()
    }

    public func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer throws(JSONParseError) in try parse(buffer) }
    }

    public func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
        do {
            return try parseUnlocated(buffer)
        } catch {
            throw error.locating(in: buffer)
        }
    }

    func parseUnlocated(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
        if let bad = UTF8Validation.firstInvalidOffset(buffer) {
            throw JSONParseError(.invalidUTF8, at: bad)
        }
        var scanner = Scanner(bytes: buffer, maxDepth: maxDepth, rejectDuplicates: rejectDuplicateKeys)
        scanner.skipWhitespace()
        if scanner.atEnd { throw JSONParseError(.empty, at: 0) }
        let value = try scanner.parseValue(depth: 0)
        scanner.skipWhitespace()
        if !scanner.atEnd { throw JSONParseError(.trailingData, at: scanner.position) }
        return value
    }
}

private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    let rejectDuplicates: Bool
    var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, rejectDuplicates: Bool) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        self.rejectDuplicates = rejectDuplicates
    }

    var atEnd: Bool { position >= bytes.count }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    func peek() throws(JSONParseError) -> UInt8 {
        guard position < bytes.count else { throw JSONParseError(.unexpectedEnd, at: position) }
        return bytes[position]
    }

    mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        let byte = try peek()
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw JSONParseError(.unexpectedCharacter, at: position)
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let start = position
        for expected in UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount) {
            guard position < bytes.count else { throw JSONParseError(.unexpectedEnd, at: position) }
            guard bytes[position] == expected else { throw JSONParseError(.unexpectedCharacter, at: start) }
            position += 1
        }
    }

    mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
        if depth > maxDepth { throw JSONParseError(.tooDeep, at: position) }
        position += 1
        var members: [(key: String, value: JSONValue)] = []
        // Room for a typical object at once, rather than growing it 1, 2, 4… (one allocation).
        members.reserveCapacity(4)
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") {
            position += 1
            return .object(JSONObject(members))
        }
        while true {
            skipWhitespace()
            let keyOffset = position
            guard try peek() == UInt8(ascii: "\"") else { throw JSONParseError(.unexpectedCharacter, at: position) }
            let key = try parseString()
            if rejectDuplicates, members.contains(where: { $0.key == key }) {
                throw JSONParseError(.duplicateKey, at: keyOffset, key: key)
            }
            skipWhitespace()
            guard try peek() == UInt8(ascii: ":") else { throw JSONParseError(.unexpectedCharacter, at: position) }
            position += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            members.append((key: key, value: value))
            skipWhitespace()
            let next = try peek()
            position += 1
            if next == UInt8(ascii: "}") { return .object(JSONObject(members)) }
            guard next == UInt8(ascii: ",") else { throw JSONParseError(.unexpectedCharacter, at: position - 1) }
        }
    }

    mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
        if depth > maxDepth { throw JSONParseError(.tooDeep, at: position) }
        position += 1
        var elements: [JSONValue] = []
        // Room for a typical answer row at once (one allocation instead of four).
        elements.reserveCapacity(10)
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            let next = try peek()
            position += 1
            if next == UInt8(ascii: "]") { return .array(elements) }
            guard next == UInt8(ascii: ",") else { throw JSONParseError(.unexpectedCharacter, at: position - 1) }
        }
    }

    mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count else { throw JSONParseError(.unexpectedEnd, at: position) }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else if isDigit(bytes[position]) {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        } else {
            throw JSONParseError(.invalidNumber, at: start)
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { throw JSONParseError(.invalidNumber, at: start) }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else { throw JSONParseError(.invalidNumber, at: start) }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        return JSONNumber(literal: text)
    }

    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    mutating func parseString() throws(JSONParseError) -> String {
        position += 1  // opening quote
        let start = position
        // Fast path: no escapes.
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw JSONParseError(.controlCharacter, at: position) }
            position += 1
        }
        guard position < bytes.count else { throw JSONParseError(.unexpectedEnd, at: position) }
        var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: buffer, as: UTF8.self)
            }
            if b < 0x20 { throw JSONParseError(.controlCharacter, at: position) }
            if b != UInt8(ascii: "\\") {
                buffer.append(b)
                position += 1
                continue
            }
            let escapeStart = position
            position += 1
            guard position < bytes.count else { throw JSONParseError(.unexpectedEnd, at: position) }
            let e = bytes[position]
            position += 1
            switch e {
            case UInt8(ascii: "\""): buffer.append(0x22)
            case UInt8(ascii: "\\"): buffer.append(0x5C)
            case UInt8(ascii: "/"): buffer.append(0x2F)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try parseHex4(escapeStart: escapeStart)
                if (0xD800...0xDBFF).contains(scalar) {
                    // A high surrogate must be followed by an escaped low surrogate.
                    guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                        bytes[position + 1] == UInt8(ascii: "u")
                    else { throw JSONParseError(.invalidEscape, at: escapeStart) }
                    position += 2
                    let low = try parseHex4(escapeStart: escapeStart)
                    guard (0xDC00...0xDFFF).contains(low) else { throw JSONParseError(.invalidEscape, at: escapeStart) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw JSONParseError(.invalidEscape, at: escapeStart)
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw JSONParseError(.invalidEscape, at: escapeStart) }
                UTF8.encode(unicode) { buffer.append($0) }
            default:
                throw JSONParseError(.invalidEscape, at: escapeStart)
            }
        }
        throw JSONParseError(.unexpectedEnd, at: position)
    }

    mutating func parseHex4(escapeStart: Int) throws(JSONParseError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw JSONParseError(.unexpectedEnd, at: bytes.count) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[position]
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: throw JSONParseError(.invalidEscape, at: escapeStart)
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }
}

/// UTF-8 validation that reports where the first bad byte is.
public enum UTF8Validation {
    /// The 0-based offset of the first byte that is not part of well-formed UTF-8, or nil.
    public static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            let second = bytes[i + 1]
            guard second >= lower, second <= upper else { return i }
            var k = 2
            while k < length {
                guard bytes[i + k] & 0xC0 == 0x80 else { return i }
                k += 1
            }
            i += length
        }
        return nil
    }

    public static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidOffset($0) }
    }
}
