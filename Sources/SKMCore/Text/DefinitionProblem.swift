public import SKMJSON

/// One thing wrong (or doubtful) in a definition file (questionnaire, IKU plan, AKIP evaluation),
/// with where it is.
public struct DefinitionProblem: Sendable, Equatable, CustomStringConvertible {
    /// An error makes the definition unusable; a warning is shown and the definition still used.
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    /// Whether the problem blocks the definition.
    public let severity: Severity
    /// A JSON path such as `unsur[3].weight` ("" for the whole file).
    public let path: String
    /// In Indonesian.
    public let message: String

    /// A problem at `path` ("" for the whole file), with a message in Bahasa Indonesia.
    public init(_ severity: Severity, _ path: String, _ message: String) {
        self.severity = severity
        self.path = path
        self.message = message
    }

    /// One line for people: "KESALAHAN path: message" or "PERINGATAN path: message".
    public var description: String {
        let label = severity == .error ? "KESALAHAN" : "PERINGATAN"
        return path.isEmpty ? "\(label): \(message)" : "\(label) \(path): \(message)"
    }

    /// `{severity, path, message}`, the shape `check` commands and RPC replies list problems in.
    public var json: JSONValue {
        ["severity": .string(severity.rawValue), "path": .string(path), "message": .string(message)]
    }
}

/// Reads typed members of a JSON definition, recording a problem for each missing or mistyped one.
struct DefinitionReader {
    var problems: [DefinitionProblem] = []
    /// The longest text (in Unicode scalars) a definition of this kind may hold; nil: no limit.
    var textLimit: Int?

    mutating func error(_ path: String, _ message: String) {
        problems.append(DefinitionProblem(.error, path, message))
    }

    mutating func warning(_ path: String, _ message: String) {
        problems.append(DefinitionProblem(.warning, path, message))
    }

    mutating func object(_ value: JSONValue?, _ path: String, required: Bool = true) -> JSONObject? {
        guard let value, !value.isNull else {
            if required { error(path, "wajib ada (objek)") }
            return nil
        }
        guard let object = value.objectValue else {
            error(path, "harus objek, bukan \(value.indonesianTypeName)")
            return nil
        }
        return object
    }

    /// The array at `path`; with `limit`, an array of more elements is an error (and nil).
    mutating func array(_ value: JSONValue?, _ path: String, required: Bool = true, limit: Int? = nil) -> [JSONValue]? {
        guard let value, !value.isNull else {
            if required { error(path, "wajib ada (array)") }
            return nil
        }
        guard let array = value.arrayValue else {
            error(path, "harus array, bukan \(value.indonesianTypeName)")
            return nil
        }
        if let limit, array.count > limit {
            error(path, "paling banyak \(limit) butir, tertulis \(array.count)")
            return nil
        }
        return array
    }

    mutating func string(_ value: JSONValue?, _ path: String, required: Bool = true) -> String? {
        guard let value, !value.isNull else {
            if required { error(path, "wajib ada (teks)") }
            return nil
        }
        guard let text = value.stringValue else {
            error(path, "harus teks, bukan \(value.indonesianTypeName)")
            return nil
        }
        if required && text.trimmingSpaces().isEmpty {
            error(path, "tidak boleh kosong")
            return nil
        }
        if let textLimit, text.unicodeScalars.count > textLimit {
            error(path, "paling panjang \(textLimit) karakter, tertulis \(text.unicodeScalars.count)")
            return nil
        }
        return text
    }

    mutating func number(_ value: JSONValue?, _ path: String, required: Bool = true) -> Double? {
        guard let value, !value.isNull else {
            if required { error(path, "wajib ada (angka)") }
            return nil
        }
        guard let number = value.numberValue?.double else {
            error(path, "harus angka, bukan \(value.indonesianTypeName)")
            return nil
        }
        return number
    }

    mutating func integer(_ value: JSONValue?, _ path: String, required: Bool = true) -> Int? {
        guard let value, !value.isNull else {
            if required { error(path, "wajib ada (bilangan bulat)") }
            return nil
        }
        guard let number = value.numberValue?.int else {
            error(
                path, "harus bilangan bulat, bukan \(value.indonesianTypeName == "angka" ? "pecahan" : value.indonesianTypeName)")
            return nil
        }
        return number
    }

    mutating func unknownKeys(_ object: JSONObject, _ path: String, allowed: Set<String>) {
        for key in object.keys where !allowed.contains(key) {
            warning(path.isEmpty ? key : "\(path).\(key)", "kunci tidak dikenal (salah ketik?); diabaikan")
        }
    }
}
