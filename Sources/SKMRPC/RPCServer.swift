import SKMCore
public import SKMJSON
import SKMService

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `skm rpc`: one JSON-RPC message per line on standard input, one answer per line on standard
/// output, written and flushed as soon as it is ready. Diagnostics go to standard error only.
public final class RPCServer {
    public static let defaultMaxLineBytes = InputLimits.lineBytes

    let dispatcher: RPCDispatcher
    let writer: JSONWriter
    let maxLineBytes: Int

    /// `asciiOnly` (the default) escapes every non-ASCII character as `\uXXXX`, because Excel
    /// VBA reads a pipe in the ANSI code page.
    public init(dispatcher: RPCDispatcher, asciiOnly: Bool = true, maxLineBytes: Int = defaultMaxLineBytes) {
        self.dispatcher = dispatcher
        self.writer = JSONWriter(asciiOnly: asciiOnly)
        self.maxLineBytes = maxLineBytes
    }

    /// Serves until the end of input; returns the exit status: 0 at the end of input or when the
    /// client closed its end, 1 when an answer could not be written (disk full, I/O error).
    ///
    /// Every answer is written before the server could wait for more input; answers to requests
    /// that were already waiting in the input buffer are written together (one system call for
    /// a burst of pipelined requests, immediately for an interactive client).
    public func run(input: Int32 = 0, output: Int32 = 1) -> Int32 {
        var reader = LineReader(fd: input, maxLineBytes: maxLineBytes)
        var out = JSONStream(asciiOnly: writer.asciiOnly, capacity: 1 << 17, cachesNumbers: true)
        // Another process's changes are looked for once per read of the input: the requests of
        // one read were all sent before it returned, so a change committed before any of them
        // was sent is seen by all of them (pipelined requests share one check).
        dispatcher.requestsMarkedByReader = true
        defer { dispatcher.requestsMarkedByReader = false }
        var readsSeen = reader.reads
        while let line = reader.next() {
            if reader.reads != readsSeen {
                readsSeen = reader.reads
                dispatcher.context.service.startRequest()
            }
            if answer(to: line, into: &out) { out.endLine() }
            if !out.buffer.isEmpty && (!reader.hasLineBuffered || out.count >= 1 << 16) {
                if let failure = out.buffer.withUnsafeBytes({ Self.writeAll(output, $0) }) {
                    return Self.outputFailed(failure)
                }
                out.removeAll()
            }
        }
        if !out.buffer.isEmpty, let failure = out.buffer.withUnsafeBytes({ Self.writeAll(output, $0) }) {
            return Self.outputFailed(failure)
        }
        return 0
    }

    /// The exit status after a failed write of answers: 0 when the client went away (nobody is
    /// left to answer), else 1 with an Indonesian message on standard error.
    static func outputFailed(_ code: Int32) -> Int32 {
        guard code != EPIPE else { return 0 }
        let message =
            "skm rpc: keluaran standar tidak dapat ditulis: \(SystemErrorText.describe(code)). "
            + "Jawaban yang tertulis tidak lengkap; server berhenti.\n"
        _ = Array(message.utf8).withUnsafeBytes { writeAll(2, $0) }
        return 1
    }

    /// Writes the answer to one framed line into `out` (without a newline); false when nothing
    /// is to be written.
    public func answer(to line: LineReader.Line, into out: inout JSONStream) -> Bool {
        switch line {
        case .tooLong(let bytes):
            out.value(tooLong(bytes))
            return true
        case .text(let bytes):
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return false }
            return bytes.withUnsafeBufferPointer { dispatcher.answer(line: $0, into: &out) }
        }
    }

    /// The answer to one framed line, nil when nothing is to be written.
    public func answer(to line: LineReader.Line) -> JSONValue? {
        var out = JSONStream(asciiOnly: writer.asciiOnly)
        return answer(to: line, into: &out) ? .encoded(JSONText(out.bytes)) : nil
    }

    func tooLong(_ bytes: Int) -> JSONValue {
        RPCDispatcher.response(
            id: .null,
            error: RPCError(
                code: RPCError.invalidRequest,
                message:
                    "Baris terlalu panjang: \(bytes) byte, paling banyak \(maxLineBytes). Bagi permintaan menjadi beberapa baris.",
                data: ["code": "line_too_long", "bytes": .int(bytes), "limit": .int(maxLineBytes)]))
    }

    /// Writes everything (retrying after interruptions); nil when every byte was written, else
    /// the `errno` of the failed write (EPIPE when the reader has gone away).
    static func writeAll(_ fd: Int32, _ raw: UnsafeRawBufferPointer) -> Int32? {
        do {
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
    }
}

extension RPCServer {
    /// A server for the database at `databasePath`, with the embedded OpenRPC document.
    public static func make(databasePath: String, asciiOnly: Bool, maxLineBytes: Int) -> RPCServer {
        let context = RPCContext(service: SKMService(databasePath: databasePath), openRPC: OpenRPC.document)
        context.asciiOnly = asciiOnly
        return RPCServer(dispatcher: RPCDispatcher(context: context), asciiOnly: asciiOnly, maxLineBytes: maxLineBytes)
    }
}
