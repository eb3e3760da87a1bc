import SKMStore

/// The rows earlier imports stored, looked up by fingerprint as an import goes: the k-th row of
/// the file with a fingerprint is "already imported" when earlier batches (not undone) hold at
/// least k responses with it. Nothing is read when no earlier batch stored a row; otherwise every
/// earlier fingerprint is read once, sorted (16 bytes a row), and each row costs a binary search.
struct EarlierRows {
    let keys: [Int64]
    let batches: [Int64]
    /// Fingerprints seen in this file that have earlier copies → how many of them this file used.
    var used: [Int64: Int] = [:]

    init(store: Store?) throws {
        if let store, try store.hasImportedRows() {
            (keys, batches) = try store.importedKeys()
        } else {
            (keys, batches) = ([], [])
        }
    }

    /// The earlier batch whose copy this row is, or nil for a new row.
    mutating func copy(of key: Int64) -> Int64? {
        guard !keys.isEmpty else { return nil }
        var low = 0
        var high = keys.count
        while low < high {
            let mid = low + (high - low) / 2
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        guard low < keys.count, keys[low] == key else { return nil }
        let taken = used[key, default: 0]
        let index = low + taken
        guard index < keys.count, keys[index] == key else { return nil }
        used[key] = taken + 1
        return batches[index]
    }
}
