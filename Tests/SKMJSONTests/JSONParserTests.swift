import Testing

@testable import SKMJSON

@Suite struct JSONParserTests {
    let parser = JSONParser()

    @Test func parsesEveryKindOfValue() throws {
        let value = try parser.parse(#"{"a": [1, -2.5e3, true, false, null], "b": {"c": "d"}, "e": ""}"#)
        #expect(value["a"] == [1, .number(JSONNumber(literal: "-2.5e3")), true, false, nil])
        #expect(value["b"]?["c"] == "d")
        #expect(value["e"] == "")
    }

    @Test func keepsNumbersExactlyAsWritten() throws {
        let value = try parser.parse("12345678901234567890")
        #expect(value.numberValue?.text == "12345678901234567890")
        #expect(JSONWriter.compact.string(value) == "12345678901234567890")
        #expect(try parser.parse("3.0").numberValue?.int == 3)
        #expect(try parser.parse("3.5").numberValue?.int == nil)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try parser.parse(#""a\"b\\c\/\n\t\u00e9\ud83d\ude00""#)
        #expect(value == .string("a\"b\\c/\n\té😀"))
    }

    @Test(arguments: [
        ("[1, 2", JSONParseError.Kind.unexpectedEnd),
        ("{\"a\" 1}", .unexpectedCharacter),
        ("01", .trailingData),
        ("1.", .invalidNumber),
        ("-", .unexpectedEnd),
        ("1e", .invalidNumber),
        ("\"a\nb\"", .controlCharacter),
        ("\"\\x\"", .invalidEscape),
        ("\"\\ud800\"", .invalidEscape),
        ("{\"a\":1,\"a\":2}", .duplicateKey),
        ("[1] [2]", .trailingData),
        ("   ", .empty),
        ("tru", .unexpectedEnd),
        ("nul1", .unexpectedCharacter),
    ])
    func rejectsMalformedText(text: String, kind: JSONParseError.Kind) {
        #expect(throws: JSONParseError.self) { try parser.parse(text) }
        do {
            _ = try parser.parse(text)
        } catch {
            #expect(error.kind == kind, "\(text)")
        }
    }

    @Test func refusesDeepNestingWithoutCrashing() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        do {
            _ = try parser.parse(deep)
            Issue.record("deep nesting was accepted")
        } catch {
            #expect(error.kind == .tooDeep)
        }
        let ok = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: Never.self) { try parser.parse(ok) }
    }

    @Test func reportsWhereUTF8IsInvalid() {
        let bytes: [UInt8] = Array("{\"a\":\"".utf8) + [0xC3, 0x28] + Array("\"}".utf8)
        do {
            _ = try parser.parse(bytes)
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.kind == .invalidUTF8)
            #expect(error.offset == 6)
            #expect(error.indonesianMessage.contains("byte ke-7"))
        }
        #expect(UTF8Validation.firstInvalidOffset(Array("é😀".utf8)) == nil)
        #expect(UTF8Validation.firstInvalidOffset([0xED, 0xA0, 0x80]) == 0)  // encoded surrogate
        #expect(UTF8Validation.firstInvalidOffset([0xC0, 0x80]) == 0)  // overlong
        #expect(UTF8Validation.firstInvalidOffset([0x41, 0xE2, 0x82]) == 1)  // truncated
    }
}

@Suite struct JSONWriterTests {
    @Test func writesASCIIOnlyWhenAsked() {
        let value: JSONValue = ["nama": "Kecamatan Cé 😀", "n": 1]
        let ascii = JSONWriter(asciiOnly: true).string(value)
        #expect(ascii == #"{"nama":"Kecamatan C\u00e9 \ud83d\ude00","n":1}"#)
        #expect(ascii.utf8.allSatisfy { $0 < 0x80 })
        #expect(JSONWriter.compact.string(value) == #"{"nama":"Kecamatan Cé 😀","n":1}"#)
    }

    @Test func escapesControlCharactersAndQuotes() {
        let value: JSONValue = .string("a\"b\\\n\u{01}")
        #expect(JSONWriter.compact.string(value) == #""a\"b\\\n\u0001""#)
    }

    @Test func roundTrips() throws {
        let value: JSONValue = ["a": [1, 2.5, "x", nil, true], "b": ["c": ["d": "é"]]]
        for writer in [JSONWriter.compact, .pretty, JSONWriter(asciiOnly: true)] {
            #expect(try JSONParser().parse(writer.string(value)) == value)
        }
    }

    @Test func neverWritesNaN() {
        #expect(JSONValue.double(Double.nan) == .null)
        #expect(JSONValue.double(Double.infinity) == .null)
        #expect(JSONWriter.compact.string(.double(91.5)) == "91.5")
        #expect(JSONWriter.compact.string(.double(3.0)) == "3")
    }
}

@Suite struct JSONWriterEscapingTests {
    @Test func mixedEscapesAndNonASCIIInOneString() {
        let text = "a\"b\\c\nd é \u{1F} \"q\" 😀 end"
        let ascii = JSONWriter(asciiOnly: true).string(.string(text))
        #expect(ascii == #""a\"b\\c\nd \u00e9 \u001f \"q\" \ud83d\ude00 end""#)
        #expect((try? JSONParser().parse(ascii)) == .string(text))
        let utf8 = JSONWriter.compact.string(.string(text))
        #expect(utf8 == #""a\"b\\c\nd é \u001f \"q\" 😀 end""#)
        #expect((try? JSONParser().parse(utf8)) == .string(text))
    }

}

/// Issue 12: errors in files name the line and column an editor shows, not only a byte.
@Suite struct JSONParseErrorPositionTests {
    let parser = JSONParser()

    @Test func errorsInATextOfSeveralLinesNameLineAndColumn() {
        let text = "{\n  \"judul\": \"Survéi\",\n  \"unsur\": [1, 2,]\n}\n"
        do {
            _ = try parser.parse(text)
            Issue.record("a trailing comma was accepted")
        } catch {
            #expect(error.kind == .unexpectedCharacter)
            #expect(error.line == 3)
            #expect(error.column == 18)
            #expect(error.indonesianMessage == "Karakter tidak terduga pada baris 3, kolom 18 (byte ke-\(error.offset + 1))")
        }
        do {
            _ = try parser.parse("{\n  \"é\": 1,\n  \"é\": 2\n}")
        } catch {
            #expect(error.kind == .duplicateKey)
            #expect(error.line == 3 && error.column == 3, "\(error.indonesianMessage)")
        }
        do {
            _ = try parser.parse("{\n  \"a\": [1, 2\n")
        } catch {
            #expect(error.indonesianMessage == "JSON terpotong: teks berakhir sebelum JSON lengkap (baris 3)")
        }
        // One line (a JSON-RPC request): the byte position, as before.
        do {
            _ = try parser.parse(#"{"a":1,}"#)
        } catch {
            #expect(error.line == nil)
            #expect(error.indonesianMessage == "Karakter tidak terduga pada byte ke-8")
        }
    }
}
