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

    /// Serves until the end of input; returns the exit status (0).
    ///
    /// Every answer is written before the server could wait for more input; answers to requests
    /// that were already waiting in the input buffer are written together (one system call for
    /// a burst of pipelined requests, immediately for an interactive client).
    public func run(input: Int32 = 0, output: Int32 = 1) -> Int32 {
        var reader = LineReader(fd: input, maxLineBytes: maxLineBytes)
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        while let line = reader.next() {
            if let answer = answer(to: line) {
                writer.write(answer, into: &out)
                out.append(0x0A)
            }
            if !out.isEmpty && (!reader.hasLineBuffered || out.count >= 1 << 16) {
                guard Self.writeAll(output, out) else { return 0 }
                out.removeAll(keepingCapacity: true)
            }
        }
        if !out.isEmpty { _ = Self.writeAll(output, out) }
        return 0
    }

    /// The answer to one framed line, nil when nothing is to be written.
    public func answer(to line: LineReader.Line) -> JSONValue? {
        switch line {
        case .tooLong(let bytes):
            return RPCDispatcher.response(id: .null, error: RPCError(
                code: RPCError.invalidRequest,
                message: "Baris terlalu panjang: \(bytes) byte, paling banyak \(maxLineBytes). Bagi permintaan menjadi beberapa baris.",
                data: ["code": "line_too_long", "bytes": .int(bytes), "limit": .int(maxLineBytes)]))
        case .text(let bytes):
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
            return dispatcher.handle(line: bytes)
        }
    }

    /// Writes everything (retrying after interruptions); false when the reader has gone away.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
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
