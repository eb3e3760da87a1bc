import SKMCore
import SKMJSON
import SKMService
import Testing

@testable import SKMRPC

/// Hostile and broken lines: each gets the answer the specification requires, and the server
/// keeps serving.
@Suite struct AdversarialTests {
    let ping = #"{"jsonrpc":"2.0","method":"sample.size","params":{"population":500},"id":"ping"}"#

    func stillServes(_ f: RPCFixture) {
        #expect(f.call(ping)?["result"]?["minimum"] == 217)
    }

    @Test(arguments: [
        #"{"jsonrpc":"2.0","method":"sample.size","params":{"population":5"#,
        #"{"jsonrpc":"2.0""#, "{", "[", "\"", "nul", "{\"a\":}", "[1,]", "{'jsonrpc':'2.0'}", "\u{0}",
    ])
    func truncatedOrMalformedJSON(line: String) throws {
        let f = try RPCFixture()
        #expect(f.call(line)?.errorCode == -32700)
        stillServes(f)
    }

    @Test func tenThousandDeepNesting() throws {
        let f = try RPCFixture()
        for deep in [
            String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
            String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000),
        ] {
            let answer = f.call(deep)
            #expect(answer?.errorCode == -32700)
            #expect(answer?["error"]?["data"]?["reason"] == "too_deep")
        }
        stillServes(f)
    }

    @Test func hugeNumbers() throws {
        let f = try RPCFixture()
        #expect(f.call("sample.size", #"{"population": 1e400}"#).errorCode == -32602)
        #expect(f.call("sample.size", #"{"population": 123456789012345678901234567890}"#).errorCode == -32602)
        #expect(f.call("ikm.classify", #"{"ikm": 1e308}"#).errorCode == -32001)
        #expect(f.call("ikm.classify", #"{"ikm": 10}"#).errorCode == -32001, "below the lowest IKM (25)")
        #expect(f.call("ikm.classify", #"{"ikm": 1e400}"#).errorCode != nil, "not a finite number")
        #expect(f.call("ikm.score", #"{"answers": [[4,4,4,4,4,4,4,4,99999999999999999999999]]}"#).errorCode == -32001)
        stillServes(f)
    }

    @Test func duplicateKeysAreRefused() throws {
        let f = try RPCFixture()
        let answer = f.call(#"{"jsonrpc":"2.0","method":"sample.size","params":{"population":5,"population":6},"id":1}"#)
        #expect(answer?.errorCode == -32600)
        #expect(answer?["error"]?["message"]?.stringValue?.contains("Kunci ganda \"population\"") == true)
    }

    @Test func invalidUTF8SaysWhere() throws {
        let f = try RPCFixture()
        let bytes =
            Array(#"{"jsonrpc":"2.0","method":"unit.add","params":{"code":"X","name":"K"#.utf8) + [0xE9]
            + Array("\"},\"id\":1}".utf8)
        let answer = f.line(bytes).flatMap { try? JSONParser().parse($0) }
        #expect(answer?.errorCode == -32700)
        #expect(answer?["error"]?["data"]?["offset"] == 67)
        #expect(answer?["error"]?["message"]?.stringValue?.contains("bukan UTF-8") == true)
        stillServes(f)
    }

    @Test func nonASCIIInAndOut() throws {
        let f = try RPCFixture()
        let line = f.line(#"{"jsonrpc":"2.0","method":"unit.add","params":{"code":"PUSK","name":"Puskesmas Cé 😀"},"id":1}"#) ?? ""
        #expect(line.utf8.allSatisfy { $0 < 0x80 })
        #expect(line.contains(#"Puskesmas C\u00e9 \ud83d\ude00"#))
        #expect(try f.service.units().first { $0.code == "PUSK" }?.name == "Puskesmas Cé 😀")
    }

    @Test func crlfAndBlankLines() throws {
        let f = try RPCFixture()
        #expect(f.server.answer(to: .text(Array("   \r".utf8))) == nil)
        #expect(f.server.answer(to: .text([])) == nil)
    }

    @Test func anOversizedLineIsAnsweredAndTheNextOneServed() throws {
        let f = try RPCFixture(maxLineBytes: 1024)
        let answer = f.server.answer(to: .tooLong(bytes: 5000))
        #expect(answer?.errorCode == -32600)
        #expect(answer?["error"]?["data"]?["limit"] == 1024)
        stillServes(f)
    }

    /// Valid params for each method, so that one wrong param is the only problem in a call.
    static let validParams: [String: JSONValue] = [
        "questionnaire.get": ["id": "permenpanrb-14-2017"],
        "unit.add": ["code": "BARU", "name": "Unit Baru"],
        "service.list": ["unit": "KEC"],
        "service.add": ["unit": "KEC", "code": "BARU", "name": "Layanan Baru"],
        "response.submit": ["unit": "KEC", "service": "KTP", "answers": [4, 4, 4, 4, 4, 4, 4, 4, 4], "date": "2025-01-02"],
        "response.submitMany": ["responses": [], "atomic": true],
        "response.get": ["id": 1],
        "response.list": ["limit": 10],
        "response.void": ["id": 1, "reason": "uji"],
        "ikm.compute": ["weighting": "exact"],
        "ikm.rekap": ["year": 2025],
        "unit.move": ["code": "KEC"],
        "unit.setPopulation": ["code": "KEC"],
        "ikm.score": ["answers": [[4, 4, 4, 4, 4, 4, 4, 4, 4]]],
        "ikm.classify": ["ikm": 80],
        "sample.size": ["population": 100],
        "zi.summary": ["year": 2025],
        "visit.submit": ["unit": "KEC", "service": "KTP", "answers": ["skm": [4, 4, 4, 4, 4, 4, 4, 4, 4]]],
        "visit.get": ["id": 1],
        "visit.void": ["id": 1, "reason": "uji"],
        "iku.plan.get": ["id": "tidak-ada"],
        "iku.plan.put": ["plan": ["id": "x"]],
        "iku.realization.set": ["plan": "x", "indicator": "IKU-1", "year": 2025, "value": 1],
        "iku.evaluate": ["plan": "x", "year": 2025],
        "akip.evaluate": ["evaluation": ["components": [:]]],
        "akip.get": ["year": 2025],
        "akip.classify": ["nilai": 80],
        "report.generate": ["year": 2025, "formats": "md", "separator": ";"],
        "rtl.add": [
            "year": 2025, "unsur": "U3", "program": "Pelatihan", "penanggungJawab": "Kasi", "target": "2026-06-30",
            "plannedOn": "2026-01-05", "unit": "KEC", "service": "KTP", "questionnaire": "permenpanrb-14-2017",
        ],
        "rtl.done": ["number": 1, "date": "2026-01-10", "evidence": "Foto"],
        "rtl.correct": ["number": 1, "reason": "koreksi", "program": "Pelatihan ulang"],
        "rtl.history": ["number": 1],
        "publish.add": ["year": 2025, "medium": "website", "date": "2026-01-20"],
        "publish.void": ["number": 1, "reason": "salah"],
    ]

    /// Every param of every method, sent with a value of the wrong type.
    @Test func wrongTypesForEveryParamOfEveryMethod() throws {
        let f = try RPCFixture()
        guard case .array(let methods) = OpenRPC.document["methods"] ?? .null else {
            Issue.record("no methods in the OpenRPC document")
            return
        }
        var checked = 0
        for method in methods {
            let name = method["name"]?.stringValue ?? ""
            for param in method["params"]?.arrayValue ?? [] {
                let paramName = param["name"]?.stringValue ?? ""
                let wrong = Self.wrongValue(for: param["schema"] ?? .null)
                var params = Self.validParams[name]?.objectValue ?? JSONObject()
                params[paramName] = wrong
                let answer = f.call(name, JSONValue.object(params).description)
                #expect(answer.errorCode == -32602, "\(name).\(paramName) = \(wrong): \(answer)")
                #expect(answer.errorField == paramName, "\(name).\(paramName): \(answer)")
                checked += 1
            }
            var unknown = Self.validParams[name]?.objectValue ?? JSONObject()
            unknown["nama_tidak_dikenal"] = 1
            let answer = f.call(name, JSONValue.object(unknown).description)
            #expect(answer.errorCode == -32602, "\(name) with an unknown param")
            #expect(answer.errorField == "nama_tidak_dikenal")
        }
        #expect(checked >= 30)
        stillServes(f)
    }

    /// A value that no branch of the param's schema accepts.
    static func wrongValue(for schema: JSONValue) -> JSONValue {
        if schema["type"] == "boolean" { return "ya" }
        if schema["type"] == "object" || schema["$ref"]?.stringValue?.hasSuffix("/Filter") == true { return [1, 2] }
        return true
    }
}
