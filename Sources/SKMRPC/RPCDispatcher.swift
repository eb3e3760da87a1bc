import SKMCore
public import SKMJSON
public import SKMService

/// A method the server offers: its name and what it does with named params.
public struct RPCMethod: Sendable {
    public let name: String
    /// Writes the result for named params into the answer being written (nothing on error: the
    /// dispatcher forgets whatever was written when it throws).
    let write: @Sendable (JSONFields, RPCContext, inout JSONStream) throws -> Void

    /// A method whose result is built as a value.
    init(_ name: String, handler: @escaping @Sendable (JSONFields, RPCContext) throws -> JSONValue) {
        self.name = name
        self.write = { params, context, out in out.value(try handler(params, context)) }
    }

    /// A method that writes its result straight into the answer (the hot `ikm.score`).
    init(_ name: String, writer: @escaping @Sendable (JSONFields, RPCContext, inout JSONStream) throws -> Void) {
        self.name = name
        self.write = writer
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
    /// Set while `RPCServer.run` serves: it marks new requests itself, once per read of its input
    /// rather than once per request (requests that arrived together need one freshness check).
    var requestsMarkedByReader = false

    public init(context: RPCContext, methods: [RPCMethod] = RPCMethods.all) {
        self.context = context
        self.methods = Dictionary(methods.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The names of every method dispatched.
    public var methodNames: [String] { methods.keys.sorted() }

    /// Writes the answer to one line into `out` (without a newline); false, with nothing
    /// written, when no answer is due (notifications).
    public func answer(line: UnsafeBufferPointer<UInt8>, into out: inout JSONStream) -> Bool {
        let value: JSONValue
        do {
            value = try parser.parse(line)
        } catch {
            out.value(Self.parseFailure(error))
            return true
        }
        return answer(value, into: &out)
    }

    /// The answer to one line (nil: nothing to write), as JSON text.
    public func handle(line: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        var out = JSONStream(asciiOnly: context.asciiOnly)
        return answer(line: line, into: &out) ? .encoded(JSONText(out.bytes)) : nil
    }

    public func handle(line: [UInt8]) -> JSONValue? {
        line.withUnsafeBufferPointer { handle(line: $0) }
    }

    /// The answer to one parsed message (a request or a batch), as JSON text; nil: nothing to write.
    public func handle(_ value: JSONValue) -> JSONValue? {
        var out = JSONStream(asciiOnly: context.asciiOnly)
        return answer(value, into: &out) ? .encoded(JSONText(out.bytes)) : nil
    }

    /// Writes the answer to one parsed message; false, with nothing written, when none is due.
    func answer(_ value: JSONValue, into out: inout JSONStream) -> Bool {
        guard case .array(let batch) = value else { return answerSingle(value, into: &out) }
        guard !batch.isEmpty else {
            out.value(
                Self.response(
                    id: .null,
                    error: RPCError(
                        code: RPCError.invalidRequest, message: "Batch kosong.", data: ["code": "empty_batch"])))
            return true
        }
        let start = out.mark
        out.beginArray()
        var answered = false
        for element in batch where answerSingle(element, into: &out) { answered = true }
        guard answered else {
            out.reset(to: start)
            return false
        }
        out.endArray()
        return true
    }

    /// `{"jsonrpc":"2.0","result":…,"id":…}` with the result written by the method in place, or
    /// the error answer; false, with nothing written, for a notification.
    func answerSingle(_ value: JSONValue, into out: inout JSONStream) -> Bool {
        let request: RPCRequest
        switch RPCRequest.parse(value) {
        case .failure(let failure):
            out.value(Self.response(id: failure.id, error: failure.error))
            return true
        case .success(let parsed): request = parsed
        }
        let start = out.mark
        out.beginObject()
        out.member("jsonrpc", "2.0")
        out.key("result")
        let outcome = run(request) { method, params in try method.write(params, context, &out) }
        guard let id = request.id else {
            out.reset(to: start)
            return false
        }
        switch outcome {
        case .success:
            out.key("id")
            out.value(id)
            out.endObject()
        case .failure(let error):
            out.reset(to: start)
            out.value(Self.response(id: id, error: error))
        }
        return true
    }

    /// Runs `body` with the request's method and params, mapping every failure to an `RPCError`.
    func run(_ request: RPCRequest, _ body: (RPCMethod, JSONFields) throws -> Void) -> Result<Void, RPCError> {
        guard let method = methods[request.method] else {
            return .failure(
                RPCError(
                    code: RPCError.methodNotFound,
                    message: "Metode \"\(request.method.clipped(60))\" tidak dikenal. Lihat rpc.discover.",
                    data: ["code": "method_not_found", "method": .string(request.method.clipped(200))]))
        }
        if !requestsMarkedByReader { context.service.startRequest() }
        do {
            return .success(try body(method, try JSONFields.params(request.params)))
        } catch let error as SKMError {
            return .failure(RPCError(error))
        } catch let error as RPCError {
            return .failure(error)
        } catch {
            return .failure(
                RPCError(
                    code: RPCError.internalError, message: "Kesalahan internal skm: \(error).", data: ["code": "internal"]))
        }
    }

    static func parseFailure(_ error: JSONParseError) -> JSONValue {
        if error.kind == .duplicateKey {
            return response(
                id: .null,
                error: RPCError(
                    code: RPCError.invalidRequest, message: error.indonesianMessage,
                    data: ["code": "duplicate_key", "field": .string(error.key ?? "")]))
        }
        return response(
            id: .null,
            error: RPCError(
                code: RPCError.parseError, message: "JSON tidak dapat dibaca: \(error.indonesianMessage).",
                data: ["code": "parse_error", "offset": .int(error.offset), "reason": .string(error.kind.rawValue)]))
    }

    static func response(id: JSONValue, error: RPCError) -> JSONValue {
        ["jsonrpc": "2.0", "error": error.json, "id": id]
    }
}
