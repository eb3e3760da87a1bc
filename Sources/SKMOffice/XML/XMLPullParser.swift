/// What `XMLPullParser.next()` found.
public enum XMLToken: Sendable, Equatable {
    /// An element starts; its name and attributes are in `name` and `attribute(_:)`.
    case start
    /// An element ends (also reported right after the start of an empty element `<a/>`).
    case end
    /// Character data (entities decoded) is in `text`.
    case text
    /// The document ended, well-formed.
    case endOfDocument
}

/// A small streaming XML tokenizer for the parts of Office files, written for hostile input:
/// no DOCTYPE or entity declarations (refused, so nothing is ever expanded), only the five
/// predefined entities and numeric character references, nesting depth and the size of one
/// token bounded. Element and attribute names are compared by local name (any prefix dropped).
/// Bytes come from `source` in chunks; memory stays within a few tokens whatever the document's size.
public final class XMLPullParser {
    static let commentStart = Array("<!--".utf8)
    static let cdataStart = Array("<![CDATA[".utf8)

    /// The deepest nesting allowed.
    public static let maxDepth = 256
    /// The most bytes one tag or one run of text may take.
    public static let maxTokenBytes = 4 << 20

    let part: String
    let source: () throws(OfficeError) -> [UInt8]?
    // A parser is used from one thread and never re-entrantly (it is not Sendable, and `source` is
    // called only from `fill`, which touches no property while it runs): Swift's dynamic per-access
    // exclusivity check on this state cost about a quarter of an .xlsx import's CPU, so it is off.
    @exclusivity(unchecked) var buffer: [UInt8] = []
    @exclusivity(unchecked) var position = 0
    @exclusivity(unchecked) var finished = false
    /// The open elements' qualified names, end to end, and where each ends (no array per element).
    @exclusivity(unchecked) var stackBytes: [UInt8] = []
    @exclusivity(unchecked) var stackEnds: [Int] = []
    @exclusivity(unchecked) var pendingEnd = false
    /// The local name of an empty element whose end was just reported (valid while `hasEndedName`;
    /// one buffer reused, so reporting an end allocates nothing).
    @exclusivity(unchecked) var endedName: [UInt8] = []
    @exclusivity(unchecked) var hasEndedName = false
    @exclusivity(unchecked) var sawRoot = false
    @exclusivity(unchecked) var nameRange = 0..<0
    @exclusivity(unchecked) var attributes: [(name: Range<Int>, value: Range<Int>)] = []
    /// The decoded character data of the last `.text` token.
    @exclusivity(unchecked) public private(set) var text: [UInt8] = []

    /// A parser of the part called `part` (for messages), reading chunks from `source` until nil.
    public init(part: String, source: @escaping () throws(OfficeError) -> [UInt8]?) {
        self.part = part
        self.source = source
    }

    /// A parser of bytes held in memory.
    public convenience init(part: String, bytes: [UInt8]) {
        var given: [UInt8]? = bytes
        self.init(part: part) { () throws(OfficeError) -> [UInt8]? in
            defer { given = nil }
            return given
        }
    }

    /// The current depth: 1 inside the root element.
    public var depth: Int { stackEnds.count }

    /// The innermost open element's qualified name.
    var openName: ArraySlice<UInt8> {
        stackBytes[(stackEnds.count > 1 ? stackEnds[stackEnds.count - 2] : 0)..<(stackEnds.last ?? 0)]
    }

    /// True when the qualified name at `range` of the buffer is the innermost open element's.
    func closes(_ range: Range<Int>) -> Bool {
        guard let to = stackEnds.last else { return false }
        let from = stackEnds.count > 1 ? stackEnds[stackEnds.count - 2] : 0
        guard to - from == range.count else { return false }
        return buffer.withUnsafeBufferPointer { b in
            stackBytes.withUnsafeBufferPointer { open in
                for k in 0..<range.count where b[range.lowerBound + k] != open[from + k] { return false }
                return true
            }
        }
    }

    func pop() {
        stackEnds.removeLast()
        stackBytes.removeLast(stackBytes.count - (stackEnds.last ?? 0))
    }

    /// The local name of the element just started or ended.
    public var name: ArraySlice<UInt8> {
        if hasEndedName { return endedName[...] }
        return localName(nameRange)
    }

    /// True when the current element's local name is `expected` (ASCII, no prefix).
    public func isNamed(_ expected: StaticString) -> Bool {
        expected.withUTF8Buffer { expected in
            if hasEndedName { return Self.equal(endedName[...], expected) }
            let range = nameRange
            return buffer.withUnsafeBufferPointer { b in Self.localName(range, in: b, is: expected) }
        }
    }

    /// True when the local name (after any prefix) of the qualified name at `range` of `b` is `expected`.
    static func localName(_ range: Range<Int>, in b: UnsafeBufferPointer<UInt8>, is expected: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        guard range.count >= expected.count else { return false }
        let start = range.upperBound - expected.count
        for i in 0..<expected.count where b[start + i] != expected[i] || expected[i] == UInt8(ascii: ":") { return false }
        // A longer name matches only when the expected part follows its (last) prefix colon.
        return start == range.lowerBound || b[start - 1] == UInt8(ascii: ":")
    }

    /// Byte-wise equality of a name and an expected ASCII name of the same length.
    static func equal(_ name: ArraySlice<UInt8>, _ expected: UnsafeBufferPointer<UInt8>) -> Bool {
        name.withUnsafeBufferPointer { name in
            guard name.count == expected.count else { return false }
            for i in 0..<name.count where name[i] != expected[i] { return false }
            return true
        }
    }

    /// The decoded value of the current start tag's attribute with local name `localName`.
    public func attribute(_ localName: StaticString) throws(OfficeError) -> [UInt8]? {
        for attribute in attributes {
            let name = self.localName(attribute.name)
            let matches = localName.withUTF8Buffer { expected in Self.equal(name, expected) }
            if matches {
                var out: [UInt8] = []
                try decode(attribute.value, into: &out)
                return out
            }
        }
        return nil
    }

    /// The attribute's value as written, entities not decoded: for values that are names or
    /// numbers (`r="B7"`, `t="s"`), read without a copy. Valid until the next token.
    public func rawAttribute(_ localName: StaticString) -> ArraySlice<UInt8>? {
        let found: Range<Int>? = localName.withUTF8Buffer { expected in
            buffer.withUnsafeBufferPointer { b in
                for attribute in attributes where Self.localName(attribute.name, in: b, is: expected) {
                    return attribute.value
                }
                return nil
            }
        }
        return found.map { buffer[$0] }
    }

    func localName(_ range: Range<Int>) -> ArraySlice<UInt8> {
        let slice = buffer[range]
        if let colon = slice.lastIndex(of: UInt8(ascii: ":")) { return buffer[(colon + 1)..<range.upperBound] }
        return slice
    }

    func invalid(_ reason: String) -> OfficeError {
        .xmlInvalid(part: part, reason: reason)
    }

    /// Reads more input; false at its end.
    func fill() throws(OfficeError) -> Bool {
        if finished { return false }
        if position > 0 && position >= buffer.count / 2 {
            buffer.removeSubrange(0..<position)
            shift(by: position)
            position = 0
        }
        guard let chunk = try source() else {
            finished = true
            return false
        }
        buffer.append(contentsOf: chunk)
        return true
    }

    func shift(by offset: Int) {
        nameRange = 0..<0
        attributes.removeAll(keepingCapacity: true)
    }

    /// The index of `byte` at or after `from`, reading more input as needed; nil at the end.
    func find(_ byte: UInt8, from: Int) throws(OfficeError) -> Int? {
        var from = from
        while true {
            if let found = buffer[from...].firstIndex(of: byte) { return found }
            let searched = buffer.count - position
            if searched > Self.maxTokenBytes { throw invalid("satu token lebih dari \(Self.maxTokenBytes) byte") }
            let before = position
            from = buffer.count
            guard try fill() else { return nil }
            from -= before - position
        }
    }

    /// True when the bytes at the position start with `prefix`, reading more as needed.
    func hasPrefix(_ prefix: [UInt8]) throws(OfficeError) -> Bool {
        while buffer.count - position < prefix.count {
            guard try fill() else { return false }
        }
        return buffer[position..<(position + prefix.count)].elementsEqual(prefix)
    }

    /// The next token.
    public func next() throws(OfficeError) -> XMLToken {
        if pendingEnd {
            pendingEnd = false
            let qualified = openName
            endedName.removeAll(keepingCapacity: true)
            endedName.append(
                contentsOf: qualified[(qualified.lastIndex(of: UInt8(ascii: ":")).map { $0 + 1 } ?? qualified.startIndex)...])
            hasEndedName = true
            pop()
            return .end
        }
        hasEndedName = false
        while true {
            if position >= buffer.count {
                guard try fill() else {
                    guard stackEnds.isEmpty, sawRoot else { throw invalid("dokumen berakhir sebelum semua elemen ditutup") }
                    return .endOfDocument
                }
                continue
            }
            if buffer[position] != UInt8(ascii: "<") {
                guard let end = try find(UInt8(ascii: "<"), from: position) ?? (finished ? buffer.count : nil) else {
                    throw invalid("teks tanpa akhir")
                }
                let range = position..<end
                position = end
                if stackEnds.isEmpty {
                    guard buffer[range].allSatisfy(Self.isSpace) else { throw invalid("teks di luar elemen akar") }
                    continue
                }
                text.removeAll(keepingCapacity: true)
                try decode(range, into: &text)
                return .text
            }
            while buffer.count - position < 2 {
                guard try fill() else { throw invalid("dokumen terpotong") }
            }
            let second = buffer[position + 1]
            if second != UInt8(ascii: "?") && second != UInt8(ascii: "!") { return try tag() }
            if second == UInt8(ascii: "?") {
                try skip(past: Array("?>".utf8))
                continue
            }
            if try hasPrefix(Self.commentStart) {
                try skip(past: Array("-->".utf8))
                continue
            }
            if try hasPrefix(Self.cdataStart) {
                guard !stackEnds.isEmpty else { throw invalid("CDATA di luar elemen akar") }
                position += 9
                text = Array(buffer[try skip(past: Array("]]>".utf8))])
                return .text
            }
            throw OfficeError.xmlDoctype(part)
        }
    }

    /// Moves past the next `terminator`; returns the range from the position on entry up to it.
    @discardableResult
    func skip(past terminator: [UInt8]) throws(OfficeError) -> Range<Int> {
        var origin = position
        var from = position
        while true {
            var at = from
            while at + terminator.count <= buffer.count {
                if buffer[at] == terminator[0] && buffer[at..<(at + terminator.count)].elementsEqual(terminator) {
                    position = at + terminator.count
                    return origin..<at
                }
                at += 1
            }
            if buffer.count - origin > Self.maxTokenBytes { throw invalid("satu token lebih dari \(Self.maxTokenBytes) byte") }
            let before = position
            from = max(origin, buffer.count - terminator.count + 1)
            guard try fill() else { throw invalid("dokumen terpotong") }
            let shift = before - position
            from -= shift
            origin -= shift
        }
    }

    func tag() throws(OfficeError) -> XMLToken {
        // Find the closing '>' outside quotes (one unchecked pass over the buffer per fill).
        var i = position + 1
        var quote: UInt8 = 0
        var sawLessThan = false
        while true {
            let found: Int? = buffer.withUnsafeBufferPointer { b in
                var j = i
                while j < b.count {
                    let c = b[j]
                    if quote != 0 {
                        if c == quote { quote = 0 } else if c == UInt8(ascii: "<") { sawLessThan = true }
                    } else if c == 0x22 || c == 0x27 {
                        quote = c
                    } else if c == UInt8(ascii: ">") {
                        return j
                    }
                    j += 1
                }
                i = j
                return nil
            }
            if sawLessThan { throw invalid("'<' di dalam nilai atribut") }
            if let found {
                i = found
                break
            }
            let before = position
            if i - position > Self.maxTokenBytes { throw invalid("satu tag lebih dari \(Self.maxTokenBytes) byte") }
            guard try fill() else { throw invalid("tag terpotong di akhir dokumen") }
            i -= before - position
        }
        let close = i
        let start = position
        position = close + 1
        if buffer[start + 1] == UInt8(ascii: "/") {
            var end = close
            while end > start + 2 && Self.isSpace(buffer[end - 1]) { end -= 1 }
            let range = (start + 2)..<end
            guard closes(range) else {
                throw invalid("tag penutup </\(String(decoding: buffer[range].prefix(40), as: UTF8.self))> tidak cocok")
            }
            nameRange = range
            attributes.removeAll(keepingCapacity: true)
            pop()
            return .end
        }
        if stackEnds.isEmpty && sawRoot { throw invalid("lebih dari satu elemen akar") }
        var found = attributes
        attributes = []
        found.removeAll(keepingCapacity: true)
        var parsedName = 0..<0
        var empty = false
        let problem: String? = buffer.withUnsafeBufferPointer { b in
            var last = close
            empty = b[close - 1] == UInt8(ascii: "/")
            if empty { last -= 1 }
            var p = start + 1
            while p < last && Self.isNameByte(b[p]) { p += 1 }
            guard p > start + 1 else { return "nama elemen kosong" }
            parsedName = (start + 1)..<p
            while true {
                while p < last && Self.isSpace(b[p]) { p += 1 }
                if p >= last { return nil }
                let nameStart = p
                while p < last && Self.isNameByte(b[p]) { p += 1 }
                guard p > nameStart else { return "atribut rusak" }
                let attributeName = nameStart..<p
                while p < last && Self.isSpace(b[p]) { p += 1 }
                guard p < last, b[p] == UInt8(ascii: "=") else { return "atribut tanpa nilai" }
                p += 1
                while p < last && Self.isSpace(b[p]) { p += 1 }
                guard p < last, b[p] == 0x22 || b[p] == 0x27 else { return "nilai atribut tanpa tanda kutip" }
                let q = b[p]
                let valueStart = p + 1
                p = valueStart
                while p < last && b[p] != q { p += 1 }
                guard p < last else { return "nilai atribut tidak ditutup" }
                found.append((attributeName, valueStart..<p))
                p += 1
                if found.count > 1024 { return "terlalu banyak atribut" }
            }
        }
        attributes = found
        if let problem { throw invalid(problem) }
        nameRange = parsedName
        guard stackEnds.count < Self.maxDepth else { throw invalid("elemen bersarang lebih dari \(Self.maxDepth) tingkat") }
        stackBytes.append(contentsOf: buffer[nameRange])
        stackEnds.append(stackBytes.count)
        sawRoot = true
        pendingEnd = empty
        return .start
    }
}
