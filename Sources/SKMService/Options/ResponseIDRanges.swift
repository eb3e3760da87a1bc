public import SKMCore
import SKMJSON

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
