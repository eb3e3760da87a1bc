public import SKMCore

// The one reading of each option value a person or a program names (weighting, aggregation,
// breakdown, data format). The command line and JSON-RPC both call these, so the same bad value
// gets the same code, field and message everywhere; the JSON-RPC server only adds its number.

extension Weighting {
    /// The weighting named by `raw` (nil: `exact`): `exact`, `0.111`/`0,111` or `0.11`/`0,11`, or
    /// the 14-unsur prints of the same modes `0.071`/`0,071` and `0.07`/`0,07`; anything else is
    /// `invalid_weighting`.
    public static func parse(_ raw: String?, field: String = "weighting") throws(SKMError) -> Weighting {
        guard let raw else { return .exact }
        guard let weighting = Weighting(parsing: raw) else {
            throw SKMError(
                .invalidWeighting, "\(field) harus \"exact\", \"0.111\" atau \"0.11\"; diterima \"\(raw.clipped(30))\".",
                field: field)
        }
        return weighting
    }
}

extension Aggregation {
    /// The aggregation named by `raw` (nil: `pooled`): `pooled` or `mean-of-services`; anything
    /// else is `invalid_aggregation`.
    public static func parse(_ raw: String?, field: String = "aggregation") throws(SKMError) -> Aggregation {
        guard let raw else { return .pooled }
        guard let aggregation = Aggregation(parsing: raw) else {
            throw SKMError(
                .invalidAggregation, "\(field) harus \"pooled\" atau \"mean-of-services\", diterima \"\(raw.clipped(30))\".",
                field: field)
        }
        return aggregation
    }
}

extension Breakdown {
    /// The breakdowns named by `names`, in order, each once: `service`, `unit`, `quarter`,
    /// `semester`, `month`, `year` (or their Indonesian names). A name that is none of these is
    /// `invalid_filter`, like any other choice of which groups a computation covers.
    public static func parse(_ names: [String], field: String = "by") throws(SKMError) -> [Breakdown] {
        var breakdowns: [Breakdown] = []
        for raw in names {
            guard let breakdown = Breakdown(parsing: raw) else {
                throw SKMError(
                    .invalidFilter,
                    "\(field) harus service, unit, quarter, semester, month atau year; diterima \"\(raw.clipped(20))\".",
                    field: field)
            }
            if !breakdowns.contains(breakdown) { breakdowns.append(breakdown) }
        }
        return breakdowns
    }
}

extension DataFormat {
    /// The import/export format named by `raw` (nil: not chosen, decided by the caller): `csv`,
    /// `jsonl` (also `ndjson`) or `xlsx`; anything else is a usage error.
    public static func parse(_ raw: String?, field: String = "format") throws(SKMError) -> DataFormat? {
        guard let raw else { return nil }
        guard let format = DataFormat(parsing: raw) else {
            throw SKMError(.usage, "\(field) harus csv, jsonl atau xlsx; diterima \"\(raw.clipped(20))\".", field: field)
        }
        return format
    }
}
