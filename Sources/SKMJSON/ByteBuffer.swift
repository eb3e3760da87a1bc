/// A growable run of bytes on memory it owns: appending is a capacity check and a copy, with
/// none of the copy-on-write checks of `[UInt8]` (there is never a second owner to check for).
///
/// Noncopyable, so the memory has exactly one owner and is freed with it. Sizes only grow by the
/// size of bytes already in memory, and the growth arithmetic is overflow-checked without
/// trapping: a size that cannot be represented is clamped, and the allocation of it fails.
public struct ByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    /// How many bytes have been written.
    public private(set) var count = 0
    private var capacity: Int

    /// An empty buffer with room for `capacity` bytes before it first grows.
    public init(capacity: Int = 1024) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    public var isEmpty: Bool { count == 0 }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        let (needed, overflow) = count.addingReportingOverflow(extra)
        if overflow || needed > capacity { grow(to: overflow ? Int.max : needed) }
    }

    @inline(never)
    private mutating func grow(to needed: Int) {
        let (doubled, overflow) = capacity.multipliedReportingOverflow(by: 2)
        let newCapacity = overflow ? needed : max(doubled, needed)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }

    /// Appends one byte.
    @inline(__always)
    public mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Appends the bytes at `bytes`.
    @inline(__always)
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        UnsafeMutableRawPointer(base + count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
    }

    /// Appends the bytes at `bytes`.
    @inline(__always)
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        append(UnsafeRawBufferPointer(bytes))
    }

    /// Appends one byte where `reserve` already made room.
    @inline(__always)
    mutating func appendReserved(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    /// Appends bytes where `reserve` already made room.
    @inline(__always)
    mutating func appendReserved(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress else { return }
        UnsafeMutableRawPointer(base + count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
    }

    /// Appends `"name":`, after a comma when `comma`: a member name in one capacity check,
    /// copied byte by byte (names are a few bytes: cheaper than a call to `memcpy`).
    @inline(__always)
    mutating func appendKey(_ name: UnsafePointer<UInt8>, count n: Int, comma: Bool) {
        reserve(n + 4)
        var p = base + count
        if comma {
            p.pointee = UInt8(ascii: ",")
            p += 1
        }
        p.pointee = UInt8(ascii: "\"")
        p += 1
        for i in 0..<n { p[i] = name[i] }
        p += n
        p[0] = UInt8(ascii: "\"")
        p[1] = UInt8(ascii: ":")
        count = p - base + 2
    }

    /// Appends the first `length` (≤ 24) of the 24 bytes at `text` with three word copies.
    @inline(__always)
    mutating func appendShort(_ text: UnsafeRawPointer, length: Int) {
        reserve(24)
        let p = UnsafeMutableRawPointer(base + count)
        p.storeBytes(of: text.loadUnaligned(as: UInt64.self), as: UInt64.self)
        p.storeBytes(of: text.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
        p.storeBytes(of: text.loadUnaligned(fromByteOffset: 16, as: UInt64.self), toByteOffset: 16, as: UInt64.self)
        count += min(max(length, 0), 24)
    }

    /// Appends the bytes of `array`.
    public mutating func append(contentsOf array: [UInt8]) {
        array.withUnsafeBytes { append($0) }
    }

    /// Appends the UTF-8 text of a literal known when skm is built.
    @inline(__always)
    public mutating func append(_ text: StaticString) {
        append(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Forgets every byte from `newCount` on (a partial answer that turned into an error).
    public mutating func truncate(to newCount: Int) {
        count = min(max(newCount, 0), count)
    }

    /// Forgets every byte, keeping the memory.
    public mutating func removeAll() { count = 0 }

    /// The bytes written so far.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// The bytes written so far, copied into an array.
    public var array: [UInt8] {
        [UInt8](UnsafeBufferPointer(start: base, count: count))
    }
}
