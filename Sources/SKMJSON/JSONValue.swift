/// A JSON document as skm reads and writes it.
///
/// skm carries its own small JSON type instead of `JSONSerialization` because the wire demands
/// things Foundation does not give: numbers kept exactly as written (a JSON-RPC `id` such as
/// `12345678901234567890` must be echoed unchanged), object members in their original order,
/// duplicate keys detected, a nesting limit, and ASCII-only output for Windows pipes.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
    /// JSON text already written (by `JSONStream`), spliced into the output as it is.
    case encoded(JSONText)

    /// An integer value.
    public static func int(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }

    /// A floating-point value; NaN and infinities (which JSON cannot hold) become `null`.
    public static func double(_ value: Double) -> JSONValue {
        value.isFinite ? .number(JSONNumber(value)) : .null
    }

    /// An optional floating-point value, `null` when absent.
    public static func double(_ value: Double?) -> JSONValue {
        value.map { .double($0) } ?? .null
    }

    /// An optional string, `null` when absent.
    public static func string(_ value: String?) -> JSONValue {
        value.map { .string($0) } ?? .null
    }

    /// An optional integer, `null` when absent.
    public static func int(_ value: Int?) -> JSONValue {
        value.map { .int($0) } ?? .null
    }

    /// The member named `key` when this is an object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        if case .encoded(let text) = self { return text.value[key] }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        if case .encoded(let text) = self { return text.value.objectValue }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var numberValue: JSONNumber? {
        if case .number(let n) = self { return n }
        return nil
    }

    /// The name of this value's JSON type in Indonesian, for error messages.
    public var indonesianTypeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "angka"
        case .string: return "teks"
        case .array: return "array"
        case .object, .encoded: return "objek"
        }
    }
}

/// Serialized JSON (one complete value), kept as bytes.
public struct JSONText: Sendable, Equatable {
    public let bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The value as a tree.
    public var value: JSONValue {
        (try? JSONParser(maxDepth: 256, rejectDuplicateKeys: false).parse(bytes)) ?? .null
    }
}

/// A JSON number kept as its literal text, with exact conversions on demand.
public struct JSONNumber: Sendable, Equatable, CustomStringConvertible {
    /// The number exactly as it appeared in the input (or as skm formatted it).
    public let text: String

    /// Wraps literal text; the caller guarantees it is a valid JSON number.
    public init(literal text: String) { self.text = text }

    public init(_ value: Int) { self.text = String(value) }

    public init(_ value: Double) {
        self.text = Self.wholeNumber(value).map { String($0) } ?? value.description
    }

    /// The rule for writing a double (shared with `JSONStream`): a whole number below 10^15 is
    /// written as an integer (`75`, not `75.0`); anything else as Swift's shortest round-trip text.
    @inline(__always)
    static func wholeNumber(_ value: Double) -> Int? {
        // Int(exactly:) without its call to the C library's trunc: below 10^15 the conversion
        // cannot overflow, and it is exact when converting back gives the same value.
        guard abs(value) < 1e15 else { return nil }
        let whole = Int(value)
        return Double(whole) == value ? whole : nil
    }

    /// The value as an integer when it is one exactly (`3`, `3.0`, `3e2`) and fits in `Int`.
    public var int: Int? {
        // One digit (every answer on a 1–4 scale) without the general parser.
        let utf8 = text.utf8
        if utf8.count == 1, let digit = utf8.first, digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") {
            return Int(digit - UInt8(ascii: "0"))
        }
        if let exact = Int(text) { return exact }
        guard let d = Double(text), d.isFinite, d == d.rounded(), abs(d) < 9.0e15 else { return nil }
        return Int(d)
    }

    public var double: Double? {
        guard let d = Double(text), d.isFinite else { return nil }
        return d
    }

    public var description: String { text }

    public static func == (a: JSONNumber, b: JSONNumber) -> Bool {
        if a.text == b.text { return true }
        if let x = Double(a.text), let y = Double(b.text) { return x == y }
        return false
    }
}

/// A JSON object whose members keep their order (the wire and the reports are read by people).
public struct JSONObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    public private(set) var members: [(key: String, value: JSONValue)]

    public init() { members = [] }

    public init(_ members: [(key: String, value: JSONValue)]) { self.members = members }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        members = elements.map { (key: $0.0, value: $0.1) }
    }

    /// The value of the first member named `key`.
    public subscript(key: String) -> JSONValue? {
        get { members.first(where: { $0.key == key })?.value }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append((key: key, value: newValue))
            }
        }
    }

    public var keys: [String] { members.map(\.key) }

    public var isEmpty: Bool { members.isEmpty }

    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        guard a.members.count == b.members.count else { return false }
        for member in a.members where b[member.key] != member.value { return false }
        return true
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements.map { (key: $0.0, value: $0.1) }))
    }
}
