/// One parsed HTTP/1.x request. The parser has checked the framing (one unambiguous body length),
/// the limits and the characters of every part; nothing here is decoded yet (percent-encoding and
/// form fields are decoded by whoever reads them).
public struct HTTPRequest: Sendable, Equatable {
    /// The method as sent (`GET`, `HEAD`, `POST`).
    public let method: String
    /// The path part of the request target, still percent-encoded, starting with `/`.
    public let path: String
    /// The query part after `?` (without it), still percent-encoded; empty when there is none.
    public let query: String
    /// `HTTP/1.1` or `HTTP/1.0`.
    public let version: String
    /// The header fields in order, names lowercased.
    public let headers: [(name: String, value: String)]
    /// The body (empty unless Content-Length said otherwise).
    public let body: [UInt8]

    /// Creates a request; the parser is the usual source.
    public init(
        method: String, path: String, query: String, version: String, headers: [(name: String, value: String)], body: [UInt8]
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.version = version
        self.headers = headers
        self.body = body
    }

    /// The value of the first header field called `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name == lowered }?.value
    }

    public static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
        lhs.method == rhs.method && lhs.path == rhs.path && lhs.query == rhs.query && lhs.version == rhs.version
            && lhs.headers.elementsEqual(rhs.headers) { $0.name == $1.name && $0.value == $1.value } && lhs.body == rhs.body
    }
}

/// The sizes a request may have; beyond them it is refused before it is read further.
public struct HTTPLimits: Sendable, Equatable {
    /// Bytes of the request line (method, target, version).
    public var requestLine: Int
    /// Bytes of the whole header section.
    public var headerBytes: Int
    /// Number of header fields.
    public var headerCount: Int
    /// Bytes of the body.
    public var body: Int

    /// Limits for skm's pages: a form post is a few kilobytes.
    public static let standard = HTTPLimits(requestLine: 4096, headerBytes: 16_384, headerCount: 64, body: 65_536)

    /// Limits from their parts.
    public init(requestLine: Int, headerBytes: Int, headerCount: Int, body: Int) {
        self.requestLine = requestLine
        self.headerBytes = headerBytes
        self.headerCount = headerCount
        self.body = body
    }
}
