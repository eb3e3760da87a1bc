import SKMCore

/// One CSV record: the raw bytes of each field (quotes removed) and the line it started on.
public struct CSVRecord {
    public let line: Int
    public let fields: [[UInt8]]

    public func string(_ index: Int) -> String? {
        guard index < fields.count else { return nil }
        return String(decoding: fields[index], as: UTF8.self)
    }

    public var isBlank: Bool { fields.allSatisfy { $0.allSatisfy { $0 == 0x20 || $0 == 0x09 } } }
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
    public private(set) var separator: UInt8 = UInt8(ascii: ",")

    public init(source: ByteSource) {
        self.source = source
    }

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

    /// Ensures at least one complete line is buffered (or the end reached), then detects the
    /// separator from it.
    mutating func start() throws {
        started = true
        while !finished && !buffer[position...].contains(0x0A) { _ = try fill() }
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

    /// The next record, or nil at the end. Blank lines are skipped.
    public mutating func next() throws -> CSVRecord? {
        if !started { try start() }
        while true {
            guard let record = try readRecord() else { return nil }
            if record.fields.count == 1 && record.fields[0].isEmpty { continue }
            return record
        }
    }

    mutating func peekByte() throws -> UInt8? {
        if position >= buffer.count {
            guard try fill(), position < buffer.count else { return nil }
        }
        return buffer[position]
    }

    mutating func readRecord() throws -> CSVRecord? {
        guard try peekByte() != nil else { return nil }
        let startLine = line
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        field.reserveCapacity(16)
        var inQuotes = false
        var wasQuoted = false
        while true {
            guard let b = try peekByte() else {
                if inQuotes {
                    throw SKMError(
                        .csvMalformed, "Baris \(startLine): tanda kutip (\") dibuka tetapi tidak ditutup sampai akhir berkas.",
                        details: ["row": .int(startLine)])
                }
                fields.append(field)
                return CSVRecord(line: startLine, fields: fields)
            }
            position += 1
            if inQuotes {
                if b == 0x22 {
                    if try peekByte() == 0x22 {
                        position += 1
                        field.append(0x22)
                    } else {
                        inQuotes = false
                    }
                } else {
                    if b == 0x0A { line += 1 }
                    field.append(b)
                }
                continue
            }
            switch b {
            case separator:
                fields.append(field)
                field = []
                wasQuoted = false
            case 0x0D:
                if try peekByte() == 0x0A { position += 1 }
                line += 1
                fields.append(field)
                return CSVRecord(line: startLine, fields: fields)
            case 0x0A:
                line += 1
                fields.append(field)
                return CSVRecord(line: startLine, fields: fields)
            case 0x22 where field.allSatisfy({ $0 == 0x20 }) && !wasQuoted:
                field = []
                inQuotes = true
                wasQuoted = true
            default:
                if wasQuoted && b != 0x20 {
                    throw SKMError(
                        .csvMalformed,
                        "Baris \(line): ada teks sesudah tanda kutip penutup; kutip seluruh isi sel, dan tulis kutip di dalamnya sebagai \"\".",
                        details: ["row": .int(line)])
                }
                if !wasQuoted { field.append(b) }
            }
        }
    }
}
