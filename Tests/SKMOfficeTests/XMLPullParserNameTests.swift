import SKMOffice
import Testing

/// Element and attribute names are compared in place over the tokenizer's buffer (no slice per
/// comparison): by local name, whatever the prefix, and never by a mere suffix.
@Suite struct XMLPullParserNameTests {
    static func parser(_ xml: String) -> XMLPullParser { XMLPullParser(part: "p", bytes: Array(xml.utf8)) }

    @Test func prefixedNamesMatchByTheirLocalNameOnly() throws {
        let parser = Self.parser("<x:row xmlns:x=\"u\" x:r=\"7\"><x:c a:b:t=\"s\" rr=\"9\"/><xc/><cc></cc></x:row>")
        #expect(try parser.next() == .start)
        #expect(parser.isNamed("row"))
        #expect(!parser.isNamed("w") && !parser.isNamed("rows") && !parser.isNamed("ow"))
        #expect(!parser.isNamed("x:row"))  // a local name never has a prefix
        #expect(parser.rawAttribute("r").map { Array($0) } == Array("7".utf8))
        #expect(try parser.next() == .start)
        #expect(parser.isNamed("c"))
        #expect(parser.rawAttribute("t").map { Array($0) } == Array("s".utf8))
        #expect(parser.rawAttribute("r") == nil)  // `rr` is not `r`
        #expect(try parser.next() == .end)
        #expect(parser.isNamed("c"))  // the end of an empty element
        #expect(try parser.next() == .start)
        #expect(!parser.isNamed("c") && parser.isNamed("xc"))
        #expect(try parser.next() == .end)
        #expect(parser.isNamed("xc"))
        #expect(try parser.next() == .start)
        #expect(!parser.isNamed("c") && parser.isNamed("cc"))
        #expect(try parser.next() == .end)
        #expect(parser.isNamed("cc"))
        #expect(try parser.next() == .end)
        #expect(parser.isNamed("row"))
        #expect(try parser.next() == .endOfDocument)
    }

    @Test func aClosingTagMustNameTheOpenElementExactly() throws {
        for xml in ["<a><b></a></b>", "<a><bb></b></a>", "<a><b></bb></a>", "<x:a></y:a>", "<x:a></a>", "<a></x:a>"] {
            let parser = Self.parser(xml)
            #expect(throws: OfficeError.self, "\(xml)") {
                while try parser.next() != .endOfDocument {}
            }
        }
        let parser = Self.parser("<x:a><b ></b ></x:a >")
        var tokens: [XMLToken] = []
        while true {
            let token = try parser.next()
            tokens.append(token)
            if token == .endOfDocument { break }
        }
        #expect(tokens == [.start, .start, .end, .end, .endOfDocument])
    }
}
