import Foundation
import SKMCore
import SKMJSON
import Testing

@testable import SKMRPC

/// `rtl.*` and `publish.*`: the same rules and codes as the command line, with the JSON-RPC
/// error numbers of their kind. Today is 2026-11-22; unit KEC has services KTP and SKET.
@Suite struct FollowUpRPCTests {
    static let add =
        #"{"year":2025,"unsur":"U3","program":"Pelatihan","penanggungJawab":"Kasi","target":"2026-06-30","plannedOn":"2026-01-05","unit":"KEC","service":"KTP"}"#

    @Test func theRegisterOverRPC() throws {
        let f = try RPCFixture()
        let added = f.call("rtl.add", Self.add)["result"]
        #expect(added?["number"] == 1 && added?["service"] == "KTP" && added?["status"] == "open")
        let done = f.call("rtl.done", #"{"number":1,"date":"2026-07-02","evidence":"Foto"}"#)["result"]
        #expect(done?["doneOn"] == "2026-07-02" && done?["doneOnTime"] == false && done?["version"] == 2)
        let corrected = f.call("rtl.correct", #"{"number":1,"doneOn":"2026-06-30","reason":"salah ketik"}"#)["result"]
        #expect(corrected?["doneOnTime"] == true && corrected?["version"] == 3)
        #expect(f.call("rtl.history", #"{"number":1}"#)["result"]?.arrayValue?.count == 3)
        #expect(f.call("rtl.list", #"{"year":2025}"#)["result"]?.arrayValue?.count == 1)
        _ = f.call("publish.add", #"{"year":2025,"medium":"website","date":"2026-01-20"}"#)
        _ = f.call("publish.add", #"{"year":2025,"medium":"radio","date":"2026-01-21","note":"RRI"}"#)
        _ = f.call("publish.void", #"{"number":2,"reason":"tidak jadi siar"}"#)
        let summary = f.call("rtl.summary", #"{"year":2025}"#)["result"]?.arrayValue?.first
        // No responses: the period ends on 31 December 2025; done 2026-06-30 is 181 days later.
        #expect(summary?["periodEnd"] == "2025-12-31" && summary?["meanDays"] == 181 && summary?["shareOnTime"] == 100)
        #expect(summary?["media"] == ["website"] && summary?["mediaCount"] == 1)
        #expect(f.call("publish.list", "{}")["result"]?.arrayValue?.last?["voided"] == true)
    }

    @Test func errorsCarryTheirCodeAndKind() throws {
        let f = try RPCFixture()
        _ = f.call("rtl.add", Self.add)
        let cases: [(String, String, Int, String)] = [
            ("rtl.add", Self.add.replacingOccurrences(of: "U3", with: "U42"), -32001, "unknown_unsur"),
            ("rtl.add", Self.add.replacingOccurrences(of: "2026-06-30", with: "2025-06-30"), -32001, "date_order"),
            ("rtl.add", Self.add.replacingOccurrences(of: "\"KTP\"", with: "\"IZIN\""), -32002, "unknown_service"),
            ("rtl.add", #"{"year":2025}"#, -32602, "missing_field"),
            ("rtl.done", #"{"number":5,"date":"2026-01-10","evidence":"x"}"#, -32002, "rtl_not_found"),
            ("rtl.done", #"{"number":1,"date":"2027-01-10","evidence":"x"}"#, -32001, "future_date"),
            ("rtl.done", #"{"number":0,"date":"2026-01-10","evidence":"x"}"#, -32001, "invalid_number"),
            ("rtl.correct", #"{"number":1,"reason":"x","sebab":"y"}"#, -32602, "unknown_field"),
            ("publish.add", #"{"year":2025,"medium":"koran","date":"2026-01-20"}"#, -32001, "invalid_medium"),
            ("publish.add", #"{"year":2025,"medium":"website","date":"2026-01-20","link":"ftp://x"}"#, -32001, "invalid_link"),
            ("publish.void", #"{"number":3,"reason":"x"}"#, -32002, "publication_not_found"),
        ]
        for (method, params, number, code) in cases {
            let answer = f.call(method, params)
            #expect(answer.errorCode == number, "\(method) \(params)")
            #expect(answer["error"]?["data"]?["code"]?.stringValue == code, "\(method) \(params)")
        }
        _ = f.call("rtl.done", #"{"number":1,"date":"2026-01-10","evidence":"x"}"#)
        let twice = f.call("rtl.done", #"{"number":1,"date":"2026-01-11","evidence":"x"}"#)
        #expect(twice.errorCode == -32003 && twice["error"]?["data"]?["code"] == "rtl_already_done")
        #expect(f.call("rtl.list")["result"]?.arrayValue?.count == 1)
        #expect(f.call("rtl.history", #"{"number":1}"#)["result"]?.arrayValue?.count == 2)
        #expect(f.call("publish.list")["result"] == [])
    }
}
