import Foundation
import SKMJSON
import SKMService
import Testing

@testable import SKMRPC

/// The examples of the JSON-RPC 2.0 specification (section 7), adapted to skm's methods.
@Suite struct SpecificationTests {
    @Test func callWithNamedParams() throws {
        let f = try RPCFixture()
        #expect(
            f.line(#"{"jsonrpc": "2.0", "method": "sample.size", "params": {"population": 500}, "id": 3}"#)
                == #"{"jsonrpc":"2.0","result":{"population":500,"minimum":217},"id":3}"#)
    }

    @Test func positionalParamsAreRefusedWithAHint() throws {
        let f = try RPCFixture()
        let answer = f.call(#"{"jsonrpc": "2.0", "method": "sample.size", "params": [500], "id": 1}"#)
        #expect(answer?.errorCode == -32602)
        #expect(answer?["error"]?["message"]?.stringValue?.contains("objek bernama") == true)
        #expect(answer?.errorField == "params")
    }

    @Test func notificationsGetNoReplyEvenOnError() throws {
        let f = try RPCFixture()
        #expect(f.line(#"{"jsonrpc": "2.0", "method": "sample.size", "params": {"population": 10}}"#) == nil)
        #expect(f.line(#"{"jsonrpc": "2.0", "method": "no.such"}"#) == nil)
        #expect(f.line(#"{"jsonrpc": "2.0", "method": "sample.size", "params": {"population": "x"}}"#) == nil)
        #expect(
            f.line(
                #"{"jsonrpc": "2.0", "method": "response.submit", "params": {"unit": "KEC", "service": "KTP", "answers": [4,4,4,4,4,4,4,4,4], "date": "2025-01-02"}}"#
            ) == nil)
        #expect((try? f.service.responseCounts().total) == 1)  // the notification was still executed
    }

    @Test func unknownMethod() throws {
        let f = try RPCFixture()
        #expect(
            f.line(#"{"jsonrpc": "2.0", "method": "foobar", "id": "1"}"#)
                == #"{"jsonrpc":"2.0","error":{"code":-32601,"message":"Metode \"foobar\" tidak dikenal. Lihat rpc.discover.","data":{"code":"method_not_found","method":"foobar"}},"id":"1"}"#
        )
    }

    @Test func invalidJSON() throws {
        let f = try RPCFixture()
        let answer = f.call(#"{"jsonrpc": "2.0", "method": "foobar, "params": "bar", "baz]"#)
        #expect(answer?.errorCode == -32700)
        #expect(answer?["id"] == .null)
    }

    @Test func invalidRequestObject() throws {
        let f = try RPCFixture()
        let answer = f.call(#"{"jsonrpc": "2.0", "method": 1, "params": "bar"}"#)
        #expect(answer?.errorCode == -32600)
        #expect(answer?["id"] == .null)
        #expect(f.call(#"{"method": "sample.size", "id": 2}"#)?.errorCode == -32600)
        #expect(f.call(#"{"jsonrpc": "1.0", "method": "sample.size", "id": 2}"#)?["id"] == 2)
        #expect(f.call(#"{"jsonrpc": "2.0", "method": "sample.size", "id": {"a": 1}}"#)?["id"] == .null)
    }

    @Test func batchWithInvalidJSON() throws {
        let f = try RPCFixture()
        let answer = f.call(
            #"[{"jsonrpc": "2.0", "method": "sample.size", "params": {"population": 10}, "id": "1"},{"jsonrpc": "2.0", "method""#)
        #expect(answer?.errorCode == -32700)
    }

    @Test func emptyBatch() throws {
        let f = try RPCFixture()
        #expect(
            f.line("[]")
                == #"{"jsonrpc":"2.0","error":{"code":-32600,"message":"Batch kosong.","data":{"code":"empty_batch"}},"id":null}"#
        )
    }

    @Test func invalidBatchesGetOneErrorPerElement() throws {
        let f = try RPCFixture()
        #expect(f.call("[1]")?.arrayValue?.count == 1)
        let three = f.call("[1,2,3]")?.arrayValue
        #expect(three?.count == 3)
        #expect(three?.allSatisfy { $0.errorCode == -32600 && $0["id"] == .null } == true)
    }

    @Test func mixedBatch() throws {
        let f = try RPCFixture()
        let batch = """
            [{"jsonrpc": "2.0", "method": "sample.size", "params": {"population": 100}, "id": "1"},
             {"jsonrpc": "2.0", "method": "sample.size", "params": {"population": 10}},
             {"jsonrpc": "2.0", "method": "ikm.classify", "params": {"ikm": 88.305}, "id": "2"},
             {"foo": "boo"},
             {"jsonrpc": "2.0", "method": "foo.get", "params": {"name": "myself"}, "id": "5"},
             {"jsonrpc": "2.0", "method": "skm.info", "id": "9"}]
            """.replacingOccurrences(of: "\n", with: "")
        let answers = f.call(batch)?.arrayValue ?? []
        #expect(answers.count == 5)
        #expect(answers[0]["result"]?["minimum"] == 80)
        #expect(answers[1]["result"]?["mutu"] == "A")
        #expect(answers[2].errorCode == -32600)
        #expect(answers[3].errorCode == -32601)
        #expect(answers[3]["id"] == "5")
        #expect(answers[4]["result"]?["version"] != nil)
    }

    @Test func anAllNotificationBatchGetsNothing() throws {
        let f = try RPCFixture()
        #expect(
            f.line(
                #"[{"jsonrpc": "2.0", "method": "sample.size", "params": {"population": 1}}, {"jsonrpc": "2.0", "method": "x"}]"#)
                == nil)
    }

    @Test(arguments: [
        ("\"abc\"", "\"abc\""), ("7", "7"), ("-0", "-0"), ("12345678901234567890", "12345678901234567890"),
        ("1.50", "1.50"), ("1e400", "1e400"), ("null", "null"),
    ])
    func idsAreEchoedExactly(id: String, echoed: String) throws {
        let f = try RPCFixture()
        let line = f.line(#"{"jsonrpc":"2.0","method":"sample.size","params":{"population":10},"id":\#(id)}"#) ?? ""
        #expect(line.hasSuffix(",\"id\":\(echoed)}"))
    }
}
