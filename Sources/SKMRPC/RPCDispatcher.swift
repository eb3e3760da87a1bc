import SKMCore
public import SKMJSON
public import SKMService

/// A method the server offers: its name and what it does with named params.
public struct RPCMethod: Sendable {
    public let name: String
    let handler: @Sendable (JSONFields, RPCContext) throws -> JSONValue

    init(_ name: String, handler: @escaping @Sendable (JSONFields, RPCContext) throws -> JSONValue) {
        self.name = name
        self.handler = handler
    }
}

/// What methods work with: the service bound to the server's database, and the contract.
public final class RPCContext {
    public let service: SKMService
    /// Whether answers are written ASCII-only (results written ahead of time must match).
    public var asciiOnly = true
    let document: () -> JSONValue

    /// The OpenRPC document `rpc.discover` returns (parsed only when asked for: most sessions
    /// never ask, and a one-shot call should not pay for it).
    public var openRPC: JSONValue { document() }

    public init(service: SKMService, openRPC: @autoclosure @escaping () -> JSONValue) {
        self.service = service
        self.document = openRPC
    }
}

/// Turns one input line into at most one output value, following JSON-RPC 2.0 to the letter:
/// batches, notifications (never answered, even on error), ids echoed exactly, and every
/// failure mapped to an error object rather than a crash.
public final class RPCDispatcher {
    let methods: [String: RPCMethod]
    let context: RPCContext
    let parser = JSONParser(maxDepth: 64, rejectDuplicateKeys: true)

    public init(context: RPCContext, methods: [RPCMethod] = RPCMethods.all) {
        self.context = context
        self.methods = Dictionary(methods.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The names of every method dispatched.
    public var methodNames: [String] { methods.keys.sorted() }

    /// The answer to one line (nil: nothing to write).
    public func handle(line: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        let value: JSONValue
        do {
            value = try parser.parse(line)
        } catch {
            if error.kind == .duplicateKey {
                return Self.response(id: .null, error: RPCError(
                    code: RPCError.invalidRequest, message: error.indonesianMessage,
                    data: ["code": "duplicate_key", "field": .string(error.key ?? "")]))
            }
            return Self.response(id: .null, error: RPCError(
                code: RPCError.parseError, message: "JSON tidak dapat dibaca: \(error.indonesianMessage).",
                data: ["code": "parse_error", "offset": .int(error.offset), "reason": .string(error.kind.rawValue)]))
        }
        return handle(value)
    }

    public func handle(line: [UInt8]) -> JSONValue? {
        line.withUnsafeBufferPointer { handle(line: $0) }
    }

    /// The answer to one parsed message: a request or a batch.
    public func handle(_ value: JSONValue) -> JSONValue? {
        guard case .array(let batch) = value else { return handleSingle(value) }
        guard !batch.isEmpty else {
            return Self.response(id: .null, error: RPCError(
                code: RPCError.invalidRequest, message: "Batch kosong.", data: ["code": "empty_batch"]))
        }
        let answers = batch.compactMap(handleSingle)
        return answers.isEmpty ? nil : .array(answers)
    }

    func handleSingle(_ value: JSONValue) -> JSONValue? {
        let request: RPCRequest
        switch RPCRequest.parse(value) {
        case .failure(let failure): return Self.response(id: failure.id, error: failure.error)
        case .success(let parsed): request = parsed
        }
        let outcome = run(request)
        guard let id = request.id else { return nil }
        switch outcome {
        case .success(let result): return ["jsonrpc": "2.0", "result": result, "id": id]
        case .failure(let error): return Self.response(id: id, error: error)
        }
    }

    func run(_ request: RPCRequest) -> Result<JSONValue, RPCError> {
        guard let method = methods[request.method] else {
            return .failure(RPCError(
                code: RPCError.methodNotFound, message: "Metode \"\(request.method.clipped(60))\" tidak dikenal. Lihat rpc.discover.",
                data: ["code": "method_not_found", "method": .string(request.method.clipped(200))]))
        }
        context.service.startRequest()
        do {
            let params = try JSONFields.params(request.params)
            return .success(try method.handler(params, context))
        } catch let error as SKMError {
            return .failure(RPCError(error))
        } catch let error as RPCError {
            return .failure(error)
        } catch {
            return .failure(RPCError(
                code: RPCError.internalError, message: "Kesalahan internal skm: \(error).", data: ["code": "internal"]))
        }
    }

    static func response(id: JSONValue, error: RPCError) -> JSONValue {
        ["jsonrpc": "2.0", "error": error.json, "id": id]
    }
}
