import SKMCore
import SKMJSON

/// One CSV record: the unquoted bytes of every field, in one reused buffer.
///
/// A million-row import reads every row into the same storage, so reading allocates nothing
/// per row; ask for a field's bytes or text only when you need it.
public struct CSVRecord {
    /// The line the record starts on (1-based; quoted line breaks count).
    public internal(set) var line = 0
    var bytes: [UInt8] = []
    var ends: [Int] = []

    /// The number of fields in the record.
    public var count: Int { ends.count }

    func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    /// The field's bytes (empty past the end of the record).
    public func field(_ index: Int) -> ArraySlice<UInt8> {
        index < ends.count ? bytes[range(index)] : []
    }

    /// The field as text (the reader has checked it is UTF-8).
    public func string(_ index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }

    /// True when every field is empty or spaces (Excel writes such rows after the data).
    public var isBlank: Bool { bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 } }

    mutating func reset(line: Int) {
        self.line = line
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }
}

/// An RFC 4180 reader that also takes what Indonesian Excel writes: `;` separators (detected
/// from the header line), a UTF-8 byte-order mark, CRLF or LF line ends, quoted fields with
/// embedded separators, quotes and line breaks.
public struct CSVReader {
    let source: ByteSource
    var buffer: [UInt8] = []
    var position = 0
    var finished = false
    var line = 1
    var started = false
    /// `;` when the header line has more semicolons than commas, else `,`; fixed after the first record.
    public private(set) var separator: UInt8 = UInt8(ascii: ",")
    /// The current record, valid until the next call to `next()`.
    public private(set) var record = CSVRecord()

    /// A reader of `source` from its current position.
    public init(source: ByteSource) {
        self.source = source
    }

    /// Appends the next chunk; false at the end of the input.
    mutating func fill() throws -> Bool {
        if finished { return false }
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        guard let chunk = try source.read() else {
            finished = true
            return false
        }
        buffer.append(contentsOf: chunk)
        return true
    }

    /// Buffers the first line (or everything), skips a byte-order mark and detects the separator.
    mutating func start() throws {
        started = true
        // The first line decides the separator; a first line past the limit is refused when read.
        var searched = 0
        while !finished && buffer.count <= InputLimits.lineBytes && !buffer[searched...].contains(0x0A) {
            searched = buffer.count
            _ = try fill()
        }
        if buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { position = 3 }
        var commas = 0
        var semicolons = 0
        var inQuotes = false
        for b in buffer[position...] {
            if b == 0x22 { inQuotes.toggle() }
            if inQuotes { continue }
            if b == 0x0A { break }
            if b == UInt8(ascii: ",") { commas += 1 }
            if b == UInt8(ascii: ";") { semicolons += 1 }
        }
        separator = semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// Reads the next record into `record`; false at the end. Empty lines are skipped.
    public mutating func next() throws -> Bool {
        if !started { try start() }
        while true {
            guard try readRecord() else { return false }
            if record.count == 1 && record.bytes.isEmpty { continue }
            return true
        }
    }

    /// The parser's state across buffer refills, while one record is being read.
    struct RecordState {
        var inQuotes = false
        var quotedField = false
        var fieldStart = true
        /// A quote was just seen inside quotes: either the end of the field or the first of `""`.
        var pendingQuote = false
        /// A carriage return was just seen: a following line feed belongs to it.
        var pendingCR = false
    }

    enum ScanStep {
        case needMore
        /// Spaces run to the end of the buffer: more input decides whether a quote follows.
        case needLookahead
        case endOfRecord
        case textAfterQuote(line: Int)
    }

    mutating func readRecord() throws -> Bool {
        if position >= buffer.count {
            guard try fill(), position < buffer.count else { return false }
        }
        record.reset(line: line)
        var state = RecordState()
        while true {
            if position >= buffer.count {
                guard try fill(), position < buffer.count else {
                    if state.pendingCR { return true }
                    if state.inQuotes && !state.pendingQuote {
                        throw SKMError(
                            .csvMalformed,
                            "Baris \(record.line): tanda kutip (\") dibuka tetapi tidak ditutup sampai akhir berkas.",
                            details: ["row": .int(record.line)])
                    }
                    record.ends.append(record.bytes.count)
                    return true
                }
            }
            let step = scan(&state)
            if record.bytes.count > InputLimits.lineBytes {
                throw InputLimits.lineTooLong(record.line, what: "satu baris CSV")
            }
            if record.ends.count > InputLimits.columns {
                throw SKMError(
                    .csvMalformed,
                    "Baris \(record.line): lebih dari \(InputLimits.columns) kolom. Batas satu baris \(InputLimits.columns) kolom.",
                    details: ["row": .int(record.line), "limitColumns": .int(InputLimits.columns)])
            }
            switch step {
            case .needMore: continue
            case .needLookahead:
                if try !fill() {
                    // The input ends in spaces: they are the field's text.
                    record.bytes.append(contentsOf: buffer[position...])
                    position = buffer.count
                    state.fieldStart = false
                }
            case .endOfRecord: return true
            case .textAfterQuote(let at):
                throw SKMError(
                    .csvMalformed,
                    "Baris \(at): ada teks sesudah tanda kutip penutup; kutip seluruh isi sel, dan tulis kutip di dalamnya sebagai \"\".",
                    details: ["row": .int(at)])
            }
        }
    }

    /// Consumes buffered bytes until the record ends or the buffer runs out.
    mutating func scan(_ state: inout RecordState) -> ScanStep {
        let separator = self.separator
        var i = position
        var out = record.bytes
        var ends = record.ends
        var line = self.line
        record.bytes = []
        record.ends = []
        defer {
            record.bytes = out
            record.ends = ends
            self.line = line
            position = i
        }
        return buffer.withUnsafeBufferPointer { bytes -> ScanStep in
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if state.pendingCR {
                    state.pendingCR = false
                    if b == 0x0A { i += 1 }
                    return .endOfRecord
                }
                if state.inQuotes {
                    if state.pendingQuote {
                        state.pendingQuote = false
                        if b == 0x22 {
                            out.append(0x22)
                            i += 1
                            continue
                        }
                        state.inQuotes = false
                        continue
                    }
                    if b == 0x22 {
                        state.pendingQuote = true
                    } else {
                        if b == 0x0A { line += 1 }
                        out.append(b)
                    }
                    i += 1
                    continue
                }
                if b == separator {
                    ends.append(out.count)
                    state.quotedField = false
                    state.fieldStart = true
                    i += 1
                } else if b == 0x0A || b == 0x0D {
                    line += 1
                    ends.append(out.count)
                    i += 1
                    if b == 0x0D {
                        state.pendingCR = true
                        continue
                    }
                    return .endOfRecord
                } else if b == 0x22 && state.fieldStart {
                    state.inQuotes = true
                    state.quotedField = true
                    state.fieldStart = false
                    i += 1
                } else if state.quotedField {
                    if b != 0x20 { return .textAfterQuote(line: line) }
                    i += 1
                } else if b == 0x20 && state.fieldStart {
                    var j = i
                    while j < n && bytes[j] == 0x20 { j += 1 }
                    if j == n { return .needLookahead }
                    if bytes[j] == 0x22 {
                        i = j
                    } else {
                        out.append(b)
                        state.fieldStart = false
                        i += 1
                    }
                } else {
                    // A plain field: copy up to the next special byte in one go.
                    var j = i + 1
                    while j < n {
                        let c = bytes[j]
                        if c == separator || c == 0x0A || c == 0x0D || c == 0x22 { break }
                        j += 1
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                    state.fieldStart = false
                    i = j
                }
            }
            return .needMore
        }
    }
}
