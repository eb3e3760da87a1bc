import SKMJSON
import Testing

/// `skm rpc` as a spreadsheet macro runs it: a subprocess fed lines on standard input.
@Suite struct RPCProcessTests {
    @Test func aStreamOfGoodAndBadLinesIsAnsweredInOrder() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        var input: [UInt8] = []
        func add(_ text: String, _ end: String = "\n") { input += Array((text + end).utf8) }
        add(#"{"jsonrpc":"2.0","method":"unit.add","params":{"code":"KEC","name":"Kecamatan Cé"},"id":1}"#, "\r\n")
        add("")
        add(#"{"jsonrpc":"2.0","method":"service.add","params":{"unit":"KEC","code":"KTP","name":"KTP"},"id":2}"#)
        input += Array(#"{"jsonrpc":"2.0","method":"x","id":"#.utf8) + [0xFF, 0xFE] + Array("3}\n".utf8)
        add("{" + String(repeating: " ", count: 5000) + "}")
        add(
            #"{"jsonrpc":"2.0","method":"response.submit","params":{"unit":"KEC","service":"KTP","answers":[4,4,4,4,4,4,4,4,3],"date":"2025-05-05","clientId":"a"},"id":4}"#
        )
        add(
            #"{"jsonrpc":"2.0","method":"response.submit","params":{"unit":"KEC","service":"KTP","answers":[4,4,4,4,4,4,4,4,3],"date":"2025-05-05","clientId":"a"},"id":5}"#
        )
        add(#"{"jsonrpc":"2.0","method":"ikm.compute","params":{"filter":{"year":2025}},"id":6}"#)
        add(#"{"jsonrpc":"2.0","method":"response.submit","params":{"unit":"KEC","service":"KTP","answers":[4,4]}}"#)
        add(#"{"jsonrpc":"2.0","method":"skm.info","id":7}"#, "")
        let result = try skm.run(["rpc", "--max-line-bytes", "2048"], bytes: input)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 8)
        #expect(result.stdout.utf8.allSatisfy { $0 < 0x80 })
        let answers = lines.map { (try? JSONParser().parse(String($0))) ?? .null }
        #expect(answers[0]["result"]?["name"] == "Kecamatan Cé")
        #expect(lines[0].contains(#"Kecamatan C\u00e9"#))
        #expect(answers[1]["id"] == 2)
        #expect(answers[2]["error"]?["code"] == -32700)
        #expect(answers[3]["error"]?["code"] == -32600)
        #expect(answers[3]["error"]?["data"]?["limit"] == 2048)
        #expect(answers[4]["result"] == ["id": 1, "duplicate": false])
        #expect(answers[5]["result"] == ["id": 1, "duplicate": true])
        #expect(answers[6]["result"]?["ikm"]?.numberValue?.double ?? 0 > 97)
        #expect(answers[7]["result"]?["responses"]?["total"] == 1)
    }

    /// Notepad and PowerShell's `Set-Content -Encoding UTF8` write a byte order mark first; the
    /// first request is answered as if it were not there (only before the first line).
    @Test func aByteOrderMarkBeforeTheFirstLineIsSkipped() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let first = Array(#"{"jsonrpc":"2.0","method":"sample.size","params":{"population":500},"id":1}"#.utf8)
        let second = Array(#"{"jsonrpc":"2.0","method":"sample.size","params":{"population":100},"id":2}"#.utf8)
        let result = try skm.run(["rpc"], bytes: bom + first + Array("\r\n".utf8) + bom + second + [0x0A])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map { (try? JSONParser().parse(String($0))) ?? .null }
        #expect(lines.count == 2)
        #expect(lines.first?["result"] == ["population": 500, "minimum": 217])
        // A mark inside the stream is not a byte order mark: that line is refused as before.
        #expect(lines.last?["error"]?["code"] == -32700)
        #expect(lines.last?["id"] == .null)
    }

    @Test func theServerEndsCleanlyAtEndOfInput() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let empty = try skm.run(["rpc"], input: "")
        #expect(empty.status == 0)
        #expect(empty.stdout.isEmpty)
        let utf8 = try skm.run(
            ["rpc", "--utf8"],
            input: #"{"jsonrpc":"2.0","method":"questionnaire.get","params":{"id":"permenpanrb-14-2017"},"id":1}"#)
        #expect(utf8.stdout.contains("1,00 – 2,5996"))
    }
}
