import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Raw HTTP over a loopback socket, for requests no well-behaved client would send (used by the
/// server tests in SKMWebTests and the binary's tests in EndToEndTests).
public enum TestClient {
    /// The connection was refused.
    public struct Failure: Error {
        /// A failure (the tests throw it too when a server gives no usable answer).
        public init() {}
    }

    /// A socket connected to 127.0.0.1:`port`.
    public static func connect(port: UInt16) throws -> Int32 {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            throw Failure()
        }
        return fd
    }

    /// Sends `text` as it is (no framing added).
    public static func send(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Everything the server sends until it closes.
    public static func readAll(_ fd: Int32) -> String {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            result += chunk[0..<count]
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Connects, sends `text`, and returns the whole answer.
    public static func exchange(port: UInt16, _ text: String) throws -> String {
        let fd = try connect(port: port)
        defer { close(fd) }
        send(fd, text)
        return readAll(fd)
    }
}
