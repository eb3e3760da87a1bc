import CZlib

/// Builds a ZIP archive (the Office container) in memory: entries are deflated as they are written,
/// so a large part (a sheet of 200,000 rows) never exists uncompressed in one piece.
///
/// The archive has no ZIP64 records: an entry or the whole archive past 4 GiB is refused with
/// `OfficeError.archiveTooLarge`. Names are stored as UTF-8 (flag bit 11) and must be relative
/// paths without `..` components. Every entry gets the same timestamp, so writing the same content
/// twice gives the same bytes.
///
///     let zip = ZipWriter()
///     try zip.add("mimetype", bytes: Array("text/plain".utf8), compress: false)
///     try zip.beginEntry("data.xml")
///     try zip.write("<a/>")
///     try zip.endEntry()
///     let bytes = try zip.finish()
public final class ZipWriter {
    private var output: [UInt8] = []
    private var central: [UInt8] = []
    private var entryCount = 0
    private var names: Set<String> = []
    private var open: OpenEntry?
    private var finished = false
    private let level: Int32
    private let dosTime: UInt16
    private let dosDate: UInt16

    /// An empty archive. `level` is zlib's compression level (1 fastest … 9 smallest; 6 default).
    /// `date` is the timestamp every entry gets (default 1980-01-01 00:00, the earliest ZIP allows).
    public init(level: Int32 = 6, date: ZipDate = ZipDate(year: 1980, month: 1, day: 1)) {
        self.level = max(1, min(9, level))
        self.dosTime = UInt16(truncatingIfNeeded: (date.hour << 11) | (date.minute << 5) | (date.second / 2))
        self.dosDate = UInt16(truncatingIfNeeded: ((max(date.year, 1980) - 1980) << 9) | (date.month << 5) | date.day)
    }

    deinit {
        open?.release()
    }

    /// Adds a whole entry at once.
    public func add(_ name: String, bytes: [UInt8], compress: Bool = true) throws(OfficeError) {
        try beginEntry(name, compress: compress)
        try write(bytes)
        try endEntry()
    }

    /// Adds a whole entry from text (UTF-8).
    public func add(_ name: String, text: String, compress: Bool = true) throws(OfficeError) {
        try add(name, bytes: Array(text.utf8), compress: compress)
    }

    /// Starts an entry; the bytes written until `endEntry()` are its content.
    public func beginEntry(_ name: String, compress: Bool = true) throws(OfficeError) {
        guard !finished, open == nil else { throw .writerMisuse("an entry is already open or the archive is finished") }
        try ZipEntryName.validate(name)
        guard names.insert(name).inserted else { throw .duplicateEntry(name) }
        let headerOffset = output.count
        let nameBytes = Array(name.utf8)
        // The local header, with CRC and sizes patched in by endEntry().
        output.appendLE32(0x0403_4B50)
        output.appendLE16(20)
        output.appendLE16(0x0800)
        output.appendLE16(compress ? 8 : 0)
        output.appendLE16(dosTime)
        output.appendLE16(dosDate)
        output.appendLE32(0)
        output.appendLE32(0)
        output.appendLE32(0)
        output.appendLE16(UInt16(truncatingIfNeeded: nameBytes.count))
        output.appendLE16(0)
        output.append(contentsOf: nameBytes)
        let entry = OpenEntry(name: nameBytes, headerOffset: headerOffset, dataOffset: output.count, compress: compress)
        if compress {
            guard entry.startDeflate(level: level) else {
                entry.release()
                throw .compressionFailed(name)
            }
        }
        open = entry
    }

    /// Appends bytes to the open entry.
    public func write(_ bytes: [UInt8]) throws(OfficeError) {
        guard let entry = open else { throw .writerMisuse("no entry is open") }
        try bytes.withUnsafeBufferPointer { (buffer) throws(OfficeError) in
            try append(buffer, to: entry)
        }
    }

    /// Appends text (UTF-8) to the open entry.
    public func write(_ text: String) throws(OfficeError) {
        guard let entry = open else { throw .writerMisuse("no entry is open") }
        var text = text
        // withUTF8 rethrows untyped errors; the only error thrown inside is an OfficeError.
        do {
            try text.withUTF8 { buffer in try append(buffer, to: entry) }
        } catch let error as OfficeError {
            throw error
        } catch {
            throw .writerMisuse("\(error)")
        }
    }

    /// Closes the open entry: flushes the deflate stream and records the entry in the directory.
    public func endEntry() throws(OfficeError) {
        guard let entry = open else { throw .writerMisuse("no entry is open") }
        open = nil
        defer { entry.release() }
        if entry.compress {
            try entry.deflate(nil, finish: true, into: &output)
        }
        let compressedSize = output.count - entry.dataOffset
        guard compressedSize <= Int(UInt32.max), entry.size <= UInt64(UInt32.max), output.count <= Int(UInt32.max) else {
            throw .archiveTooLarge
        }
        let crc = UInt32(truncatingIfNeeded: entry.crc)
        output.patchLE32(at: entry.headerOffset + 14, crc)
        output.patchLE32(at: entry.headerOffset + 18, UInt32(compressedSize))
        output.patchLE32(at: entry.headerOffset + 22, UInt32(entry.size))

        central.appendLE32(0x0201_4B50)
        central.appendLE16(20)
        central.appendLE16(20)
        central.appendLE16(0x0800)
        central.appendLE16(entry.compress ? 8 : 0)
        central.appendLE16(dosTime)
        central.appendLE16(dosDate)
        central.appendLE32(crc)
        central.appendLE32(UInt32(compressedSize))
        central.appendLE32(UInt32(entry.size))
        central.appendLE16(UInt16(truncatingIfNeeded: entry.name.count))
        central.appendLE16(0)
        central.appendLE16(0)
        central.appendLE16(0)
        central.appendLE16(0)
        central.appendLE32(0)
        central.appendLE32(UInt32(entry.headerOffset))
        central.append(contentsOf: entry.name)
        entryCount += 1
    }

    /// Writes the central directory and returns the archive's bytes. The writer cannot be used after.
    public func finish() throws(OfficeError) -> [UInt8] {
        guard !finished, open == nil else { throw .writerMisuse("an entry is still open or the archive is finished") }
        guard entryCount < Int(UInt16.max) else { throw .archiveTooLarge }
        finished = true
        let directoryOffset = output.count
        output.append(contentsOf: central)
        guard output.count <= Int(UInt32.max) else { throw .archiveTooLarge }
        output.appendLE32(0x0605_4B50)
        output.appendLE16(0)
        output.appendLE16(0)
        output.appendLE16(UInt16(entryCount))
        output.appendLE16(UInt16(entryCount))
        output.appendLE32(UInt32(central.count))
        output.appendLE32(UInt32(directoryOffset))
        output.appendLE16(0)
        central = []
        return output
    }

    private func append(_ buffer: UnsafeBufferPointer<UInt8>, to entry: OpenEntry) throws(OfficeError) {
        guard buffer.count > 0 else { return }
        entry.size += UInt64(buffer.count)
        var offset = 0
        // zlib's lengths are 32-bit: feed very large buffers in pieces.
        while offset < buffer.count {
            let count = min(buffer.count - offset, 1 << 30)
            let piece = UnsafeBufferPointer(rebasing: buffer[offset..<(offset + count)])
            entry.crc = crc32(entry.crc, piece.baseAddress, uInt(count))
            if entry.compress {
                try entry.deflate(piece, finish: false, into: &output)
            } else {
                output.append(contentsOf: piece)
            }
            offset += count
        }
        if output.count > Int(UInt32.max) { throw .archiveTooLarge }
    }
}

/// The timestamp stored on every entry of an archive (local time as written; ZIP has no zone).
public struct ZipDate: Sendable, Equatable {
    /// Calendar fields; `year` below 1980 is stored as 1980.
    public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

    /// A timestamp from its fields.
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }
}

/// One entry being written: its zlib stream lives at a fixed address, as zlib requires.
private final class OpenEntry {
    let name: [UInt8]
    let headerOffset: Int
    let dataOffset: Int
    let compress: Bool
    var crc: uLong = crc32(0, nil, 0)
    var size: UInt64 = 0
    private var stream: UnsafeMutablePointer<z_stream>?
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

    init(name: [UInt8], headerOffset: Int, dataOffset: Int, compress: Bool) {
        self.name = name
        self.headerOffset = headerOffset
        self.dataOffset = dataOffset
        self.compress = compress
    }

    func startDeflate(level: Int32) -> Bool {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard czlib_deflate_init_raw(stream, level) == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            return false
        }
        self.stream = stream
        return true
    }

    func deflate(_ input: UnsafeBufferPointer<UInt8>?, finish: Bool, into output: inout [UInt8]) throws(OfficeError) {
        guard let stream else { throw .compressionFailed(String(decoding: name, as: UTF8.self)) }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input?.baseAddress)
        stream.pointee.avail_in = uInt(input?.count ?? 0)
        let flush = finish ? Z_FINISH : Z_NO_FLUSH
        var status = Z_OK
        repeat {
            let produced = chunk.withUnsafeMutableBufferPointer { buffer -> Int in
                stream.pointee.next_out = buffer.baseAddress
                stream.pointee.avail_out = uInt(buffer.count)
                status = CZlib.deflate(stream, flush)
                return buffer.count - Int(stream.pointee.avail_out)
            }
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                throw .compressionFailed(String(decoding: name, as: UTF8.self))
            }
            output.append(contentsOf: chunk[0..<produced])
        } while finish ? status != Z_STREAM_END : stream.pointee.avail_out == 0
        stream.pointee.next_in = nil
    }

    func release() {
        guard let stream else { return }
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        self.stream = nil
    }
}
