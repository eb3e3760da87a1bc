import CSQLite
import SKMCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SQL functions skm registers on each of its connections, so aggregate rows are added inside
/// SQLite with checked arithmetic (SQLite's own `+` turns an overflowing integer into a REAL):
///
/// - `skm_add(a, b)`: integer `a + b`; an error on overflow or a value that is not an integer.
/// - `skm_unsur_add(a, b)`: two `UnsurBlob` rows added slot by slot; an error when either is
///   malformed or a sum overflows.
/// - `skm_unsur_tally(answers)`, aggregate: the `UnsurBlob` of stored answer strings (one digit per
///   unsur, '-' blank) — the recount from the responses.
/// - `skm_unsur_pack(unsur, answered, total, total_sq)`, aggregate: the `UnsurBlob` of schema-4
///   `daily_unsur` rows (migration 6); rows with an unsur index outside 0..<1000 are left out, as
///   schema 4's reader left them out.
///
/// Their errors carry `overflowMarker`, which the store turns into `aggregate_corrupt`.
enum AggregateFunctions {
    static let overflowMarker = "skm: aggregate overflow"

    static func register(on db: OpaquePointer) {
        let flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC
        sqlite3_create_function_v2(
            db, "skm_add", 2, flags, nil,
            { context, _, arguments in
                guard let context else { return }
                guard let a = AggregateFunctions.argument(arguments, 0), let b = AggregateFunctions.argument(arguments, 1),
                    sqlite3_value_type(a) == SQLITE_INTEGER, sqlite3_value_type(b) == SQLITE_INTEGER
                else { return AggregateFunctions.fail(context) }
                let (sum, overflow) = sqlite3_value_int64(a).addingReportingOverflow(sqlite3_value_int64(b))
                if overflow { return AggregateFunctions.fail(context) }
                sqlite3_result_int64(context, sum)
            }, nil, nil, nil)
        sqlite3_create_function_v2(
            db, "skm_unsur_add", 2, flags, nil,
            { context, _, arguments in
                guard let context, let a = AggregateFunctions.argument(arguments, 0),
                    let b = AggregateFunctions.argument(arguments, 1)
                else { return }
                var out: [UInt8] = []
                guard UnsurBlob.sum(AggregateFunctions.blob(a), AggregateFunctions.blob(b), into: &out) else {
                    return AggregateFunctions.fail(context)
                }
                AggregateFunctions.result(context, out)
            }, nil, nil, nil)
        sqlite3_create_function_v2(
            db, "skm_unsur_tally", 1, flags, nil, nil,
            { context, _, arguments in
                guard let context, let answers = AggregateFunctions.argument(arguments, 0),
                    let sums = AggregateFunctions.accumulator(context)
                else { return }
                let text = sqlite3_value_text(answers)
                let count = Int(sqlite3_value_bytes(answers))
                guard let text, sums.pointee.reserve(unsur: count) else {
                    sums.pointee.failed = true
                    return
                }
                for k in 0..<count {
                    let digit = Int(text[k]) - 48
                    guard digit > 0, digit <= 9 else { continue }
                    sums.pointee.add(unsur: k, answered: 1, sum: digit, squares: digit * digit)
                }
            }, { context in AggregateFunctions.finish(context) }, nil)
        sqlite3_create_function_v2(
            db, "skm_unsur_pack", 4, flags, nil, nil,
            { context, _, arguments in
                guard let context, let sums = AggregateFunctions.accumulator(context) else { return }
                guard let u = AggregateFunctions.argument(arguments, 0), let n = AggregateFunctions.argument(arguments, 1),
                    let s = AggregateFunctions.argument(arguments, 2), let q = AggregateFunctions.argument(arguments, 3)
                else { return }
                let unsur = sqlite3_value_int64(u)
                guard unsur >= 0, unsur < Int64(UnsurBlob.maximumUnsur) else { return }
                guard sums.pointee.reserve(unsur: Int(unsur) + 1) else {
                    sums.pointee.failed = true
                    return
                }
                sums.pointee.add(
                    unsur: Int(unsur), answered: Int(sqlite3_value_int64(n)), sum: Int(sqlite3_value_int64(s)),
                    squares: Int(sqlite3_value_int64(q)))
            }, { context in AggregateFunctions.finish(context) }, nil)
    }

    /// An aggregate's running sums: a malloc'ed array of 3 × `count` Int64, freed by `finish`.
    struct Accumulator {
        var slots: UnsafeMutablePointer<Int64>?
        var count: Int
        var failed: Bool

        /// Room for `unsur` unsur (new ones zero); false when too many or out of memory.
        mutating func reserve(unsur: Int) -> Bool {
            guard unsur <= UnsurBlob.maximumUnsur else { return false }
            guard unsur > count else { return true }
            guard let grown = realloc(slots, 3 * unsur * 8)?.assumingMemoryBound(to: Int64.self) else { return false }
            (grown + 3 * count).initialize(repeating: 0, count: 3 * (unsur - count))
            slots = grown
            count = unsur
            return true
        }

        /// Adds to unsur `k` (reserved), remembering an overflow.
        mutating func add(unsur k: Int, answered: Int, sum: Int, squares: Int) {
            guard let slots else { return }
            let a = slots[3 * k].addingReportingOverflow(Int64(answered))
            let s = slots[3 * k + 1].addingReportingOverflow(Int64(sum))
            let q = slots[3 * k + 2].addingReportingOverflow(Int64(squares))
            if a.overflow || s.overflow || q.overflow { failed = true }
            (slots[3 * k], slots[3 * k + 1], slots[3 * k + 2]) = (a.partialValue, s.partialValue, q.partialValue)
        }
    }

    /// The aggregate context, zeroed by SQLite on first use (no slots, count 0, not failed).
    static func accumulator(_ context: OpaquePointer) -> UnsafeMutablePointer<Accumulator>? {
        sqlite3_aggregate_context(context, Int32(MemoryLayout<Accumulator>.stride))?.assumingMemoryBound(to: Accumulator.self)
    }

    /// The aggregate's result (the empty row when no row was added) and the slots freed.
    static func finish(_ context: OpaquePointer?) {
        guard let context else { return }
        guard let sums = sqlite3_aggregate_context(context, 0)?.assumingMemoryBound(to: Accumulator.self) else {
            return result(context, UnsurBlob.empty)
        }
        defer {
            free(sums.pointee.slots)
            sums.pointee.slots = nil
        }
        if sums.pointee.failed { return fail(context) }
        var out = UnsurBlob.empty
        out.reserveCapacity(1 + sums.pointee.count * UnsurBlob.stride)
        if let slots = sums.pointee.slots {
            for slot in 0..<(3 * sums.pointee.count) { UnsurBlob.append(Int(slots[slot]), to: &out) }
        }
        result(context, out)
    }

    static func argument(_ arguments: UnsafeMutablePointer<OpaquePointer?>?, _ index: Int) -> OpaquePointer? {
        arguments?[index] ?? nil
    }

    static func blob(_ value: OpaquePointer) -> UnsafeRawBufferPointer {
        guard let bytes = sqlite3_value_blob(value) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_value_bytes(value)))
    }

    static func result(_ context: OpaquePointer, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { sqlite3_result_blob(context, $0.baseAddress, Int32($0.count), csqlite_transient()) }
    }

    static func fail(_ context: OpaquePointer) {
        sqlite3_result_error(context, overflowMarker, -1)
    }
}
