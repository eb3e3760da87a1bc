/// Members of an object written ahead of time (`"code":"U1","name":"Persyaratan"`), to be
/// copied into objects written later in one piece, with the same separators the members would
/// have had if written one by one.
///
/// For texts that stay the same across thousands of answers (a questionnaire's titles and unsur
/// names): escaping and separators are paid for once. Made by the same `JSONStream` calls that
/// would otherwise write the members, so the text is the same byte for byte.
public struct JSONFragment: Sendable {
    let bytes: [UInt8]
    public let asciiOnly: Bool

    /// The members `body` writes, as they would appear inside an object of a stream with
    /// `asciiOnly`; `body` must write whole members only (key and value), at least one.
    public init(asciiOnly: Bool, members body: (inout JSONStream) -> Void) {
        var stream = JSONStream(asciiOnly: asciiOnly, capacity: 256)
        stream.beginObject()
        let start = stream.count
        body(&stream)
        self.asciiOnly = asciiOnly
        bytes = Array(stream.bytes[start...])
    }
}

extension JSONStream {
    /// Copies the members of `fragment` into the object being written (made for the same
    /// `asciiOnly`; one written for the other mode is refused by the caller's check).
    public mutating func members(_ fragment: JSONFragment) {
        guard !fragment.bytes.isEmpty else { return }
        separate()
        fragment.bytes.withUnsafeBytes { buffer.append($0) }
    }
}
