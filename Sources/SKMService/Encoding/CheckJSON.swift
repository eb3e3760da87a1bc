public import SKMCore
public import SKMJSON

/// The JSON of a database check (`skm check --json`); the one definition of its shape, for any
/// front end that reports a check.
public enum CheckJSON {
    /// `healthy`, SQLite's `integrity` lines (`["ok"]` when none), the findings' texts grouped
    /// by kind (`foreignKeys`, `bookkeeping`, `aggregates`) and every finding with its kind.
    public static func check(_ result: StoreCheck) -> JSONValue {
        let findings = result.findings
        let integrity = findings.compactMap { finding -> JSONValue? in
            if case .integrity(let line) = finding { return .string(line) }
            return nil
        }
        func texts(_ kind: String) -> JSONValue { .array(findings.filter { $0.kind == kind }.map { .string($0.text) }) }
        return [
            "healthy": .bool(result.isHealthy), "integrity": .array(integrity.isEmpty ? [.string("ok")] : integrity),
            "foreignKeys": texts("reference"), "bookkeeping": texts("bookkeeping"), "aggregates": texts("aggregate"),
            "findings": .array(findings.map { .object(["kind": .string($0.kind), "message": .string($0.text)]) }),
        ]
    }
}
