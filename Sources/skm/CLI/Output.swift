import SKMCore
import SKMJSON
import SKMService

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a command writes: standard output (buffered) for results, standard error for messages.
///
/// Every write to standard output is checked. A reader that closed the pipe (`skm export | head`,
/// a pager quit early) ends the output quietly; any other failure (disk full, I/O error) is kept
/// and turns the command's exit status into 1 with a message, so a truncated result is never
/// reported as a success.
final class Console {
    enum OutputState: Equatable {
        case open
        /// The reader went away (EPIPE): nothing more is written, and that is not an error.
        case closedByReader
        /// A write failed; the Indonesian reason.
        case failed(String)
    }

    var buffer: [UInt8] = []
    static let bufferLimit = 1 << 16
    private(set) var state = OutputState.open
    /// The failure was already reported as the command's error.
    var failureReported = false
    let outputDescriptor: Int32

    init(outputDescriptor: Int32 = 1) {
        self.outputDescriptor = outputDescriptor
    }

    func out(_ text: String) {
        guard state == .open else { return }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.bufferLimit { flush() }
    }

    func line(_ text: String = "") {
        out(text + "\n")
    }

    /// A message for the person at the terminal; output written so far goes first. Control
    /// characters other than line breaks are shown escaped (see `DisplayText`).
    func err(_ text: String) {
        flush()
        _ = FileDescriptor.write(2, Array((DisplayText.escaped(text, keepingLineBreaks: true) + "\n").utf8))
    }

    func json(_ value: JSONValue) {
        line(JSONWriter.pretty.string(value))
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        guard state == .open, let code = FileDescriptor.write(outputDescriptor, buffer) else { return }
        state = code == EPIPE ? .closedByReader : .failed(Self.failureMessage(code))
    }

    /// Throws when standard output can no longer be written, so a long stream stops early:
    /// `OutputClosed` for a reader that went away, `file_error` for a failed write.
    func checkOutput() throws {
        switch state {
        case .open: return
        case .closedByReader: throw OutputClosed()
        case .failed(let message):
            failureReported = true
            throw SKMError(.fileError, message)
        }
    }

    static func failureMessage(_ code: Int32) -> String {
        "Keluaran standar tidak dapat ditulis: \(SystemErrorText.describe(code)). Hasil yang tertulis tidak lengkap."
    }
}

/// Standard output was closed by its reader; the command ends quietly.
struct OutputClosed: Error {}

/// Whole writes to a file descriptor, retried after interruptions.
enum FileDescriptor {
    /// Nil when every byte was written, else the `errno` of the failed write.
    static func write(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { raw -> Int32? in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if n == 0 { return EIO }
                offset += n
            }
            return nil
        }
    }
}

/// What every command receives: the console and the service bound to the chosen database.
final class CommandContext {
    let console: Console
    let databasePath: String
    let environment: [String: String]
    lazy var service = SKMService(databasePath: databasePath)

    init(console: Console, databasePath: String, environment: [String: String]) {
        self.console = console
        self.databasePath = databasePath
        self.environment = environment
    }
}
