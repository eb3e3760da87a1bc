/// What the parser made of the bytes received so far.
public enum HTTPParseOutcome: Sendable, Equatable {
    /// More bytes are needed (and the limits allow them).
    case incomplete
    /// A whole request, and how many bytes of the input it used.
    case complete(HTTPRequest, consumed: Int)
    /// The request is refused with this status; the connection is closed after the answer.
    case refused(HTTPStatus)
}

/// A strict HTTP/1.1 request parser (RFC 9112) for a server that closes every connection after one
/// answer. Strict where leniency lets two parties read one message two ways (request smuggling):
/// lines end in CRLF only, no whitespace before a colon or folded header lines, Transfer-Encoding is
/// not accepted (501, or 400 beside Content-Length), several Content-Length values must agree, one
/// Host is required in HTTP/1.1, control characters anywhere are refused.
public enum HTTPRequestParser {
    /// Parses the start of `bytes`.
    public static func parse(_ bytes: [UInt8], limits: HTTPLimits = .standard) -> HTTPParseOutcome {
        let headLimit = limits.requestLine + limits.headerBytes + 4
        guard let headEnd = endOfHead(bytes, searchingFirst: headLimit) else {
            if let lineEnd = firstCRLF(bytes, limit: limits.requestLine + 2) {
                return bytes.count > headLimit
                    ? .refused(.headerFieldsTooLarge) : lineCheck(bytes, lineEnd, limits) ?? .incomplete
            }
            if bytes.count > limits.requestLine + 1 { return .refused(.uriTooLong) }
            return bytes.contains(0x0A) ? .refused(.badRequest) : .incomplete
        }
        let lines = splitLines(bytes[0..<headEnd])
        guard let requestLine = lines.first else { return .refused(.badRequest) }
        guard requestLine.count <= limits.requestLine else { return .refused(.uriTooLong) }
        // The head may be found within requestLine + headerBytes, so a short request line must not
        // lend its unused bytes to the header section.
        guard headEnd - requestLine.count - 2 <= limits.headerBytes else { return .refused(.headerFieldsTooLarge) }
        guard let (method, path, query, version) = parseRequestLine(requestLine) else { return .refused(.badRequest) }
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { return .refused(.versionNotSupported) }

        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard headers.count < limits.headerCount else { return .refused(.headerFieldsTooLarge) }
            guard let field = parseHeaderLine(line) else { return .refused(.badRequest) }
            headers.append(field)
        }
        if version == "HTTP/1.1" && headers.filter({ $0.name == "host" }).count != 1 { return .refused(.badRequest) }

        if headers.contains(where: { $0.name == "transfer-encoding" }) {
            return .refused(headers.contains { $0.name == "content-length" } ? .badRequest : .notImplemented)
        }
        let lengths = headers.filter { $0.name == "content-length" }
            .flatMap { $0.value.split(separator: ",", omittingEmptySubsequences: false) }
            .map { $0.trimmingOWS() }
        var bodyLength = 0
        if let first = lengths.first {
            guard lengths.allSatisfy({ $0 == first }), !first.isEmpty, first.utf8.count <= 12,
                first.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let length = Int(first)
            else { return .refused(.badRequest) }
            guard length <= limits.body else { return .refused(.contentTooLarge) }
            bodyLength = length
        } else if method == "POST" {
            return .refused(.lengthRequired)
        }
        let bodyStart = headEnd + 4
        guard bytes.count - bodyStart >= bodyLength else { return .incomplete }
        let request = HTTPRequest(
            method: method, path: path, query: query, version: version, headers: headers,
            body: Array(bytes[bodyStart..<(bodyStart + bodyLength)]))
        return .complete(request, consumed: bodyStart + bodyLength)
    }

    /// The index of the blank line's CRLF CRLF, looking only at the first `limit` bytes.
    private static func endOfHead(_ bytes: [UInt8], searchingFirst limit: Int) -> Int? {
        let end = min(bytes.count, limit)
        guard end >= 4 else { return nil }
        for index in 0...(end - 4) where bytes[index] == 0x0D {
            if bytes[index + 1] == 0x0A && bytes[index + 2] == 0x0D && bytes[index + 3] == 0x0A { return index }
        }
        return nil
    }

    private static func firstCRLF(_ bytes: [UInt8], limit: Int) -> Int? {
        let end = min(bytes.count, limit)
        guard end >= 2 else { return nil }
        return (0..<(end - 1)).first { bytes[$0] == 0x0D && bytes[$0 + 1] == 0x0A }
    }

    /// Refuses early a request line that is already wrong while its headers are still coming.
    private static func lineCheck(_ bytes: [UInt8], _ lineEnd: Int, _ limits: HTTPLimits) -> HTTPParseOutcome? {
        guard lineEnd <= limits.requestLine else { return .refused(.uriTooLong) }
        return parseRequestLine(bytes[0..<lineEnd]) == nil ? .refused(.badRequest) : nil
    }

    /// Lines separated by CRLF; a bare CR or LF inside a line makes the line invalid later.
    private static func splitLines(_ head: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = head.startIndex
        var index = head.startIndex
        while index < head.endIndex {
            if head[index] == 0x0D, index + 1 < head.endIndex, head[index + 1] == 0x0A {
                lines.append(head[start..<index])
                index += 2
                start = index
            } else {
                index += 1
            }
        }
        lines.append(head[start..<head.endIndex])
        return lines
    }

    /// `METHOD SP origin-form SP HTTP/1.x`, single spaces, visible ASCII only.
    private static func parseRequestLine(_ line: ArraySlice<UInt8>) -> (String, String, String, String)? {
        let parts = line.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        let method = parts[0]
        let target = parts[1]
        let version = Array(parts[2])
        // HTTP-version = "HTTP/" DIGIT "." DIGIT; a well-formed version other than 1.0/1.1 is a 505.
        guard version.count == 8, version.starts(with: Array("HTTP/".utf8)), version[6] == 0x2E,
            (0x30...0x39).contains(version[5]), (0x30...0x39).contains(version[7])
        else { return nil }
        guard !method.isEmpty, method.count <= 16, method.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { return nil }
        guard target.first == 0x2F, target.allSatisfy({ $0 > 0x20 && $0 < 0x7F }), !target.contains(0x23) else { return nil }
        let targetText = String(decoding: target, as: UTF8.self)
        let pieces = targetText.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let versionText = String(decoding: version, as: UTF8.self)
        return (
            String(decoding: method, as: UTF8.self), String(pieces[0]), pieces.count > 1 ? String(pieces[1]) : "", versionText
        )
    }

    /// `name: value` with a token name, no space before the colon, no control characters.
    private static func parseHeaderLine(_ line: ArraySlice<UInt8>) -> (name: String, value: String)? {
        guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex else { return nil }
        let name = line[line.startIndex..<colon]
        guard name.allSatisfy(isTokenCharacter) else { return nil }
        let value = line[(colon + 1)...]
        guard value.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }) else { return nil }
        return (String(decoding: name, as: UTF8.self).lowercased(), String(decoding: value, as: UTF8.self).trimmingOWS())
    }

    private static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2A, 0x2B, 0x2D, 0x2E, 0x5E, 0x5F, 0x60, 0x7C, 0x7E: return true
        default: return false
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs (HTTP's optional whitespace).
    func trimmingOWS() -> String {
        let scalars = Array(unicodeScalars)
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[first...last])
        return result
    }
}
