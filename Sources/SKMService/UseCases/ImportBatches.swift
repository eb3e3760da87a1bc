public import SKMCore
import SKMJSON
import SKMStore

/// Response ids as a person writes them: `17`, `421-840`, `#17`, several separated by commas or
/// given as separate arguments.
public struct ResponseIDRanges: Sendable, Equatable {
    /// The ranges in the order given (inclusive).
    public let ranges: [ClosedRange<Int64>]

    /// The most ids one command may name (a typo such as `1-99999999` is refused, not expanded).
    public static let limit = 1_000_000

    /// Reads `17`, `#17`, `421-840` (also `421–840`), each item of a comma-separated list.
    public init(parsing items: [String]) throws(SKMError) {
        var ranges: [ClosedRange<Int64>] = []
        var total = 0
        for item in items.flatMap({ $0.split(separator: ",").map(String.init) }) {
            let text = item.trimmingSpaces()
            if text.isEmpty { continue }
            let parts = String(text.map { $0 == "–" ? "-" : $0 }).split(separator: "-", omittingEmptySubsequences: false)
            func id(_ s: Substring) throws(SKMError) -> Int64 {
                let digits = String(s).trimmingSpaces().trimmingPrefixCharacter("#")
                guard let value = Int64(digits), value > 0 else {
                    throw SKMError(
                        .invalidNumber,
                        "ID respons harus angka positif atau rentang seperti 421-840, diterima \"\(text.clipped(30))\".",
                        field: "id")
                }
                return value
            }
            guard parts.count <= 2 else {
                throw SKMError(.invalidNumber, "Rentang \"\(text.clipped(30))\" tidak sah; tulis mis. 421-840.", field: "id")
            }
            let low = try id(parts[0])
            let high = parts.count == 2 ? try id(parts[1]) : low
            guard low <= high else {
                throw SKMError(
                    .invalidNumber, "Rentang \(low)-\(high) terbalik; tulis yang kecil dulu, mis. \(high)-\(low).", field: "id")
            }
            let (size, overflow) = (high - low).addingReportingOverflow(1)
            guard !overflow, size <= Int64(Self.limit - total) else {
                throw SKMError(
                    .tooMany, "Paling banyak \(Self.limit) respons per perintah; bagi rentangnya.", field: "id",
                    details: ["limit": .int(Self.limit)])
            }
            total += Int(size)
            ranges.append(low...high)
        }
        guard !ranges.isEmpty else { throw SKMError(.missingField, "Sebutkan sedikitnya satu ID respons.", field: "id") }
        self.ranges = ranges
    }
}

extension String {
    fileprivate func trimmingPrefixCharacter(_ c: Character) -> String { first == c ? String(dropFirst()) : self }
}

/// Import batch times as people read them.
public enum ImportBatchText {
    /// `2025-03-14T03:05:09.123Z` → `2025-03-14 03:05 UTC`; other text unchanged.
    public static func time(_ timestamp: String) -> String {
        guard timestamp.count >= 16, timestamp.hasSuffix("Z") else { return timestamp }
        let chars = Array(timestamp)
        return String(chars[0..<10]) + " " + String(chars[11..<16]) + " UTC"
    }
}

extension SKMService {
    /// Every import batch, oldest first (empty when there is no database yet).
    public func importBatches() throws -> [ImportBatch] {
        guard databaseExists else { return [] }
        return try existingStore().importBatches()
    }

    /// `skm import undo N`: voids every response of batch N that is not voided yet, and marks the
    /// batch undone (its content may then be imported again), in one transaction.
    public func undoImport(batch: Int64, reason rawReason: String) throws -> (batch: ImportBatch, outcome: VoidOutcome) {
        let reason = try TextRules.reason(rawReason)
        guard batch > 0 else {
            throw SKMError(.importBatchNotFound, "Batch impor #\(batch) tidak ada. Lihat 'skm import list'.", field: "batch")
        }
        defer { invalidateCaches() }
        return try existingStore().undoImportBatch(id: batch, reason: reason, at: clock.timestamp())
    }

    /// Voids every response named, in one transaction: all or nothing when an id does not exist;
    /// responses voided before are left as they were and listed.
    public func void(_ ids: ResponseIDRanges, reason rawReason: String) throws -> VoidOutcome {
        let reason = try TextRules.reason(rawReason)
        return try existingStore().void(ranges: ids.ranges, reason: reason, at: clock.timestamp())
    }
}
