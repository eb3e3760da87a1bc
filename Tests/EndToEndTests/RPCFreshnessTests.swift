import Foundation
import SKMJSON
import Testing

/// A running `skm rpc` sees what other processes store meanwhile.
@Suite struct RPCFreshnessTests {
    /// `skm rpc` kept running: one request line written, its answer line read, at a time.
    final class RPCSession {
        let process = Process()
        let input = Pipe()
        let output = Pipe()
        var pending = Data()

        init(_ skm: SKMProcess) throws {
            process.executableURL = URL(fileURLWithPath: SKMProcess.binary)
            process.arguments = ["rpc", "--db", skm.database]
            process.currentDirectoryURL = URL(fileURLWithPath: skm.directory)
            process.environment = ["PATH": "/usr/bin:/bin", "HOME": skm.directory, "LANG": "C.UTF-8"]
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
        }

        func call(_ method: String, _ params: String = "{}") throws -> JSONValue {
            input.fileHandleForWriting.write(
                Data((#"{"jsonrpc":"2.0","method":"\#(method)","params":\#(params),"id":1}"# + "\n").utf8))
            while true {
                if let end = pending.firstIndex(of: 0x0A) {
                    let line = pending[pending.startIndex..<end]
                    pending.removeSubrange(pending.startIndex...end)
                    return try JSONParser().parse(String(decoding: line, as: UTF8.self))
                }
                let chunk = output.fileHandleForReading.availableData
                guard !chunk.isEmpty else { return .null }
                pending.append(chunk)
            }
        }

        func close() {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
    }

    /// A copy of the 2017 questionnaire under another id.
    func customDefinition(_ skm: SKMProcess) throws -> String {
        let definition = try skm.run(["questionnaire", "show", "permenpanrb-14-2017", "--json"]).stdout
        return try skm.write(
            "puskesmas.json", definition.replacingOccurrences(of: "\"permenpanrb-14-2017\"", with: "\"puskesmas-2026\""))
    }

    func ids(_ answer: JSONValue) -> [String] {
        answer["result"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
    }

    @Test func aQuestionnaireAddedByAnotherProcessIsSeen() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.run(["init"])
        try skm.registry()
        let file = try customDefinition(skm)
        let rpc = try RPCSession(skm)
        defer { rpc.close() }
        #expect(!ids(try rpc.call("questionnaire.list")).contains("puskesmas-2026"))
        #expect(
            try rpc.call("ikm.classify", #"{"ikm":80,"questionnaire":"puskesmas-2026"}"#)["error"]?["data"]?["code"]
                == "unknown_questionnaire")

        let added = try skm.run(["questionnaire", "add", file])
        #expect(added.status == 0, "\(added.stderr)")

        #expect(ids(try rpc.call("questionnaire.list")).contains("puskesmas-2026"))
        #expect(try rpc.call("ikm.classify", #"{"ikm":80,"questionnaire":"puskesmas-2026"}"#)["result"]?["mutu"] == "B")
        let submitted = try rpc.call(
            "response.submit",
            #"{"questionnaire":"puskesmas-2026","unit":"KEC","service":"KTP","answers":[3,3,3,3,3,3,3,3,3],"date":"2025-01-01"}"#)
        #expect(submitted["result"]?["id"] == 1, "\(submitted)")
        // A write by another process that adds no questionnaire leaves the catalog as it is.
        try skm.run(["submit", "--unit", "KEC", "--service", "KTP", "--answers", "444444444", "--date", "2025-01-02"])
        #expect(ids(try rpc.call("questionnaire.list")).contains("puskesmas-2026"))
    }

    @Test func aDatabaseCreatedAfterTheServerStartedIsSeen() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let file = try customDefinition(skm)
        let rpc = try RPCSession(skm)
        defer { rpc.close() }
        #expect(
            ids(try rpc.call("questionnaire.list")) == [
                "permenpanrb-14-2017", "permenpanrb-16-2014", "kepmenpan-25-2004", "ipkp-90-2021", "ipak-90-2021",
            ])

        try skm.run(["init"])
        #expect(try skm.run(["questionnaire", "add", file]).status == 0)

        #expect(ids(try rpc.call("questionnaire.list")).contains("puskesmas-2026"))
    }
}
