import Foundation
import SKMJSON
import Testing

/// The command line and `skm rpc` read option values with one parser and write one JSON shape:
/// the same bad value gets the same code, field and message from both.
@Suite struct FrontEndAgreementTests {
    /// The `error` member of the answer `skm rpc` gives to one call.
    func rpcError(_ skm: SKMProcess, _ method: String, _ params: String) throws -> JSONValue? {
        let answer = try skm.run(["rpc"], input: #"{"jsonrpc":"2.0","method":"\#(method)","params":\#(params),"id":1}"# + "\n")
        return answer.json["error"]
    }

    @Test func theSameBadValueGetsTheSameCodeFieldAndMessageFromBoth() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.run(["init"])
        try skm.registry()
        let cases: [(cli: [String], params: String, code: String, field: String)] = [
            (["--by", "minggu"], #"{"by":"minggu"}"#, "invalid_filter", "by"),
            (["--by", "service,minggu"], #"{"by":["service","minggu"]}"#, "invalid_filter", "by"),
            (["--weighting", "0.1"], #"{"weighting":"0.1"}"#, "invalid_weighting", "weighting"),
            (["--aggregation", "median"], #"{"aggregation":"median"}"#, "invalid_aggregation", "aggregation"),
            (["--year", "2025", "--quarter", "5"], #"{"filter":{"year":2025,"quarter":5}}"#, "invalid_filter", "filter.quarter"),
        ]
        for c in cases {
            let cli = try skm.run(["ikm", "--json"] + c.cli)
            let rpc = try rpcError(skm, "ikm.compute", c.params)
            #expect(cli.status == 1, "\(c.cli): \(cli.stderr)")
            #expect(cli.json["error"]?["code"]?.stringValue == c.code, "\(c.cli)")
            #expect(rpc?["data"]?["code"]?.stringValue == c.code, "\(c.params)")
            #expect(rpc?["code"] == -32001)
            #expect(cli.json["error"]?["field"]?.stringValue == c.field, "\(c.cli)")
            #expect(rpc?["data"]?["field"]?.stringValue == c.field, "\(c.params)")
            let message = cli.json["error"]?["message"]?.stringValue
            #expect(message != nil && message == rpc?["message"]?.stringValue, "\(c.cli)")
            #expect(cli.stderr.contains(message ?? "?"))
        }
    }

    @Test func commandLineJSONErrorsCarryTheDetailsJSONRPCPutsInData() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.run(["init"])
        let cli = try skm.run(["ikm", "--questionnaire", "kuesioner-x", "--json"])
        let rpc = try rpcError(skm, "ikm.compute", #"{"filter":{"questionnaire":"kuesioner-x"}}"#)
        #expect(cli.status == 1)
        #expect(cli.json["error"]?["code"] == "unknown_questionnaire")
        #expect(cli.json["error"]?["details"]?["available"]?.arrayValue?.contains("permenpanrb-14-2017") == true)
        #expect(cli.json["error"]?["details"] == rpc?["data"]?["details"])
        #expect(cli.json["error"]?["field"] == rpc?["data"]?["field"])
    }

    @Test func submitAndSampleSizeAnswerWithOneShape() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.run(["init"])
        try skm.registry()
        let cli = try skm.run([
            "submit", "--unit", "KEC", "--service", "KTP", "--answers", "444444444", "--date", "2025-03-01", "--client-id", "a",
            "--json",
        ])
        let rpc = try skm.run(
            ["rpc"],
            input:
                #"{"jsonrpc":"2.0","method":"response.submit","params":{"unit":"KEC","service":"KTP","answers":[4,4,4,4,4,4,4,4,4],"date":"2025-03-01","clientId":"a"},"id":1}"#
                + "\n")
        #expect(cli.json == ["id": 1, "duplicate": false])
        #expect(rpc.json["result"] == ["id": 1, "duplicate": true])
        let sample = try skm.run(["sample-size", "500", "--json"]).json
        let rpcSample = try skm.run(
            ["rpc"], input: #"{"jsonrpc":"2.0","method":"sample.size","params":{"population":500},"id":1}"# + "\n")
        #expect(sample == rpcSample.json["result"])
    }

    /// `skm ikm --csv --by service,quarter` printed the service table only. (Issue 12: the CSV
    /// headers and breakdown names are Indonesian words now; they were English.)
    @Test func csvWithSeveralBreakdownsHasEveryGroupOfEach() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.run(["init"])
        try skm.registry()
        try skm.run(["submit", "--unit", "KEC", "--service", "KTP", "--answers", "444444444", "--date", "2025-03-01"])
        try skm.run(["submit", "--unit", "KEC", "--service", "SKET", "--answers", "333333333", "--date", "2025-05-01"])
        let both = try skm.run(["ikm", "--year", "2025", "--csv", "--by", "service,quarter"])
        #expect(both.status == 0, "\(both.stderr)")
        let lines = both.stdout.replacingOccurrences(of: "\u{FEFF}", with: "").split(whereSeparator: \.isNewline).map(String.init)
        #expect(lines.first?.hasPrefix("rincian,kunci,label,responden,") == true, "\(lines)")
        #expect(lines.filter { $0.hasPrefix("layanan,") }.count == 2, "\(lines)")
        #expect(lines.filter { $0.hasPrefix("triwulan,") }.count == 2, "\(lines)")
        #expect(lines.count == 1 + 2 + 2)
        let columns = lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).count }
        #expect(Set(columns).count == 1, "one rectangular table: \(lines)")
        let one = try skm.run(["ikm", "--year", "2025", "--csv", "--by", "quarter"])
        let oneLines = one.stdout.replacingOccurrences(of: "\u{FEFF}", with: "").split(whereSeparator: \.isNewline)
        #expect(oneLines.first?.hasPrefix("kunci,label,responden,") == true, "one breakdown: the table as before")
        #expect(oneLines.count == 1 + 2)
    }
}
