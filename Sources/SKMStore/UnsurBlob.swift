import SKMCore

/// The per-unsur counts of one aggregate row, packed into its `unsur` BLOB.
///
/// Layout, version 1: one version byte (1), then for every unsur in questionnaire order three
/// little-endian Int64 — answered, sum, sum of squares — so a 9-unsur row is 1 + 9 × 24 = 217
/// bytes. An unsur nobody answered is three zeros; a row is as long as the longest response
/// added to it (a questionnaire's unsur count), and rows of different lengths add as if the
/// shorter one ended in zeros. Every addition is checked: an overflow is an error, never a wrap.
///
/// Why a BLOB and not fixed columns: the questionnaire limit is 100 unsur, so fixed columns
/// are 300 integers per row. Measured with SQLite 3.40 (Benchmarks/aggregate_layout.py: 20,000
/// upserts of 9-unsur rows into 2,000 keys, two runs on the shared machine): 300 fixed columns
/// 31–70 µs per upsert (SQLite decodes and rebuilds the 307-column record whatever the SET
/// list), the BLOB 5.3–7.3 µs, and a file a third smaller. SQLite's own `+` also turns an
/// overflowing integer into a REAL instead of failing, so fixed columns would not have kept the
/// sums checked.
enum UnsurBlob {
    static let version: UInt8 = 1
    /// Bytes per unsur.
    static let stride = 24
    /// More unsur than any readable row holds (the questionnaire limit is 100; rows migrated from
    /// schema 4 kept unsur below 1,000, as its reader did).
    static let maximumUnsur = 1000

    /// An empty row: no unsur yet.
    static let empty: [UInt8] = [version]

    /// The number of unsur of a well-formed row; nil for anything else (another version, a
    /// length that is not 1 + 24 k, too many unsur).
    static func count(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard bytes.count >= 1, bytes[0] == version, (bytes.count - 1) % stride == 0 else { return nil }
        let count = (bytes.count - 1) / stride
        return count <= maximumUnsur ? count : nil
    }

    /// The `slot`-th Int64 after the version byte (slot 3k is unsur k's answered count).
    static func value(_ bytes: UnsafeRawBufferPointer, _ slot: Int) -> Int {
        Int(Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: 1 + slot * 8, as: Int64.self)))
    }

    static func append(_ value: Int, to out: inout [UInt8]) {
        withUnsafeBytes(of: Int64(value).littleEndian) { out.append(contentsOf: $0) }
    }

    /// Appends the packed form of `unsur` to `out` (grown once, written in place: this runs for
    /// every aggregate key of every write).
    static func append(_ unsur: [UnsurTally], to out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: 1 + unsur.count * stride))
        out.withUnsafeMutableBytes { bytes in
            bytes[start] = version
            var offset = start + 1
            for u in unsur {
                bytes.storeBytes(of: Int64(u.answered).littleEndian, toByteOffset: offset, as: Int64.self)
                bytes.storeBytes(of: Int64(u.sum).littleEndian, toByteOffset: offset + 8, as: Int64.self)
                bytes.storeBytes(of: Int64(u.sumOfSquares).littleEndian, toByteOffset: offset + 16, as: Int64.self)
                offset += stride
            }
        }
    }

    /// The packed form of `unsur`.
    static func encode(_ unsur: [UnsurTally]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 + unsur.count * stride)
        append(unsur, to: &out)
        return out
    }

    /// The counts of a well-formed row; nil for a malformed one.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> [UnsurTally]? {
        guard let count = count(bytes) else { return nil }
        return (0..<count).map { k in
            UnsurTally(answered: value(bytes, 3 * k), sum: value(bytes, 3 * k + 1), sumOfSquares: value(bytes, 3 * k + 2))
        }
    }

    /// Adds a row's counts into `tally`'s unsur (growing it as needed); false when the row is
    /// malformed or a sum overflows (the tally is then partly added: discard it).
    static func add(_ bytes: UnsafeRawBufferPointer, into unsur: inout [UnsurTally]) -> Bool {
        guard let count = count(bytes) else { return false }
        if unsur.count < count { unsur.append(contentsOf: repeatElement(UnsurTally(), count: count - unsur.count)) }
        for k in 0..<count {
            guard let answered = AggregateBounds.add(unsur[k].answered, value(bytes, 3 * k)),
                let sum = AggregateBounds.add(unsur[k].sum, value(bytes, 3 * k + 1)),
                let squares = AggregateBounds.add(unsur[k].sumOfSquares, value(bytes, 3 * k + 2))
            else { return false }
            unsur[k] = UnsurTally(answered: answered, sum: sum, sumOfSquares: squares)
        }
        return true
    }

    /// `a + b` slot by slot into `out` (replacing its contents), as long as the longer row;
    /// false when either row is malformed or a sum overflows.
    static func sum(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer, into out: inout [UInt8]) -> Bool {
        guard let countA = count(a), let countB = count(b) else { return false }
        let slots = 3 * max(countA, countB)
        out.removeAll(keepingCapacity: true)
        out.append(contentsOf: repeatElement(0, count: 1 + slots * 8))
        return out.withUnsafeMutableBytes { bytes in
            bytes[0] = version
            for slot in 0..<slots {
                let x = slot < 3 * countA ? value(a, slot) : 0
                let y = slot < 3 * countB ? value(b, slot) : 0
                guard let total = AggregateBounds.add(x, y) else { return false }
                bytes.storeBytes(of: Int64(total).littleEndian, toByteOffset: 1 + slot * 8, as: Int64.self)
            }
            return true
        }
    }
}
