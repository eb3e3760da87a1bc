#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An address to listen on: IPv4 `A.B.C.D:PORT` or IPv6 `[ADDR]:PORT`; port 0 asks the system
/// for a free one.
public struct SocketAddress: Sendable, Equatable, CustomStringConvertible {
    /// The host part as written (without brackets).
    public let host: String
    /// The port (0…65535).
    public let port: UInt16
    /// Whether the host is an IPv6 address.
    public let isIPv6: Bool

    /// Loopback, port 8080: only this computer can open the pages.
    public static let defaultListen = SocketAddress(host: "127.0.0.1", port: 8080, isIPv6: false)

    /// Parses `HOST:PORT`; nil when either part is not valid.
    public init?(parsing text: String) {
        let hostPart: Substring
        let portPart: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else { return nil }
            hostPart = text[text.index(after: text.startIndex)..<close]
            portPart = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            hostPart = text[..<colon]
            portPart = text[text.index(after: colon)...]
        }
        guard !portPart.isEmpty, portPart.count <= 5, portPart.allSatisfy(\.isASCII), let port = UInt16(portPart) else {
            return nil
        }
        let host = String(hostPart)
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, host, &v4) == 1 {
            self.init(host: host, port: port, isIPv6: false)
        } else if inet_pton(AF_INET6, host, &v6) == 1 {
            self.init(host: host, port: port, isIPv6: true)
        } else {
            return nil
        }
    }

    init(host: String, port: UInt16, isIPv6: Bool) {
        self.host = host
        self.port = port
        self.isIPv6 = isIPv6
    }

    /// Whether only this computer can connect (127.0.0.0/8 or ::1).
    public var isLoopback: Bool { isIPv6 ? host == "::1" : host.hasPrefix("127.") }

    /// Whether every interface is meant (0.0.0.0 or ::).
    public var isWildcard: Bool { host == "0.0.0.0" || host == "::" }

    /// `HOST:PORT`, with brackets around an IPv6 host.
    public var description: String { isIPv6 ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
