import SKMCore
import SKMJSON

/// One JSON-RPC 2.0 request, checked for shape.
struct RPCRequest {
    let method: String
    let params: JSONValue?
    /// nil for a notification (no `id` member at all); `.null` is a real id.
    let id: JSONValue?

    /// Checks the request object. On failure returns the error and the id to answer with
    /// (nil when the request is a notification, which gets no answer at all).
    static func parse(_ value: JSONValue) -> Result<RPCRequest, RequestFailure> {
        guard case .object(let object) = value else {
            return .failure(
                RequestFailure(
                    id: .null,
                    error: RPCError(
                        code: RPCError.invalidRequest,
                        message: "Permintaan harus objek JSON-RPC 2.0, bukan \(value.indonesianTypeName).",
                        data: ["code": "invalid_request"])))
        }
        let rawID = object["id"]
        var id: JSONValue?
        if let rawID {
            switch rawID {
            case .string, .number, .null: id = rawID
            default:
                return .failure(
                    RequestFailure(
                        id: .null,
                        error: RPCError(
                            code: RPCError.invalidRequest,
                            message: "\"id\" harus teks, angka atau null, bukan \(rawID.indonesianTypeName).",
                            data: ["code": "invalid_request", "field": "id"])))
            }
        }
        let answerID = id ?? .null
        guard object["jsonrpc"] == "2.0" else {
            return .failure(
                RequestFailure(
                    id: answerID,
                    error: RPCError(
                        code: RPCError.invalidRequest, message: "Anggota \"jsonrpc\" harus tepat \"2.0\".",
                        data: ["code": "invalid_request", "field": "jsonrpc"])))
        }
        guard let method = object["method"]?.stringValue else {
            return .failure(
                RequestFailure(
                    id: answerID,
                    error: RPCError(
                        code: RPCError.invalidRequest, message: "Anggota \"method\" wajib ada dan berupa teks.",
                        data: ["code": "invalid_request", "field": "method"])))
        }
        let params = object["params"]
        if let params {
            switch params {
            case .object, .array: break
            default:
                return .failure(
                    RequestFailure(
                        id: answerID,
                        error: RPCError(
                            code: RPCError.invalidRequest,
                            message: "\"params\" harus objek (parameter bernama), bukan \(params.indonesianTypeName).",
                            data: ["code": "invalid_request", "field": "params"])))
            }
        }
        return .success(RPCRequest(method: method, params: params, id: id))
    }
}

/// Why a request could not be run, and the id to answer with.
struct RequestFailure: Error {
    let id: JSONValue
    let error: RPCError
}
