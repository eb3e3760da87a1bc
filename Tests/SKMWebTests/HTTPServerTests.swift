import SKMTestSupport
import SKMWeb
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The server on a real loopback socket: answers, refuses, times out slow clients, caps
/// connections, and never lets a response header be split by user text.
@Suite struct HTTPServerTests {
    /// A started server on a free loopback port; the caller stops it.
    func startServer(
        configure: (inout HTTPServer.Configuration) -> Void = { _ in },
        handler: @escaping HTTPServer.Handler = { request, client in
            .text("\(request.method) \(request.path) dari \(client)", status: .ok)
        }
    ) throws -> HTTPServer {
        var configuration = HTTPServer.Configuration(listen: try #require(SocketAddress(parsing: "127.0.0.1:0")))
        configure(&configuration)
        let server = HTTPServer(configuration: configuration, handler: handler)
        try server.start()
        #expect(server.boundAddress.port != 0)
        return server
    }

    @Test func answersAndCloses() throws {
        let server = try startServer()
        defer { server.stop() }
        let port = server.boundAddress.port
        do {
            let answer = try TestClient.exchange(port: port, "GET /layar HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(answer.contains("\r\nConnection: close\r\n"))
            #expect(answer.contains("\r\nX-Frame-Options: DENY\r\n"))
            #expect(answer.hasSuffix("\r\n\r\nGET /layar dari 127.0.0.1"))
            let head = try TestClient.exchange(port: port, "HEAD /layar HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(head.hasPrefix("HTTP/1.1 200 OK\r\n") && head.hasSuffix("\r\n\r\n"))
        }
    }

    @Test func smugglingAttemptsGetNoAnswerFromTheHandler() throws {
        let server = try startServer(handler: { _, _ in
            Issue.record("the handler saw a refused request")
            return .text("", status: .ok)
        })
        defer { server.stop() }
        let port = server.boundAddress.port
        do {
            let both = "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
            let smuggled = try TestClient.exchange(port: port, both)
            #expect(smuggled.hasPrefix("HTTP/1.1 400 "))
            let huge = try TestClient.exchange(
                port: port, "GET / HTTP/1.1\r\nHost: x\r\nX: " + String(repeating: "a", count: 40_000))
            #expect(huge.hasPrefix("HTTP/1.1 431 "))
        }
    }

    @Test func aSlowClientIsCutOff() throws {
        let server = try startServer(configure: { $0.requestTimeout = 0.5 })
        defer { server.stop() }
        let port = server.boundAddress.port
        do {
            let fd = try TestClient.connect(port: port)
            defer { close(fd) }
            let start = RateLimiter.monotonicSeconds()
            TestClient.send(fd, "GET / HTTP/1.1\r\nHo")
            let answer = TestClient.readAll(fd)
            #expect(answer.hasPrefix("HTTP/1.1 408 "))
            #expect(RateLimiter.monotonicSeconds() - start < 5)
        }
    }

    @Test func connectionsBeyondTheMaximumGet503() throws {
        let server = try startServer(configure: {
            $0.maxConnections = 2
            $0.workers = 2
            $0.requestTimeout = 3
        })
        defer { server.stop() }
        let port = server.boundAddress.port
        do {
            // Two connections that say nothing hold both places.
            let held = try [TestClient.connect(port: port), TestClient.connect(port: port)]
            defer {
                for fd in held { close(fd) }
            }
            usleep(200_000)
            #expect(try TestClient.exchange(port: port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n").hasPrefix("HTTP/1.1 503 "))
        }
    }

    @Test func headerValuesCannotSplitTheResponse() {
        let response = HTTPResponse(status: .seeOther, headers: [("Location", "/a\r\nSet-Cookie: x=1")])
        let text = String(decoding: response.serialized(), as: UTF8.self)
        #expect(!text.contains("Set-Cookie"))
    }

    @Test func theRateLimiterRefillsPerClient() {
        let limiter = RateLimiter(perMinute: 60, capacity: 2)
        #expect(limiter.allow("a", now: 0) && limiter.allow("a", now: 0))
        #expect(!limiter.allow("a", now: 0.5))
        #expect(limiter.allow("b", now: 0.5))
        #expect(limiter.allow("a", now: 1.6))
    }

    @Test func addressesParse() {
        #expect(SocketAddress(parsing: "0.0.0.0:8080")?.isWildcard == true)
        #expect(SocketAddress(parsing: "[::1]:80")?.isLoopback == true)
        #expect(SocketAddress(parsing: "127.0.0.1:8080") == SocketAddress.defaultListen)
        for bad in ["8080", "localhost:80", "1.2.3.4:", "1.2.3.4:65536", "[::1]80", "1.2.3:80"] {
            #expect(SocketAddress(parsing: bad) == nil, "\(bad)")
        }
    }
}
