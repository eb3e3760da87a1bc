import SKMCore
import SKMJSON
import SKMService
import SKMTestSupport
import Testing

/// The one reading of each option value, shared by the command line and JSON-RPC.
@Suite struct OptionValuesTests {
    @Test func knownValuesAreReadAndAbsentOnesGetTheDefault() throws {
        #expect(try Weighting.parse(nil) == .exact)
        #expect(try Weighting.parse("0,111") == .threeDecimals)
        #expect(try Aggregation.parse(nil) == .pooled)
        #expect(try Aggregation.parse("rata-rata-layanan") == .meanOfServices)
        #expect(try Breakdown.parse([]) == [])
        #expect(try Breakdown.parse(["layanan", "quarter", "service"]) == [.service, .quarter])
        #expect(try DataFormat.parse(nil) == nil)
        #expect(try DataFormat.parse("ndjson") == .jsonl)
    }

    @Test func anUnknownValueGetsItsCodeFieldAndOneMessage() {
        let weighting = skmError { _ = try Weighting.parse("0.1") }
        #expect(weighting?.code == .invalidWeighting)
        #expect(weighting?.field == "weighting")
        #expect(weighting?.message == #"weighting harus "exact", "0.111" atau "0.11"; diterima "0.1"."#)
        let aggregation = skmError { _ = try Aggregation.parse("median") }
        #expect(aggregation?.code == .invalidAggregation)
        #expect(aggregation?.field == "aggregation")
        let by = skmError { _ = try Breakdown.parse(["service", "minggu"]) }
        #expect(by?.code == .invalidFilter)
        #expect(by?.field == "by")
        #expect(by?.message == #"by harus service, unit, quarter, semester, month atau year; diterima "minggu"."#)
        let format = skmError { _ = try DataFormat.parse("xml") }
        #expect(format?.code == .usage)
        #expect(format?.field == "format")
    }

    @Test func classifyRefusesWhatNoQuestionnaireCanGive() throws {
        let f = try ServiceFixture(registry: false)
        #expect(try f.service.classify(ikm: 25, questionnaire: nil).0.mutu == "D")
        for value in [10, 24.99, -1, 100.01, .nan, .infinity, -.infinity] {
            let e = skmError { _ = try f.service.classify(ikm: value, questionnaire: nil) }
            #expect(e?.code == .invalidNumber, "\(value)")
            #expect(e?.field == "ikm")
        }
        #expect(
            skmError { _ = try f.service.classify(ikm: 10, questionnaire: nil) }?.message
                == "Nilai IKM harus antara 25,00 dan 100,00, diterima 10,00.")
    }

    @Test func errorDocumentsCarryWhatJSONRPCPutsInData() {
        let error = SKMError(
            .unknownQuestionnaire, "Kuesioner \"x\" tidak dikenal.", field: "questionnaire", details: ["available": ["a"]])
        let document = ErrorJSON.document(error)
        #expect(document["error"]?["message"] == "Kuesioner \"x\" tidak dikenal.")
        #expect(document["error"]?["code"] == "unknown_questionnaire")
        #expect(document["error"]?["field"] == "questionnaire")
        #expect(document["error"]?["details"] == ["available": ["a"]])
        #expect(ErrorJSON.document(SKMError(.usage, "x"))["error"]?["field"] == .null)
    }
}
