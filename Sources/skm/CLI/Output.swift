import SKMCore
import SKMJSON
import SKMService

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a command writes: standard output (buffered) for results, standard error for messages.
final class Console {
    var buffer: [UInt8] = []
    static let bufferLimit = 1 << 16

    func out(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.bufferLimit { flush() }
    }

    func line(_ text: String = "") {
        out(text + "\n")
    }

    /// A message for the person at the terminal; output written so far goes first.
    func err(_ text: String) {
        flush()
        FileDescriptor.write(2, Array((text + "\n").utf8))
    }

    func json(_ value: JSONValue) {
        line(JSONWriter.pretty.string(value))
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        FileDescriptor.write(1, buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Whole writes to a file descriptor, retried after interruptions; a closed pipe ends quietly.
enum FileDescriptor {
    static func write(_ fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += n
            }
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
