#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads newline-framed messages from a file descriptor.
///
/// Lines may end in LF or CRLF. A UTF-8 byte order mark before the first line is dropped (as
/// `skm import` does; Notepad writes one). A line longer than `maxLineBytes` is never held in
/// memory: its bytes are skipped up to the next newline and it is reported as `.tooLong`, so the
/// next line is read normally.
public struct LineReader {
    public enum Line {
        case text([UInt8])
        case tooLong(bytes: Int)
    }

    let fd: Int32
    let maxLineBytes: Int
    var buffer: [UInt8]
    var start = 0
    var end = 0
    var eof = false
    var line: [UInt8] = []
    var skipping = false
    var skipped = 0
    var firstLine = true
    /// How many times the input was read so far: a line returned while this stayed the same was
    /// already waiting in the buffer when the previous line was returned.
    public private(set) var reads = 0

    public init(fd: Int32 = 0, maxLineBytes: Int, chunkSize: Int = 1 << 16) {
        self.fd = fd
        self.maxLineBytes = maxLineBytes
        buffer = [UInt8](repeating: 0, count: max(chunkSize, 1))
    }

    /// True when another whole line is already buffered, so it can be read without waiting.
    public var hasLineBuffered: Bool {
        start < end && buffer[start..<end].contains(0x0A)
    }

    /// The next line, or nil at the end of input.
    public mutating func next() -> Line? {
        while true {
            if start < end {
                let newline = buffer[start..<end].firstIndex(of: 0x0A)
                let stop = newline ?? end
                let piece = stop - start
                if skipping {
                    skipped += piece
                } else if line.count + piece > maxLineBytes {
                    skipping = true
                    skipped = line.count + piece
                    line.removeAll()
                } else {
                    line.append(contentsOf: buffer[start..<stop])
                }
                start = stop
                if newline != nil {
                    start += 1
                    return finishLine()
                }
                continue
            }
            if eof {
                if skipping || !line.isEmpty { return finishLine() }
                return nil
            }
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            reads &+= 1
            if count < 0 {
                if errno == EINTR { continue }
                eof = true
            } else if count == 0 {
                eof = true
            } else {
                start = 0
                end = count
            }
        }
    }

    mutating func finishLine() -> Line {
        defer { firstLine = false }
        if skipping {
            skipping = false
            let total = skipped
            skipped = 0
            return .tooLong(bytes: total)
        }
        var text = line
        line.removeAll(keepingCapacity: true)
        if text.last == 0x0D { text.removeLast() }
        if firstLine && text.starts(with: [0xEF, 0xBB, 0xBF]) { text.removeFirst(3) }
        return .text(text)
    }
}
