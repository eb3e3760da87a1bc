import SKMCore
public import SKMJSON

/// An import report as JSON (`skm import --json`).
public enum ImportJSON {
    /// `{format, rowsRead, stored, visits, duplicates, skipped, skippedFrom, batch, sha256, againOf, ignoredColumns,
    /// identityColumns, invalidRows, committed, dryRun, errors, errorsOmitted}`; `errors` lists the
    /// problems kept (several per row when a row has several), `errorsOmitted` how many invalid
    /// rows have no problem listed.
    public static func report(_ r: ImportReport) -> JSONValue {
        [
            "format": .string(r.format.rawValue),
            "rowsRead": .int(r.rowsRead),
            "stored": .int(r.stored),
            "visits": .int(r.visits),
            "duplicates": .int(r.duplicates),
            "skipped": .int(r.skipped),
            "skippedFrom": .array(r.skippedFrom.map { .int(Int($0)) }),
            "batch": r.batch.map { .int(Int($0)) } ?? .null,
            "sha256": .string(r.sha256),
            "againOf": r.againOf.map { .int(Int($0)) } ?? .null,
            "ignoredColumns": .array(r.ignoredColumns.map { .string($0) }),
            "identityColumns": .array(r.identityColumns.map { .string($0) }),
            "invalidRows": .int(r.invalidRows),
            "committed": .bool(r.committed),
            "dryRun": .bool(r.dryRun),
            "errors": .array(
                r.errors.map { e in
                    [
                        "row": .int(e.row), "column": .string(e.column), "code": .string(e.error.code.rawValue),
                        "message": .string(e.error.message),
                    ]
                }),
            "errorsOmitted": .int(max(0, r.invalidRows - Set(r.errors.map(\.row)).count)),
        ]
    }
}
