import Foundation
import SKMCore
import SKMJSON
import SKMService

@testable import SKMRPC

/// A dispatcher on a fresh database (unit KEC with services KTP and SKET), fixed clock.
final class RPCFixture {
    let directory: String
    let service: SKMService
    let dispatcher: RPCDispatcher
    let server: RPCServer

    init(registry: Bool = true, maxLineBytes: Int = RPCServer.defaultMaxLineBytes) throws {
        directory = NSTemporaryDirectory() + "skm-rpc-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let clock = FixedClock(date: CivilDate(year: 2026, month: 11, day: 22) ?? CivilDate(dayNumber: 0), instant: "2026-11-22T08:00:00.000Z")
        service = SKMService(databasePath: directory + "/skm.sqlite", clock: clock)
        dispatcher = RPCDispatcher(context: RPCContext(service: service, openRPC: OpenRPC.document))
        server = RPCServer(dispatcher: dispatcher, maxLineBytes: maxLineBytes)
        if registry {
            _ = try service.addUnit(code: "KEC", name: "Kecamatan Uji")
            _ = try service.addService(unit: "KEC", code: "KTP", name: "KTP-el")
            _ = try service.addService(unit: "KEC", code: "SKET", name: "Surat Keterangan")
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
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
