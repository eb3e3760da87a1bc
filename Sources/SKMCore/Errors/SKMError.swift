public import SKMJSON

/// A failure a user can understand and act on: an Indonesian message, a stable machine code, and
/// optionally the offending field and structured details.
///
/// Every front end (CLI exit codes, JSON-RPC error codes) maps errors through `ErrorCode.kind`,
/// so the same mistake is reported the same way everywhere.
public struct SKMError: Error, Sendable, CustomStringConvertible {
    /// The stable machine code; front ends map it through `kind`.
    public let code: ErrorCode
    /// What went wrong and how to fix it, in Bahasa Indonesia.
    public let message: String
    /// The wire name of the input field at fault (`answers[3]`, `date`, `unit`…), when there is one.
    public var field: String?
    /// Structured details for programs (row numbers, allowed values…).
    public var details: JSONValue?

    /// An error with a code and an Indonesian message; `field` and `details` are optional.
    public init(_ code: ErrorCode, _ message: String, field: String? = nil, details: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.field = field
        self.details = details
    }

    /// The code's family: not found, conflict, validation, storage… (see `ErrorCode.kind`).
    public var kind: ErrorKind { code.kind }

    /// The message alone, so printing an error shows what the user should read.
    public var description: String { message }

    /// The same error with the field name prefixed (`responses[2].` + `date`).
    public func prefixingField(_ prefix: String) -> SKMError {
        var copy = self
        copy.field = field.map { prefix + $0 } ?? String(prefix.dropLast())
        return copy
    }

    /// A JSON form shared by the CLI (`--json`) and the RPC `data` member.
    public var json: JSONValue {
        var object: JSONObject = ["code": .string(code.rawValue)]
        if let field { object["field"] = .string(field) }
        if let details { object["details"] = details }
        return .object(object)
    }
}

extension SKMError {
    /// Whether the error is about the input itself (invalid, unknown, conflicting): in a batch or
    /// an import it is reported against that item and the others go on. Busy, storage and
    /// internal errors are about the machine, and stop the whole operation.
    public var isAboutTheInput: Bool {
        switch kind {
        case .validation, .notFound, .conflict, .usage: return true
        case .busy, .storage, .internal: return false
        }
    }
}

/// The broad class of an error, which decides exit codes and JSON-RPC codes.
public enum ErrorKind: String, Sendable {
    /// The input is wrong; nothing was changed.
    case validation
    /// Something named in the input does not exist.
    case notFound
    /// The input contradicts what is stored (a client id reused with other content, a double void).
    case conflict
    /// The database stayed locked by another process past the busy timeout.
    case busy
    /// The database file cannot be opened, read or written.
    case storage
    /// The command line itself is malformed.
    case usage
    /// A defect in skm; reported, never a crash.
    case `internal`
}
