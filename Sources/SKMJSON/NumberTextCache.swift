/// The shortest round-trip texts of recently written doubles, in a fixed table owned by one
/// writer (no lock, no hashing of keys into a dictionary, no allocation after the first use).
///
/// A long-lived writer (the RPC server's output) writes the same weights, NRRs and IKM values
/// over and over; formatting a double costs far more than finding its text here. Direct-mapped:
/// a new value simply replaces the one in its slot. Disabled (every call formats) when created
/// with `slots: 0`.
struct NumberTextCache: ~Copyable {
    /// The longest shortest-round-trip text of a double (`-2.2250738585072014e-308`) is 24 bytes.
    static let textBytes = 24
    private let slotCount: Int
    /// Slot of a value: the top bits of its bit pattern times a large odd constant (the top bits
    /// depend on every bit of the pattern, the exponent included; the low ones do not).
    private let shift: UInt64
    private let keys: UnsafeMutablePointer<UInt64>?
    private let lengths: UnsafeMutablePointer<UInt8>?
    private let texts: UnsafeMutablePointer<UInt8>?

    /// `slots` must be 0 (no cache) or a power of two.
    init(slots: Int) {
        slotCount = slots
        shift = UInt64(64 - max(slots, 1).trailingZeroBitCount)
        guard slots > 0 else {
            keys = nil
            lengths = nil
            texts = nil
            return
        }
        keys = .allocate(capacity: slots)
        lengths = .allocate(capacity: slots)
        lengths?.initialize(repeating: 0, count: slots)
        texts = .allocate(capacity: slots * Self.textBytes)
    }

    deinit {
        keys?.deallocate()
        lengths?.deallocate()
        texts?.deallocate()
    }

    var isEnabled: Bool { slotCount > 0 }

    /// Appends the text of `value` (finite, not a whole number written as an integer) to `buffer`.
    func append(_ value: Double, to buffer: inout ByteBuffer) {
        guard let keys, let lengths, let texts else {
            var text = value.description
            text.withUTF8 { buffer.append($0) }
            return
        }
        let bits = value.bitPattern
        let slot = Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) >> shift) & (slotCount - 1)
        let text = texts + slot * Self.textBytes
        let length = Int(lengths[slot])
        if length > 0 && keys[slot] == bits {
            buffer.appendShort(text, length: length)
            return
        }
        var made = value.description
        made.withUTF8 { utf8 in
            buffer.append(utf8)
            guard utf8.count <= Self.textBytes, let source = utf8.baseAddress else { return }
            text.update(from: source, count: utf8.count)
            keys[slot] = bits
            lengths[slot] = UInt8(utf8.count)
        }
    }
}
