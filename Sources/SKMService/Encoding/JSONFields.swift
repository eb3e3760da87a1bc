public import SKMCore
public import SKMJSON

/// Typed reads of JSON parameters with errors that name the field (for -32602 and import reports).
public struct JSONFields {
    /// The parameters being read.
    public let object: JSONObject
    /// Prefix for field names in errors (`respondent.`, `responses[2].`).
    public let path: String

    /// Fields of `object`; `path` (e.g. `respondent.`) prefixes every field name in errors.
    public init(_ object: JSONObject, path: String = "") {
        self.object = object
        self.path = path
    }

    /// Requires params to be an object; a positional array is refused with a hint to use names.
    public static func params(_ value: JSONValue?) throws(SKMError) -> JSONFields {
        guard let value, !value.isNull else { return JSONFields(JSONObject()) }
        if case .array = value {
            throw SKMError(
                .wrongType, "Parameter harus objek bernama, mis. {\"unit\": \"KEC\"}; array posisi tidak didukung.",
                field: "params")
        }
        guard let object = value.objectValue else {
            throw SKMError(.wrongType, "Parameter harus objek, bukan \(value.indonesianTypeName).", field: "params")
        }
        return JSONFields(object)
    }

    /// The wire name of `key` inside this object (`responses[2].date`), for error fields.
    public func name(_ key: String) -> String { path + key }

    /// Fails on any key not in `allowed`.
    public func rejectUnknown(_ allowed: [String]) throws(SKMError) {
        for member in object.members where !allowed.contains(member.key) {
            let key = member.key
            throw SKMError(
                .unknownField,
                "Parameter \"\(key.clipped(40))\" tidak dikenal; yang dikenal: \(allowed.joined(separator: ", ")).",
                field: name(key))
        }
    }

    /// The text at `key`; nil when absent or null; `wrong_type` for any other JSON type.
    public func string(_ key: String) throws(SKMError) -> String? {
        guard let value = object[key], !value.isNull else { return nil }
        guard let s = value.stringValue else { throw typeError(key, "teks", value) }
        return s
    }

    /// The text at `key`; `missing_field` when absent or null. Empty text is returned as is.
    public func requiredString(_ key: String) throws(SKMError) -> String {
        guard let s = try string(key) else {
            throw SKMError(.missingField, "Parameter \"\(key)\" wajib diisi.", field: name(key))
        }
        return s
    }

    /// The whole number at `key` (`2.0` counts, `2.5` does not); nil when absent or null; `wrong_type` otherwise.
    public func int(_ key: String) throws(SKMError) -> Int? {
        guard let value = object[key], !value.isNull else { return nil }
        if let number = value.numberValue {
            guard let n = number.int else {
                throw SKMError(
                    .wrongType, "Parameter \"\(name(key))\" harus bilangan bulat, diterima \(number.text.clipped(30)).",
                    field: name(key), details: ["expected": "bilangan bulat", "received": .string(number.text.clipped(60))])
            }
            return n
        }
        throw typeError(key, "bilangan bulat", value)
    }

    /// The whole number at `key`; `missing_field` when absent or null, `wrong_type` when not whole.
    public func requiredInt(_ key: String) throws(SKMError) -> Int {
        guard let n = try int(key) else {
            throw SKMError(.missingField, "Parameter \"\(key)\" wajib diisi.", field: name(key))
        }
        return n
    }

    /// The number at `key`; nil when absent or null; `wrong_type` for a non-number (text is not converted).
    public func double(_ key: String) throws(SKMError) -> Double? {
        guard let value = object[key], !value.isNull else { return nil }
        guard let d = value.numberValue?.double else { throw typeError(key, "angka", value) }
        return d
    }

    /// The boolean at `key`; nil when absent or null; `wrong_type` for anything but true/false.
    public func bool(_ key: String) throws(SKMError) -> Bool? {
        guard let value = object[key], !value.isNull else { return nil }
        guard let b = value.boolValue else { throw typeError(key, "true/false", value) }
        return b
    }

    /// The array at `key`; nil when absent or null; `wrong_type` for any other JSON type.
    public func array(_ key: String) throws(SKMError) -> [JSONValue]? {
        guard let value = object[key], !value.isNull else { return nil }
        guard let a = value.arrayValue else { throw typeError(key, "array", value) }
        return a
    }

    /// The object at `key` as fields whose errors name `key.`; nil when absent or null; `wrong_type` otherwise.
    public func nested(_ key: String) throws(SKMError) -> JSONFields? {
        guard let value = object[key], !value.isNull else { return nil }
        guard let o = value.objectValue else { throw typeError(key, "objek", value) }
        return JSONFields(o, path: name(key) + ".")
    }

    /// A list of codes given as one string or an array of strings.
    public func stringList(_ key: String) throws(SKMError) -> [String] {
        guard let value = object[key], !value.isNull else { return [] }
        if let s = value.stringValue { return [s] }
        guard let a = value.arrayValue else { throw typeError(key, "teks atau array teks", value) }
        var result: [String] = []
        for (i, element) in a.enumerated() {
            guard let s = element.stringValue else {
                throw SKMError(
                    .wrongType, "\(name(key))[\(i)] harus teks, bukan \(element.indonesianTypeName).", field: "\(name(key))[\(i)]"
                )
            }
            result.append(s)
        }
        return result
    }

    func typeError(_ key: String, _ expected: String, _ value: JSONValue) -> SKMError {
        SKMError(
            .wrongType, "Parameter \"\(name(key))\" harus \(expected), bukan \(value.indonesianTypeName).", field: name(key),
            details: ["expected": .string(expected), "received": .string(value.indonesianTypeName)])
    }
}
