import Foundation
import SKMCore
import SKMJSON
import SKMService
import SKMTestSupport

@testable import SKMRPC

/// A dispatcher on a fresh database (unit KEC with services KTP and SKET), fixed clock.
final class RPCFixture {
    let workspace: TestWorkspace
    var directory: String { workspace.directory }
    var service: SKMService { workspace.service }
    let dispatcher: RPCDispatcher
    let server: RPCServer

    init(registry: Bool = true, maxLineBytes: Int = RPCServer.defaultMaxLineBytes) throws {
        workspace = try TestWorkspace(name: "rpc-tests", services: registry ? TestWorkspace.ktpAndSket : [])
        dispatcher = RPCDispatcher(context: RPCContext(service: workspace.service, openRPC: OpenRPC.document))
        server = RPCServer(dispatcher: dispatcher, maxLineBytes: maxLineBytes)
    }

    /// The server's output line for an input line (nil: no output), as the wire carries it.
    func line(_ text: String) -> String? {
        line(Array(text.utf8))
    }

    func line(_ bytes: [UInt8]) -> String? {
        server.answer(to: .text(bytes)).map { JSONWriter(asciiOnly: true).string($0) }
    }

    /// The parsed answer to one line.
    func call(_ text: String) -> JSONValue? {
        line(text).flatMap { try? JSONParser().parse($0) }
    }

    /// Calls `method` with named params (as JSON text) and id 1.
    func call(_ method: String, _ params: String = "{}") -> JSONValue {
        call(#"{"jsonrpc":"2.0","method":"\#(method)","params":\#(params),"id":1}"#) ?? .null
    }
}

extension JSONValue {
    var errorCode: Int? { self["error"]?["code"]?.numberValue?.int }
    var errorField: String? { self["error"]?["data"]?["field"]?.stringValue }
}
