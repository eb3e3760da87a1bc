/// An answer to send: status, header fields and body. `serialized` adds the framing fields
/// (Content-Length, Connection: close) and the security fields every skm page carries.
public struct HTTPResponse: Sendable {
    /// The status line's code.
    public var status: HTTPStatus
    /// Header fields besides the framing and security ones.
    public var headers: [(name: String, value: String)]
    /// The body bytes (sent for every method but HEAD).
    public var body: [UInt8]

    /// What every answer says about itself: no sniffing, no framing by other sites, no referrer, no
    /// outside resources (pages carry their styles inline and their images as data or from skm).
    public static let securityHeaders: [(name: String, value: String)] = [
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "no-referrer"),
        (
            "Content-Security-Policy",
            "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'"
        ),
    ]

    /// A response from its parts.
    public init(status: HTTPStatus, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// An HTML page (UTF-8), not cached.
    public static func html(_ page: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")],
            body: Array(page.utf8))
    }

    /// Plain text (UTF-8), not cached.
    public static func text(_ text: String, status: HTTPStatus) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: [("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-store")],
            body: Array(text.utf8))
    }

    /// A 303 to `location` (a path on this server): what a form post answers once stored, so a
    /// reload does not post again.
    public static func seeOther(_ location: String) -> HTTPResponse {
        HTTPResponse(status: .seeOther, headers: [("Location", location), ("Cache-Control", "no-store")])
    }

    /// The bytes on the wire. `includeBody` is false for HEAD.
    public func serialized(includeBody: Bool = true) -> [UInt8] {
        var head = "HTTP/1.1 \(status.rawValue) \(status.reason)\r\n"
        for (name, value) in headers + Self.securityHeaders where Self.isSafe(name) && Self.isSafe(value) {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        var bytes = Array(head.utf8)
        if includeBody { bytes += body }
        return bytes
    }

    /// No CR or LF in a header: a value built from user input cannot add header fields.
    private static func isSafe(_ text: String) -> Bool {
        !text.utf8.contains { $0 == 0x0D || $0 == 0x0A || $0 == 0 }
    }
}
