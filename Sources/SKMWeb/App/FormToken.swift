import SKMService

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one-time token a form carries: a random nonce, the time it was issued and an HMAC-SHA256
/// (with a secret only this server process knows) over nonce, unit, service and issue time. A
/// posted form is accepted only with a token this server issued for that very form (CSRF
/// defence: another site cannot make one), and the nonce becomes the response's client id, so
/// the same form posted twice (back button, double tap, reload) is stored once.
public struct FormTokens: Sendable {
    private let secret: [UInt8]
    /// How long a form stays valid after it was issued, in seconds.
    public let lifetime: Int

    /// Tokens signed with `secret` (random when nil: tokens die with the process).
    public init(secret: [UInt8]? = nil, lifetime: Int = 12 * 3600) {
        if let secret {
            self.secret = secret
        } else {
            var generator = SystemRandomNumberGenerator()
            self.secret = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        }
        self.lifetime = lifetime
    }

    /// A new token for the form of `unit`/`service`, issued at `now` (Unix seconds).
    public func issue(unit: String, service: String, now: Int = Self.now()) -> String {
        var generator = SystemRandomNumberGenerator()
        let nonce = Self.hex((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
        return "\(nonce).\(now).\(mac(nonce: nonce, issued: now, unit: unit, service: service))"
    }

    /// The client id for a token issued for this form and still valid at `now`; nil for a forged,
    /// altered, expired or foreign token.
    public func clientID(for token: String, unit: String, service: String, now: Int = Self.now()) -> String? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].utf8.count == 32, parts[0].utf8.allSatisfy(Self.isHexDigit),
            parts[1].utf8.count <= 12, let issued = Int(parts[1]), issued >= 0
        else { return nil }
        let nonce = String(parts[0])
        let expected = mac(nonce: nonce, issued: issued, unit: unit, service: service)
        guard Self.constantTimeEqual(Array(expected.utf8), Array(parts[2].utf8)) else { return nil }
        guard issued <= now + 300, now - issued <= lifetime else { return nil }
        return "web-\(nonce)"
    }

    private func mac(nonce: String, issued: Int, unit: String, service: String) -> String {
        // Fields joined by NUL, which none of them can contain: no two forms sign the same bytes.
        let message = Array("skm-form\u{0}\(nonce)\u{0}\(unit)\u{0}\(service)\u{0}\(issued)".utf8)
        return Self.hex(Self.hmac(key: secret, message: message))
    }

    /// HMAC-SHA256 (RFC 2104) over SKMService's SHA-256.
    static func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var block = key
        if block.count > 64 {
            var hash = SHA256()
            hash.update(block)
            block = hash.finalize()
        }
        block += [UInt8](repeating: 0, count: 64 - block.count)
        var inner = SHA256()
        inner.update(block.map { $0 ^ 0x36 })
        inner.update(message)
        var outer = SHA256()
        outer.update(block.map { $0 ^ 0x5c })
        outer.update(inner.finalize())
        return outer.finalize()
    }

    /// Bytes as lower-case hexadecimal.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
    }

    private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte)
    }

    /// Seconds since the Unix epoch.
    public static func now() -> Int { Int(time(nil)) }
}
