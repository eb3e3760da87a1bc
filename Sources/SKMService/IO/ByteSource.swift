import SKMCore
import SKMJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file (or standard input) in large chunks, so a million-row import never holds the
/// whole file in memory.
public final class ByteSource {
    let file: UnsafeMutablePointer<FILE>
    let ownsFile: Bool
    var memory: UnsafeMutableRawPointer?
    /// The path as given, or "stdin", for messages.
    public let name: String
    let chunkSize: Int
    /// The SHA-256 of every byte read so far (an import records the file's content by it).
    public private(set) var digest = SHA256()

    /// Opens `path`; `-` means standard input. `chunkSize` is for tests of chunk boundaries.
    public init(path: String, chunkSize: Int = 1 << 20) throws {
        self.chunkSize = max(1, chunkSize)
        if path == "-" {
            guard let input = fdopen(0, "rb") else { throw SKMError(.fileError, "Masukan standar tidak dapat dibaca.") }
            file = input
            ownsFile = false
            name = "stdin"
            return
        }
        var info = stat()
        if stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            throw SKMError(.fileError, "\(path) adalah folder, bukan berkas.")
        }
        guard let opened = fopen(path, "rb") else {
            let reason = SystemErrorText.current
            throw SKMError(.fileError, "Berkas \(path) tidak dapat dibaca: \(reason).")
        }
        file = opened
        ownsFile = true
        name = path
    }

    /// Reads bytes held in memory (tests, fuzzing, data from the network).
    public init(bytes: [UInt8], name: String = "data") throws {
        let copy = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { copy.copyMemory(from: base, byteCount: bytes.count) }
        }
        guard let opened = fmemopen(copy, bytes.count, "rb") else {
            copy.deallocate()
            throw SKMError(.fileError, "Data tidak dapat dibaca.")
        }
        file = opened
        ownsFile = true
        memory = copy
        self.name = name
        chunkSize = 1 << 20
    }

    deinit {
        if ownsFile { fclose(file) }
        memory?.deallocate()
    }

    /// The next chunk, or nil at the end.
    public func read() throws -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, chunkSize, file) }
        if count == 0 {
            if ferror(file) != 0 { throw SKMError(.fileError, "Gagal membaca \(name).") }
            return nil
        }
        if count < buffer.count { buffer.removeSubrange(count...) }
        digest.update(buffer)
        return buffer
    }
}

/// Splits a byte stream into lines (LF or CRLF), for JSON Lines.
///
/// A line longer than `InputLimits.lineBytes` is never held whole: its bytes are skipped to the
/// next line feed and `next()` throws an error naming its line; the following call goes on with
/// the next line.
public struct LineSplitter {
    let source: ByteSource
    let maxLineBytes: Int
    var buffer: [UInt8] = []
    var start = 0
    /// Where the search for the next line feed resumes (bytes before it hold none).
    var searchFrom = 0
    var finished = false
    var skipping = false
    /// The number of lines returned so far (1-based number of the last one), for error messages.
    public private(set) var lineNumber = 0

    /// A splitter reading from `source`, which it does not close.
    public init(source: ByteSource, maxLineBytes: Int = InputLimits.lineBytes) {
        self.source = source
        self.maxLineBytes = maxLineBytes
    }

    /// The next line without its terminator, or nil at the end.
    public mutating func next() throws -> [UInt8]? {
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: 0x0A) {
                lineNumber += 1
                if skipping {
                    skipping = false
                    start = newline + 1
                    searchFrom = start
                    throw InputLimits.lineTooLong(lineNumber, what: "Baris JSON ini", namingLine: false)
                }
                var end = newline
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                let line = Array(buffer[start..<end])
                start = newline + 1
                searchFrom = start
                return line
            }
            searchFrom = buffer.count
            if skipping || buffer.count - start > maxLineBytes {
                skipping = true
                buffer.removeAll(keepingCapacity: true)
                start = 0
                searchFrom = 0
            }
            if finished {
                if skipping {
                    skipping = false
                    lineNumber += 1
                    throw InputLimits.lineTooLong(lineNumber, what: "Baris JSON ini", namingLine: false)
                }
                guard start < buffer.count else { return nil }
                var line = Array(buffer[start...])
                if line.last == 0x0D { line.removeLast() }
                start = buffer.count
                searchFrom = start
                lineNumber += 1
                return line
            }
            if start > 0 {
                buffer.removeSubrange(0..<start)
                searchFrom -= start
                start = 0
            }
            if let chunk = try source.read() {
                buffer.append(contentsOf: chunk)
            } else {
                finished = true
            }
        }
    }
}

/// Small text files read whole (questionnaire definitions, plans, configuration).
public enum TextFile {
    /// The largest file read whole: 16 MiB, far above any definition, so a wrong path to a data file fails fast.
    public static let sizeLimit = 16 << 20

    /// The whole file (`-` for standard input) as text, a UTF-8 byte-order mark dropped;
    /// `file_error` over `sizeLimit`, `invalid_encoding` when it is not UTF-8.
    public static func read(_ path: String) throws -> String {
        let source = try ByteSource(path: path)
        var bytes: [UInt8] = []
        while let chunk = try source.read() {
            bytes.append(contentsOf: chunk)
            if bytes.count > sizeLimit {
                throw SKMError(.fileError, "Berkas \(path) terlalu besar (lebih dari 16 MiB).")
            }
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let bad = UTF8Validation.firstInvalidOffset(bytes) {
            throw SKMError(.invalidEncoding, "Berkas \(path) bukan teks UTF-8 (byte ke-\(bad + 1)). Simpan ulang sebagai UTF-8.")
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
