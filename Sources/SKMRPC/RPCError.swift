public import SKMCore
public import SKMJSON

/// A JSON-RPC error object: the standard codes plus skm's domain codes in -32000…-32099.
public struct RPCError: Error, Sendable {
    public let code: Int
    public let message: String
    public let data: JSONValue?

    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    public static let parseError = -32700
    public static let invalidRequest = -32600
    public static let methodNotFound = -32601
    public static let invalidParams = -32602
    public static let internalError = -32603

    /// Domain codes, documented in Protocol/README.md.
    public static let validation = -32001
    public static let notFound = -32002
    public static let conflict = -32003
    public static let busy = -32004
    public static let storage = -32005

    /// Maps a domain error: malformed params are -32602 (with the field in `data`), the rest use
    /// skm's codes by kind, with the Indonesian message and the stable `data.code`.
    public init(_ error: SKMError) {
        let code: Int
        switch error.code {
        case .wrongType, .missingField, .unknownField, .usage:
            code = Self.invalidParams
        default:
            switch error.kind {
            case .validation, .usage: code = Self.validation
            case .notFound: code = Self.notFound
            case .conflict: code = Self.conflict
            case .busy: code = Self.busy
            case .storage: code = Self.storage
            case .internal: code = Self.internalError
            }
        }
        self.init(code: code, message: error.message, data: error.json)
    }

    public var json: JSONValue {
        var object: JSONObject = ["code": .int(code), "message": .string(message)]
        if let data { object["data"] = data }
        return .object(object)
    }
}
