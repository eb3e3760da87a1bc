import SKMWeb

extension FuzzTargets {
    /// One request as the server's socket could deliver it. A crash, or any of the problems
    /// `httpProblem` finds, is a defect.
    public static func httpRequest(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let problem = httpProblem(bytes) { preconditionFailure(problem) }
    }

    /// Parses the bytes whole and as the server sees them arrive (a growing buffer, in pieces of
    /// the sizes the first byte chooses) and checks that both views agree: the first outcome that
    /// is not `incomplete` while growing is the outcome of the whole input, a complete request
    /// never claims more bytes than it was given, and its body has the length it declared.
    public static func httpProblem(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let input = Array(bytes)
        let whole = HTTPRequestParser.parse(input)
        if case .complete(let request, let consumed) = whole {
            if consumed > input.count { return "consumed \(consumed) of \(input.count) bytes" }
            let declared = request.header("content-length").flatMap { Int($0) } ?? 0
            if request.body.count != declared { return "body of \(request.body.count) bytes, declared \(declared)" }
            // What the site reads of a request: the path's segments never smuggle a traversal or a
            // slash or control character past the check, and form decoding never traps.
            if let segments = PathSegments.split(request.path) {
                for segment in segments
                where segment.isEmpty || segment == "." || segment == ".."
                    || segment.unicodeScalars.contains(where: { $0 == "/" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F })
                {
                    return "path segment \(segment.debugDescription) got through"
                }
            }
            _ = FormFields(request.body)["token"]
            _ = FormFields(query: request.query)["ukuran"]
        }
        let step = max(1, Int(input.first ?? 1) % 64)
        var end = 0
        while end < input.count {
            end = min(input.count, end + step)
            let partial = HTTPRequestParser.parse(Array(input[0..<end]))
            guard partial != .incomplete else { continue }
            return partial == whole ? nil : "outcome after \(end) bytes differs from the whole input's"
        }
        return nil
    }
}
