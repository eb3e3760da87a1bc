public import SKMJSON

extension ResponseJSON {
    /// `{total, voided, active}`, as `skm.info` reports the stored responses.
    public static func counts(_ counts: ResponseCounts) -> JSONValue {
        ["total": .int(counts.total), "voided": .int(counts.voided), "active": .int(counts.active)]
    }
}
