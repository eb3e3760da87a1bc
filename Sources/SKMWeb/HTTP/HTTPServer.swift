import SKMService

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small HTTP/1.1 server over POSIX sockets: one thread accepts, a fixed pool of worker threads
/// serves one request per connection (every answer closes the connection). Bounded everywhere: at
/// most `maxConnections` connections are queued or served (more get a short 503), a request must
/// arrive whole within `requestTimeout` seconds (slow clients get 408), the parser's limits cap
/// every part, and an answer that cannot be sent within `writeTimeout` is dropped.
public final class HTTPServer: @unchecked Sendable {
    /// How the server listens and what it tolerates.
    public struct Configuration: Sendable {
        /// Where to listen (port 0: any free port; see `boundAddress`).
        public var listen: SocketAddress
        /// Worker threads serving requests.
        public var workers: Int = 8
        /// Connections queued or being served at once; the next ones get 503.
        public var maxConnections: Int = 64
        /// Seconds a client has to send its whole request.
        public var requestTimeout: Double = 10
        /// Seconds an answer may take to be sent.
        public var writeTimeout: Double = 10
        /// Sizes of request parts.
        public var limits: HTTPLimits = .standard

        /// A configuration for `listen` with the defaults above.
        public init(listen: SocketAddress) {
            self.listen = listen
        }
    }

    /// Answers one request; `client` is the peer's address. Called on worker threads.
    public typealias Handler = @Sendable (_ request: HTTPRequest, _ client: String) -> HTTPResponse

    private let configuration: Configuration
    private let handler: Handler
    private var mutex = pthread_mutex_t()
    private var available = pthread_cond_t()
    private var waiting: [(fd: Int32, client: String)] = []
    private var connections = 0
    private var stopping = false
    private var listenFD: Int32 = -1
    private var threads: [WorkerThread] = []
    /// The address actually bound (with the system's port when 0 was asked for).
    public private(set) var boundAddress: SocketAddress

    /// A server that is not listening yet.
    public init(configuration: Configuration, handler: @escaping Handler) {
        self.configuration = configuration
        self.handler = handler
        self.boundAddress = configuration.listen
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&available, nil)
    }

    deinit {
        pthread_cond_destroy(&available)
        pthread_mutex_destroy(&mutex)
    }

    /// Binds, listens and starts the threads; returns once connections are being accepted.
    public func start() throws(HTTPServerError) {
        let socket = try ListeningSocket.open(configuration.listen)
        listenFD = socket.fd
        boundAddress = socket.bound
        for _ in 0..<max(1, configuration.workers) {
            guard let thread = WorkerThread.start({ [self] in serveQueue() }) else {
                stop()
                throw .threads
            }
            threads.append(thread)
        }
        guard let acceptor = WorkerThread.start({ [self] in acceptLoop() }) else {
            stop()
            throw .threads
        }
        threads.append(acceptor)
    }

    /// Stops accepting, lets the workers finish what they hold, and waits for every thread.
    public func stop() {
        locked {
            stopping = true
            pthread_cond_broadcast(&available)
        }
        if listenFD >= 0 { shutdown(listenFD, Int32(SHUT_RDWR)) }
        for thread in threads { thread.join() }
        threads = []
        if listenFD >= 0 { close(listenFD) }
        listenFD = -1
    }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }

    private func acceptLoop() {
        while true {
            var address = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let fd = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { accept(listenFD, $0, &length) }
            }
            if fd < 0 {
                if locked({ stopping }) { return }
                if errno == EINTR || errno == ECONNABORTED { continue }
                if errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM {
                    usleep(20_000)
                    continue
                }
                return
            }
            let client = ListeningSocket.describe(address)
            let admitted = locked { () -> Bool in
                guard !stopping, connections < configuration.maxConnections else { return false }
                connections += 1
                waiting.append((fd, client))
                pthread_cond_signal(&available)
                return true
            }
            if !admitted {
                let busy = HTTPResponse.text("Server sedang penuh. Coba lagi sebentar lagi.\n", status: .serviceUnavailable)
                let bytes = busy.serialized()
                _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Self.sendFlags | Int32(MSG_DONTWAIT)) }
                close(fd)
            }
        }
    }

    private func serveQueue() {
        while true {
            let next = locked { () -> (fd: Int32, client: String)? in
                while waiting.isEmpty && !stopping { pthread_cond_wait(&available, &mutex) }
                return waiting.isEmpty ? nil : waiting.removeFirst()
            }
            guard let next else { return }
            serve(next.fd, client: next.client)
            close(next.fd)
            locked { connections -= 1 }
        }
    }

    /// Reads one request within the deadline, answers it.
    private func serve(_ fd: Int32, client: String) {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 8192)
        let deadline = RateLimiter.monotonicSeconds() + configuration.requestTimeout
        while true {
            switch HTTPRequestParser.parse(buffer, limits: configuration.limits) {
            case .complete(let request, _):
                let response = handler(request, client)
                write(response.serialized(includeBody: request.method != "HEAD"), to: fd)
                return
            case .refused(let status):
                write(Self.refusal(status).serialized(), to: fd)
                return
            case .incomplete:
                let remaining = deadline - RateLimiter.monotonicSeconds()
                guard remaining > 0 else {
                    if !buffer.isEmpty { write(Self.refusal(.requestTimeout).serialized(), to: fd) }
                    return
                }
                var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let ready = poll(&poller, 1, Int32(min(remaining * 1000 + 1, 60_000)))
                if ready < 0 && errno == EINTR { continue }
                guard ready > 0 else { continue }
                let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return }
                buffer.append(contentsOf: chunk[0..<count])
            }
        }
    }

    /// Sends all of `bytes` or gives up at the write deadline.
    private func write(_ bytes: [UInt8], to fd: Int32) {
        let deadline = RateLimiter.monotonicSeconds() + configuration.writeTimeout
        var offset = 0
        while offset < bytes.count {
            let remaining = deadline - RateLimiter.monotonicSeconds()
            guard remaining > 0 else { return }
            var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            let ready = poll(&poller, 1, Int32(min(remaining * 1000 + 1, 60_000)))
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { continue }
            let sent = bytes.withUnsafeBytes { raw in
                send(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset, Self.sendFlags | Int32(MSG_DONTWAIT))
            }
            if sent < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            guard sent > 0 else { return }
            offset += sent
        }
    }

    /// The answer to a request the parser refused.
    static func refusal(_ status: HTTPStatus) -> HTTPResponse {
        let message: String
        switch status {
        case .requestTimeout: message = "Permintaan terlalu lama dikirim."
        case .contentTooLarge: message = "Isian terlalu besar."
        case .uriTooLong, .headerFieldsTooLarge: message = "Permintaan terlalu panjang."
        case .lengthRequired: message = "Panjang isian tidak disebutkan."
        case .notImplemented: message = "Cara pengiriman ini tidak didukung."
        case .versionNotSupported: message = "Versi HTTP tidak didukung."
        default: message = "Permintaan tidak dapat dibaca."
        }
        return .text("\(message) (\(status.rawValue))\n", status: status)
    }

    #if canImport(Glibc)
        private static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
        private static let sendFlags: Int32 = 0
    #endif
}

/// Why the server could not start.
public enum HTTPServerError: Error, Sendable, Equatable {
    /// The address is in use, not local, or not permitted (the system's reason in `errno`).
    case bind(address: String, errno: Int32)
    /// No socket could be made.
    case socket(errno: Int32)
    /// The worker threads could not be started.
    case threads
}
