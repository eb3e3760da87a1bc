import SKMCore
public import SKMJSON

/// An import report as JSON (`skm import --json`).
public enum ImportJSON {
    /// `{format, rowsRead, stored, duplicates, invalidRows, committed, dryRun, errors, errorsOmitted}`;
    /// `errors` lists the row errors kept, `errorsOmitted` how many invalid rows it leaves out.
    public static func report(_ r: ImportReport) -> JSONValue {
        [
            "format": .string(r.format.rawValue),
            "rowsRead": .int(r.rowsRead),
            "stored": .int(r.stored),
            "duplicates": .int(r.duplicates),
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
            "errorsOmitted": .int(max(0, r.invalidRows - r.errors.count)),
        ]
    }
}
