public import SKMCore
public import SKMJSON

/// An error as a JSON document for programs. The members after `message` are `SKMError.json`,
/// exactly what JSON-RPC puts in an error's `data` (`code`, `field`, `details`), so a program
/// reads the same document from `skm … --json` and from `skm rpc`.
public enum ErrorJSON {
    /// `{"error": {message, code, field, details?}}`, written by `skm … --json` on failure;
    /// `field` is null when no input field is at fault.
    public static func document(_ error: SKMError) -> JSONValue {
        var object: JSONObject = ["message": .string(error.message), "code": .string(error.code.rawValue), "field": .null]
        for member in error.json.objectValue?.members ?? [] { object[member.key] = member.value }
        return ["error": .object(object)]
    }
}
