import SKMCore
import SKMService
import Testing

@Suite struct SHA256Tests {
    /// The FIPS 180-4 / NIST example vectors.
    @Test func knownVectors() {
        #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex(
                Array(
                    "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
                        .utf8))
                == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        #expect(
            SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Fed in pieces (as a file is read in chunks) the digest is the same.
    @Test func piecesGiveTheSameDigest() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        var hash = SHA256()
        for chunk in stride(from: 0, to: bytes.count, by: 63) { hash.update(bytes[chunk..<min(chunk + 63, bytes.count)]) }
        #expect(hash.hexDigest() == SHA256.hex(bytes))
    }

    @Test func responseIDRanges() throws {
        #expect(try ResponseIDRanges(parsing: ["421-840", "17", "#19,20–22"]).ranges == [421...840, 17...17, 19...19, 20...22])
        for bad in ["0", "x", "5-3", "1-2-3", "-4", "1-9999999999"] {
            #expect(throws: SKMError.self, "\(bad)") { try ResponseIDRanges(parsing: [bad]) }
        }
        #expect(throws: SKMError.self) { try ResponseIDRanges(parsing: ["1-\(Int64.max)"]) }
    }

    @Test func dayFirstDates() {
        #expect(CivilDate(dayMonthYear: "14/03/2025") == CivilDate(year: 2025, month: 3, day: 14))
        #expect(CivilDate(dayMonthYear: "4/3/2025") == CivilDate(year: 2025, month: 3, day: 4))
        for bad in ["04-03-2025", "31/02/2025", "14/13/2025", "2025/03/14", "14/03/25", "1/3/2025/1", "a/3/2025", "14/03-2025"] {
            #expect(CivilDate(dayMonthYear: bad) == nil, "\(bad)")
        }
    }
}
