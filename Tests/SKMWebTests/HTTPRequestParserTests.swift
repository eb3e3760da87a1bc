import SKMWeb
import Testing

/// The parser accepts the requests browsers send and refuses everything two parties could read
/// two ways (request smuggling), or that is too large, with the right status.
@Suite struct HTTPRequestParserTests {
    func parse(_ text: String, limits: HTTPLimits = .standard) -> HTTPParseOutcome {
        HTTPRequestParser.parse(Array(text.utf8), limits: limits)
    }

    func refusal(_ text: String, limits: HTTPLimits = .standard) -> HTTPStatus? {
        if case .refused(let status) = parse(text, limits: limits) { return status }
        return nil
    }

    @Test func aFormPostIsParsedWithItsBody() throws {
        let text =
            "POST /s/KEC01/KTP?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            + "Content-Length: 7\r\n\r\nU1=4&U2extra"
        guard case .complete(let request, let consumed) = parse(text) else {
            Issue.record("not complete: \(parse(text))")
            return
        }
        #expect(request.method == "POST" && request.path == "/s/KEC01/KTP" && request.query == "x=1")
        #expect(request.header("content-type") == "application/x-www-form-urlencoded")
        #expect(request.header("HOST") == "127.0.0.1:8080")
        #expect(String(decoding: request.body, as: UTF8.self) == "U1=4&U2")
        #expect(consumed == text.utf8.count - 5)
    }

    @Test func partsArriveByteByByte() {
        let text = "GET / HTTP/1.1\r\nHost: a\r\n\r\n"
        let bytes = Array(text.utf8)
        for end in 0..<bytes.count {
            #expect(HTTPRequestParser.parse(Array(bytes[0..<end])) == .incomplete, "prefix \(end)")
        }
        guard case .complete = HTTPRequestParser.parse(bytes) else {
            Issue.record("whole request not complete")
            return
        }
        #expect(parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nab") == .incomplete)
    }

    @Test(arguments: [
        // Smuggling: both framings, two different lengths, a length list that disagrees.
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", HTTPStatus.badRequest),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", .badRequest),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 4\r\n\r\nabcd", .badRequest),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +3\r\n\r\nabc", .badRequest),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", .badRequest),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999\r\n\r\n", .badRequest),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", .notImplemented),
        ("POST / HTTP/1.1\r\nHost: a\r\n\r\n", .lengthRequired),
        // Header syntax: space before the colon, folded lines, bare LF, control characters.
        ("GET / HTTP/1.1\r\nHost : a\r\n\r\n", .badRequest),
        ("GET / HTTP/1.1\r\nHost: a\r\nX: b\r\n c\r\n\r\n", .badRequest),
        ("GET / HTTP/1.1\nHost: a\n\n", .badRequest),
        ("GET / HTTP/1.1\r\nHost: a\r\nX: a\u{0}b\r\n\r\n", .badRequest),
        ("GET / HTTP/1.1\r\nHost: a\r\nX: a\rb\r\n\r\n", .badRequest),
        // Host: none, or two, in HTTP/1.1.
        ("GET / HTTP/1.1\r\n\r\n", .badRequest),
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", .badRequest),
        // Request line: absolute form, double space, lowercase method, fragment, version.
        ("GET http://a/ HTTP/1.1\r\nHost: a\r\n\r\n", .badRequest),
        ("GET  / HTTP/1.1\r\nHost: a\r\n\r\n", .badRequest),
        ("get / HTTP/1.1\r\nHost: a\r\n\r\n", .badRequest),
        ("GET /a#b HTTP/1.1\r\nHost: a\r\n\r\n", .badRequest),
        ("GET / HTTP/2.0\r\nHost: a\r\n\r\n", .versionNotSupported),
        ("GET / HTTP/1.1 \r\nHost: a\r\n\r\n", .badRequest),
        ("GET / HTTP/1.2\r\nHost: a\r\n\r\n", .versionNotSupported),
    ])
    func refused(_ text: String, _ status: HTTPStatus) {
        #expect(refusal(text) == status)
    }

    @Test func limitsAreEnforcedBeforeTheWholeRequestArrives() {
        let limits = HTTPLimits(requestLine: 64, headerBytes: 128, headerCount: 3, body: 10)
        #expect(refusal("GET /" + String(repeating: "a", count: 100), limits: limits) == .uriTooLong)
        #expect(
            refusal("GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "b", count: 300), limits: limits)
                == .headerFieldsTooLarge)
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", limits: limits) == .headerFieldsTooLarge)
        // A complete head whose header section is over the limit, though the short request line
        // leaves the whole head under requestLine + headerBytes.
        let headers = "Host: a\r\nX: " + String(repeating: "b", count: 150) + "\r\n\r\n"
        #expect(refusal("GET / HTTP/1.1\r\n" + headers, limits: limits) == .headerFieldsTooLarge)
        #expect(refusal("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n", limits: limits) == .contentTooLarge)
        // A request line that is already wrong is refused while its headers are still coming.
        #expect(refusal("GET  / HTTP/1.1\r\nHost: a", limits: limits) == .badRequest)
        #expect(refusal("GET /a\nb", limits: limits) == .badRequest)
    }

    @Test func http10NeedsNoHostAndHeadIsParsed() {
        guard case .complete(let request, _) = parse("HEAD /layar HTTP/1.0\r\n\r\n") else {
            Issue.record("HTTP/1.0 HEAD not parsed")
            return
        }
        #expect(request.method == "HEAD" && request.version == "HTTP/1.0" && request.path == "/layar")
    }
}
