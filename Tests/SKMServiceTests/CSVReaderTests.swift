import SKMCore
import Testing

@testable import SKMService

@Suite struct CSVReaderTests {
    /// Every record of `text`, read with chunks of `chunk` bytes.
    func records(_ text: String, chunk: Int) throws -> [[String]] {
        let f = try ServiceFixture(registry: false)
        let path = try f.file("r.csv", text)
        var reader = CSVReader(source: try ByteSource(path: path, chunkSize: chunk))
        var out: [[String]] = []
        while try reader.next() {
            out.append((0..<reader.record.count).map { reader.record.string($0) })
        }
        return out
    }

    static let tricky =
        "\u{FEFF}a;b;c\r\n1;\"x;y\";\"he said \"\"hi\"\"\"\r\n2; \"q\" ;plain text\r\n\r\n3;\"multi\nline\";\r\n4;;\r5;é;z"
    static let expected = [
        ["a", "b", "c"], ["1", "x;y", "he said \"hi\""], ["2", "q", "plain text"], ["3", "multi\nline", ""],
        ["4", "", ""], ["5", "é", "z"],
    ]

    @Test(arguments: [1, 2, 3, 5, 7, 64, 1 << 20])
    func readsTheSameWhateverTheChunkSize(chunk: Int) throws {
        let got = try records(Self.tricky, chunk: chunk)
        #expect(got == Self.expected, "\(got)")
    }

    @Test func commaIsTheDefaultSeparator() throws {
        #expect(try records("a,b\n1,\"2,5\"\n", chunk: 4) == [["a", "b"], ["1", "2,5"]])
        #expect(try records("a,b", chunk: 1) == [["a", "b"]])
    }

    @Test func recordsKnowTheirLine() throws {
        let f = try ServiceFixture(registry: false)
        let path = try f.file("l.csv", "h\n\"a\nb\"\nc\n")
        var reader = CSVReader(source: try ByteSource(path: path, chunkSize: 2))
        var lines: [Int] = []
        while try reader.next() { lines.append(reader.record.line) }
        #expect(lines == [1, 2, 4])
    }

    @Test(arguments: [1, 3, 1 << 20])
    func malformedQuotesAreErrors(chunk: Int) throws {
        #expect(throws: SKMError.self) { try records("a\n\"open\n", chunk: chunk) }
        #expect(throws: SKMError.self) { try records("a\n\"closed\"x\n", chunk: chunk) }
    }
}
