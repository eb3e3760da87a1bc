public import SKMCore
public import SKMJSON

/// Import batches and multi-response voids as JSON (`skm import list --json`, `skm import undo
/// --json`, `skm void A-B --json`).
public enum ImportBatchJSON {
    /// `{batch, fileName, sha256, format, importedAt, rowsRead, rowsStored, rowsSkipped, againOf, undoneAt, undoReason}`.
    public static func batch(_ b: ImportBatch) -> JSONValue {
        [
            "batch": .int(Int(b.id)), "fileName": .string(b.fileName), "sha256": .string(b.sha256), "format": .string(b.format),
            "importedAt": .string(b.importedAt), "rowsRead": .int(b.rowsRead), "rowsStored": .int(b.rowsStored),
            "rowsSkipped": .int(b.rowsSkipped), "againOf": b.againOf.map { .int(Int($0)) } ?? .null,
            "undoneAt": .string(b.undoneAt), "undoReason": .string(b.undoReason),
        ]
    }

    /// `{voided, alreadyVoided, voidedIds, alreadyVoidedIds}` (ids as ranges `[first, last]`).
    public static func voidOutcome(_ o: VoidOutcome) -> JSONValue {
        [
            "voided": .int(o.voided.count), "alreadyVoided": .int(o.alreadyVoided.count),
            "voidedIds": .array(IDRuns.of(o.voided).map { .array([.int(Int($0.lowerBound)), .int(Int($0.upperBound))]) }),
            "alreadyVoidedIds": .array(
                IDRuns.of(o.alreadyVoided).map { .array([.int(Int($0.lowerBound)), .int(Int($0.upperBound))]) }),
        ]
    }
}

/// Sorted ids folded into runs of consecutive ids, for short messages (`#421–#840`).
public enum IDRuns {
    /// `[1, 2, 3, 7]` → `[1...3, 7...7]`.
    public static func of(_ ids: [Int64]) -> [ClosedRange<Int64>] {
        var runs: [ClosedRange<Int64>] = []
        for id in ids.sorted() {
            if let last = runs.last, last.upperBound &+ 1 == id {
                runs[runs.count - 1] = last.lowerBound...id
            } else if runs.last?.contains(id) != true {
                runs.append(id...id)
            }
        }
        return runs
    }

    /// `#421–#840, #17`, at most `limit` runs shown.
    public static func text(_ ids: [Int64], limit: Int = 10) -> String {
        let runs = of(ids)
        let shown = runs.prefix(limit).map { $0.count == 1 ? "#\($0.lowerBound)" : "#\($0.lowerBound)–#\($0.upperBound)" }
        return shown.joined(separator: ", ") + (runs.count > limit ? " dan \(runs.count - limit) rentang lain" : "")
    }
}
