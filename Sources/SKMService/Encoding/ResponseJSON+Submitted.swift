public import SKMJSON

extension ResponseJSON {
    /// `{id, duplicate}`: the answer of `skm submit --json` and `response.submit`, and the members
    /// of each stored item in `response.submitMany`.
    public static func submitted(_ result: SubmitResult) -> JSONObject {
        ["id": .int(Int(result.id)), "duplicate": .bool(result.duplicate)]
    }
}
