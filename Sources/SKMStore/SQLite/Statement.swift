import CSQLite

/// A prepared statement. Values are always bound, never spliced into SQL text.
final class Statement {
    let handle: OpaquePointer
    unowned let connection: SQLiteConnection

    init(handle: OpaquePointer, connection: SQLiteConnection) {
        self.handle = handle
        self.connection = connection
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Binds values to `?1`, `?2`, … in order.
    @discardableResult
    func bind(_ values: [SQLValue]) -> Statement {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (i, value) in values.enumerated() { bind(value, at: Int32(i + 1)) }
        return self
    }

    func bind(_ value: SQLValue, at index: Int32) {
        switch value {
        case .null: sqlite3_bind_null(handle, index)
        case .int(let v): sqlite3_bind_int64(handle, index, v)
        case .double(let v): sqlite3_bind_double(handle, index, v)
        case .text(let s): bind(text: s, at: index)
        }
    }

    /// Forgets the previous execution and every bound value (all parameters become NULL).
    func clear() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Runs a statement whose parameters are already bound, discarding any rows.
    func execute() throws {
        while try step() {}
        sqlite3_reset(handle)
    }

    func bind(int value: Int64, at index: Int32) {
        sqlite3_bind_int64(handle, index, value)
    }

    func bind(double value: Double, at index: Int32) {
        sqlite3_bind_double(handle, index, value)
    }

    /// Binds text, or leaves the parameter NULL after `clear()` when there is none.
    func bind(optionalText value: String?, at index: Int32) {
        if let value { bind(text: value, at: index) }
    }

    /// Binds text that stays where it is until the statement has run (no copy at all).
    func bind(staticText bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, at index: Int32) {
        guard let base = bytes.baseAddress else { return }
        let chars = UnsafeRawPointer(base + range.lowerBound).assumingMemoryBound(to: CChar.self)
        sqlite3_bind_text(handle, index, chars, Int32(range.count), nil)
    }

    /// Binds bytes as a BLOB that stays where it is until the statement has run (no copy).
    func bind(staticBlob bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, at index: Int32) {
        guard let base = bytes.baseAddress else { return }
        sqlite3_bind_blob(handle, index, base + range.lowerBound, Int32(range.count), nil)
    }

    /// Binds text straight from the string's UTF-8 storage (no C-string copy on the Swift side).
    func bind(text: String, at index: Int32) {
        var text = text
        text.withUTF8 { buffer in
            if let base = buffer.baseAddress {
                let chars = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
                sqlite3_bind_text(handle, index, chars, Int32(buffer.count), csqlite_transient())
            } else {
                sqlite3_bind_text(handle, index, "", 0, csqlite_transient())
            }
        }
    }

    /// Advances; true while there is a row.
    func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let message = connection.lastErrorMessage
            sqlite3_reset(handle)
            throw connection.error(code: rc, message: message)
        }
    }

    /// Runs a statement that returns no rows.
    func run(_ values: [SQLValue] = []) throws {
        bind(values)
        while try step() {}
        sqlite3_reset(handle)
    }

    /// Runs a query and maps every row.
    func rows<T>(_ values: [SQLValue] = [], _ map: (Statement) throws -> T) throws -> [T] {
        bind(values)
        var result: [T] = []
        while try step() { result.append(try map(self)) }
        sqlite3_reset(handle)
        return result
    }

    /// Runs a query and maps the first row, if any.
    func first<T>(_ values: [SQLValue] = [], _ map: (Statement) throws -> T) throws -> T? {
        bind(values)
        defer { sqlite3_reset(handle) }
        return try step() ? try map(self) : nil
    }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func text(_ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(handle, column) else { return "" }
        return String(cString: pointer)
    }

    func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }

    /// The column's text as bytes, valid until the next step (no string is built).
    func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let pointer = sqlite3_column_text(handle, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, column)))
    }

    /// The column's bytes as stored (a BLOB), valid until the next step.
    func blob(_ column: Int32) -> UnsafeRawBufferPointer {
        let pointer = sqlite3_column_blob(handle, column)
        return UnsafeRawBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, column)))
    }

    func optionalInt(_ column: Int32) -> Int? { isNull(column) ? nil : int(column) }

    func optionalDouble(_ column: Int32) -> Double? { isNull(column) ? nil : double(column) }

    /// The column's value with its storage class (a BLOB is read as text).
    func value(_ column: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL: .null
        case SQLITE_INTEGER: .int(int64(column))
        case SQLITE_FLOAT: .double(double(column))
        default: .text(text(column))
        }
    }
}

/// A value bound to a statement parameter.
enum SQLValue {
    case null
    case int(Int64)
    case double(Double)
    case text(String)

    static func integer(_ v: Int) -> SQLValue { .int(Int64(v)) }
    static func optional(_ s: String?) -> SQLValue { s.map { .text($0) } ?? .null }
    static func optional(_ v: Int?) -> SQLValue { v.map { .int(Int64($0)) } ?? .null }
    static func optional(_ v: Double?) -> SQLValue { v.map { .double($0) } ?? .null }
}
