import CSQLite
public import SKMCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Store {
    /// Runs SQLite's integrity check, the reference check, a recount of every aggregate and a
    /// comparison of the bookkeeping (identity row) with the responses table.
    public func check() throws -> StoreCheck {
        var findings: [StoreFinding] = []
        let integrity = try db.prepare("PRAGMA integrity_check").rows([], { $0.text(0) })
        if integrity != ["ok"] { findings += integrity.map { .integrity($0) } }
        findings += try db.prepare("PRAGMA foreign_key_check").rows([]) { row in
            StoreFinding.danglingReference(table: row.text(0), row: row.int64(1), target: row.text(2))
        }
        findings += try bookkeepingDiscrepancies()
        findings += try aggregateDiscrepancies()
        return StoreCheck(findings: findings)
    }

    /// What the identity row records against what the responses table holds.
    func bookkeepingDiscrepancies() throws -> [StoreFinding] {
        guard let recorded = try db.identity() else { return [.identityMissing] }
        let actual =
            try db.prepare("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM responses").first {
                (count: $0.int64(0), last: $0.int64(1))
            } ?? (count: 0, last: 0)
        var findings: [StoreFinding] = []
        if actual.count != recorded.responseCount {
            findings.append(.responseCountDiffers(recorded: recorded.responseCount, actual: actual.count))
        }
        if actual.last != recorded.lastResponseID {
            findings.append(.lastResponseIDDiffers(recorded: recorded.lastResponseID, actual: actual.last))
        }
        return findings
    }

    /// SQLite's quick check (page structure, no index comparison): the problems it lists, or
    /// an empty list when the file is sound.
    public func quickCheck() throws -> [String] {
        let result = try db.prepare("PRAGMA quick_check").rows([], { $0.text(0) })
        return result == ["ok"] ? [] : result
    }

    /// Rebuilds the running aggregates from the responses (they are derived data; the responses
    /// themselves are not touched).
    public func rebuildAggregates() throws {
        try db.transaction {
            try db.execute("DELETE FROM aggregates")
            try db.execute("INSERT INTO aggregates(\(AggregateRows.columns)) " + AggregateRows.recount)
        }
    }
}
