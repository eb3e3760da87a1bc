import Foundation
import ProtocolDocument
import SKMJSON
import SKMTestSupport
import Testing

@testable import SKMRPC

/// `Protocol/openrpc.json` and the server agree.
@Suite struct ContractTests {
    static let packageRoot = URL(fileURLWithPath: PackagePaths.root)

    @Test func theDocumentParsesAndIsOpenRPC126() throws {
        let text = try String(contentsOf: Self.packageRoot.appendingPathComponent("Protocol/openrpc.json"), encoding: .utf8)
        let document = try JSONParser(maxDepth: 256).parse(text)
        #expect(document["openrpc"] == "1.2.6")
        #expect(document == OpenRPC.document)
        for method in document["methods"]?.arrayValue ?? [] {
            #expect(method["paramStructure"] == "by-name")
            #expect(method["result"]?["schema"] != nil)
        }
    }

    @Test func everyDispatchedMethodIsDocumentedAndEveryDocumentedMethodIsDispatched() throws {
        let f = try RPCFixture()
        let documented = Set((OpenRPC.document["methods"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue })
        #expect(documented == Set(f.dispatcher.methodNames))
        #expect(documented.count == 42)
    }

    @Test func rpcDiscoverReturnsTheDocument() throws {
        let f = try RPCFixture()
        #expect(f.call("rpc.discover")["result"] == OpenRPC.document)
    }
}
