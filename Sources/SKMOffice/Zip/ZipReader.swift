import CZlib

/// The limits a `ZipReader` enforces while it reads, whatever the archive declares.
public struct ZipLimits: Sendable {
    /// The most bytes one entry may expand to (default 512 MiB).
    public var entryBytes: Int
    /// The most bytes all entries read from one archive may expand to together (default 1 GiB).
    public var archiveBytes: Int
    /// The highest expansion ratio (uncompressed / compressed) allowed once an entry has produced
    /// `ratioFloor` bytes: real sheets compress 5–50 times, a zip bomb a thousand times.
    public var ratio: Int
    /// Output below this many bytes is never refused for its ratio (small parts compress oddly).
    public var ratioFloor: Int
    /// The most entries an archive may list.
    public var entries: Int

    /// The limits for Office files.
    public init(
        entryBytes: Int = 512 << 20, archiveBytes: Int = 1 << 30, ratio: Int = 200, ratioFloor: Int = 16 << 20,
        entries: Int = 10_000
    ) {
        self.entryBytes = entryBytes
        self.archiveBytes = archiveBytes
        self.ratio = ratio
        self.ratioFloor = ratioFloor
        self.entries = entries
    }
}

/// One entry of an archive's central directory.
public struct ZipEntry: Sendable, Equatable {
    /// The entry's path inside the archive (checked by `ZipEntryName`).
    public let name: String
    /// 0 stored, 8 deflate (anything else is refused when read).
    public let method: UInt16
    /// The CRC-32 the directory records; checked against the bytes read.
    public let crc: UInt32
    /// The compressed size the directory records; reading never goes past it.
    public let compressedSize: Int
    /// The size the directory declares; only compared with what was actually read.
    public let declaredSize: Int
    let localHeaderOffset: Int
}

/// Reads a ZIP archive (the Office container) held in memory. The central directory is read
/// first; entries are inflated in chunks on demand, with every limit of `ZipLimits` checked as
/// bytes come out, never trusting declared sizes. ZIP64 archives, encrypted entries and methods
/// other than stored/deflate are refused; so are unsafe names (`../x`) and duplicates.
public final class ZipReader {
    let bytes: [UInt8]
    /// The archive's entries in directory order.
    public let entries: [ZipEntry]
    /// The limits this reader enforces.
    public let limits: ZipLimits
    var archiveProduced = 0

    /// Reads the central directory of `bytes`.
    public init(bytes: [UInt8], limits: ZipLimits = ZipLimits()) throws(OfficeError) {
        self.bytes = bytes
        self.limits = limits
        entries = try Self.directory(bytes, limits: limits)
    }

    /// The entry called `name`, if the archive has one.
    public func entry(named name: String) -> ZipEntry? {
        entries.first { $0.name == name }
    }

    /// The whole content of an entry (use `open` for large ones).
    public func read(_ entry: ZipEntry) throws(OfficeError) -> [UInt8] {
        let stream = try open(entry)
        var out: [UInt8] = []
        while let chunk = try stream.next() { out.append(contentsOf: chunk) }
        return out
    }

    /// A stream of the entry's content in chunks of at most 64 KiB.
    public func open(_ entry: ZipEntry) throws(OfficeError) -> ZipEntryStream {
        let data = try dataRange(entry)
        return try ZipEntryStream(reader: self, entry: entry, data: data)
    }

    func dataRange(_ entry: ZipEntry) throws(OfficeError) -> Range<Int> {
        let at = entry.localHeaderOffset
        guard at >= 0, at <= bytes.count - 30 else { throw .truncated }
        guard bytes.le32(at) == 0x0403_4B50 else { throw .corrupt(entry.name) }
        let start = at + 30 + Int(bytes.le16(at + 26)) + Int(bytes.le16(at + 28))
        guard start <= bytes.count, entry.compressedSize <= bytes.count - start else { throw .truncated }
        return start..<(start + entry.compressedSize)
    }

    static func directory(_ bytes: [UInt8], limits: ZipLimits) throws(OfficeError) -> [ZipEntry] {
        guard bytes.count >= 22 else { throw bytes.starts(with: [0x50, 0x4B]) ? .truncated : .notAnArchive }
        // The end record is within the last 22 + 65,535 bytes (its comment is at most 65,535).
        var eocd = -1
        var at = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        while at >= lowest {
            if bytes[at] == 0x50 && bytes.le32(at) == 0x0605_4B50 && at + 22 + Int(bytes.le16(at + 20)) <= bytes.count {
                eocd = at
                break
            }
            at -= 1
        }
        guard eocd >= 0 else { throw bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? .truncated : .notAnArchive }
        if eocd >= 20 && bytes.le32(eocd - 20) == 0x0706_4B50 { throw .zip64 }
        let count = Int(bytes.le16(eocd + 10))
        let size = Int(bytes.le32(eocd + 12))
        let offset = Int(bytes.le32(eocd + 16))
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF { throw .zip64 }
        guard Int(bytes.le16(eocd + 4)) == 0, Int(bytes.le16(eocd + 6)) == 0 else { throw .multiDisk }
        guard count <= limits.entries else { throw .tooManyEntries(count) }
        guard offset <= eocd, size <= eocd - offset else { throw .truncated }
        var entries: [ZipEntry] = []
        var names = Set<String>()
        var p = offset
        for _ in 0..<count {
            guard p <= eocd - 46, bytes.le32(p) == 0x0201_4B50 else { throw .truncated }
            let flags = bytes.le16(p + 8)
            let method = bytes.le16(p + 10)
            let nameLength = Int(bytes.le16(p + 28))
            let extraLength = Int(bytes.le16(p + 30))
            let commentLength = Int(bytes.le16(p + 32))
            let next = p + 46 + nameLength + extraLength + commentLength
            guard next <= eocd else { throw .truncated }
            let name = String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            let compressed = bytes.le32(p + 20)
            let declared = bytes.le32(p + 24)
            let local = bytes.le32(p + 42)
            if compressed == 0xFFFF_FFFF || declared == 0xFFFF_FFFF || local == 0xFFFF_FFFF { throw .zip64 }
            if flags & 0x0001 != 0 || flags & 0x0040 != 0 { throw .encrypted(name) }
            // Folders ("xl/") are listed by some writers; they hold nothing.
            if !name.hasSuffix("/") {
                try ZipEntryName.validate(name)
                guard names.insert(name).inserted else { throw .duplicateEntry(name) }
                entries.append(
                    ZipEntry(
                        name: name, method: method, crc: bytes.le32(p + 16), compressedSize: Int(compressed),
                        declaredSize: Int(declared), localHeaderOffset: Int(local)))
            }
            p = next
        }
        return entries
    }
}

/// The content of one entry, inflated chunk by chunk; limits are checked on every chunk.
public final class ZipEntryStream {
    let reader: ZipReader
    let entry: ZipEntry
    let data: Range<Int>
    var consumed = 0
    var produced = 0
    var crc: uLong = crc32(0, nil, 0)
    var done = false
    private var stream: UnsafeMutablePointer<z_stream>?
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

    init(reader: ZipReader, entry: ZipEntry, data: Range<Int>) throws(OfficeError) {
        self.reader = reader
        self.entry = entry
        self.data = data
        switch entry.method {
        case 0: break
        case 8:
            let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            stream.initialize(to: z_stream())
            guard czlib_inflate_init_raw(stream) == Z_OK else {
                stream.deinitialize(count: 1)
                stream.deallocate()
                throw .corrupt(entry.name)
            }
            self.stream = stream
        default:
            throw .unsupportedCompression(entry.name)
        }
    }

    deinit {
        release()
    }

    /// The next chunk of content, or nil at its end (after the CRC and size were checked).
    public func next() throws(OfficeError) -> [UInt8]? {
        if done { return nil }
        var piece: [UInt8]
        if let stream {
            piece = try inflateChunk(stream)
        } else {
            let count = min(1 << 16, data.count - consumed)
            piece = Array(reader.bytes[(data.lowerBound + consumed)..<(data.lowerBound + consumed + count)])
            consumed += count
            if consumed == data.count { done = true }
        }
        try account(piece.count)
        if !piece.isEmpty {
            crc = piece.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
        }
        if done {
            release()
            guard UInt32(truncatingIfNeeded: crc) == entry.crc, produced == entry.declaredSize else {
                throw .corrupt(entry.name)
            }
            if piece.isEmpty { return nil }
        }
        return piece
    }

    private func account(_ count: Int) throws(OfficeError) {
        produced += count
        reader.archiveProduced += count
        let limits = reader.limits
        guard produced <= limits.entryBytes, reader.archiveProduced <= limits.archiveBytes else {
            release()
            throw .entryTooLarge(entry.name)
        }
        if produced >= limits.ratioFloor && produced / max(consumed, 1) > limits.ratio {
            release()
            throw .entryTooLarge(entry.name)
        }
    }

    private func inflateChunk(_ stream: UnsafeMutablePointer<z_stream>) throws(OfficeError) -> [UInt8] {
        var status = Z_OK
        var produced = 0
        let base = data.lowerBound
        reader.bytes.withUnsafeBufferPointer { input in
            let available = data.count - consumed
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress.map { $0 + base + consumed })
            stream.pointee.avail_in = uInt(min(available, 1 << 20))
            let before = Int(stream.pointee.avail_in)
            chunk.withUnsafeMutableBufferPointer { out in
                stream.pointee.next_out = out.baseAddress
                stream.pointee.avail_out = uInt(out.count)
                status = inflate(stream, Z_NO_FLUSH)
                produced = out.count - Int(stream.pointee.avail_out)
            }
            consumed += before - Int(stream.pointee.avail_in)
            stream.pointee.next_in = nil
        }
        switch status {
        case Z_STREAM_END:
            done = true
        case Z_OK:
            break
        case Z_BUF_ERROR where produced > 0:
            break
        case Z_BUF_ERROR:
            // No progress: the compressed data ended before the deflate stream did.
            release()
            throw consumed >= data.count ? .truncated : .corrupt(entry.name)
        default:
            release()
            throw .corrupt(entry.name)
        }
        return Array(chunk[0..<produced])
    }

    private func release() {
        guard let stream else { return }
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        self.stream = nil
    }
}

extension Array where Element == UInt8 {
    func le16(_ at: Int) -> UInt16 {
        UInt16(self[at]) | UInt16(self[at + 1]) << 8
    }

    func le32(_ at: Int) -> UInt32 {
        UInt32(self[at]) | UInt32(self[at + 1]) << 8 | UInt32(self[at + 2]) << 16 | UInt32(self[at + 3]) << 24
    }
}
