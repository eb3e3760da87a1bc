import Foundation

/// A JSON-RPC server run as a child process, spoken to over two pipes the way a spreadsheet
/// macro would: requests written to its standard input, answers read line by line from its
/// standard output. Its standard error goes to a file (shown when something fails). Its peak
/// memory comes from `wait4`'s resource usage, so the figure is the child's own.
final class ServerProcess {
    let name: String
    let pid: pid_t
    private(set) var input: Int32
    let output: Int32
    let stderrPath: String
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity = 1 << 20
    private var start = 0
    private var end = 0
    private var exited: (status: Int32, peakKilobytes: Int)?

    init(name: String, path: String, arguments: [String], stderrPath: String) throws {
        self.name = name
        self.stderrPath = stderrPath
        var toChild: [Int32] = [-1, -1]
        var fromChild: [Int32] = [-1, -1]
        guard pipe(&toChild) == 0 else { throw BenchError.spawn(path, errno) }
        guard pipe(&fromChild) == 0 else {
            for fd in toChild { close(fd) }
            throw BenchError.spawn(path, errno)
        }
        // Our ends must not leak into the child (nor into children spawned later).
        for fd in toChild + fromChild { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
        close(toChild[0])
        close(fromChild[1])
        guard spawned == 0 else {
            close(toChild[1])
            close(fromChild[0])
            throw BenchError.spawn(path, spawned)
        }
        self.pid = pid
        input = toChild[1]
        output = fromChild[0]
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        if exited == nil { terminate() }
        buffer.deallocate()
    }

    /// The next answer line without its newline, valid until the next call; nil at the end of
    /// the server's output.
    func nextLine() -> UnsafeBufferPointer<UInt8>? {
        var scanned = 0
        while true {
            if end - start > scanned, let hit = memchr(buffer + start + scanned, 0x0A, end - start - scanned) {
                let length = hit.assumingMemoryBound(to: UInt8.self) - (buffer + start)
                let line = UnsafeBufferPointer(start: buffer + start, count: length)
                start += length + 1
                return line
            }
            scanned = end - start
            if start > 0 {
                if end > start { memmove(buffer, buffer + start, end - start) }
                end -= start
                start = 0
            }
            if end == capacity {
                let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                larger.update(from: buffer, count: end)
                buffer.deallocate()
                buffer = larger
                capacity *= 2
            }
            let n = read(output, buffer + end, capacity - end)
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { return nil }
            end += n
        }
    }

    /// Writes all of `bytes` to the server's input on this thread (small requests).
    func send(_ bytes: [UInt8]) throws {
        guard writeAll(input, bytes) else { throw BenchError.writeFailed(name, errno) }
    }

    func closeInput() {
        if input >= 0 {
            close(input)
            input = -1
        }
    }

    /// Closes the input, reads what is left of the output, waits for the exit: the exit status
    /// and the child's peak resident memory in KiB.
    ///
    /// The peak is the kernel's high-water mark of the running program (`VmHWM` in
    /// /proc/PID/status), read just before the input is closed, when all the work is done.
    /// `wait4`'s `ru_maxrss` is only the fallback: on Linux, posix_spawn starts the child
    /// vfork-style in this process's address space, and `exec` folds this process's own peak
    /// into the child's `ru_maxrss`, so a benchmark holding 20 MB of requests would see at least
    /// 20 MB for any child.
    @discardableResult
    func finish() -> (status: Int32, peakKilobytes: Int) {
        if let exited { return exited }
        let highWater = peakResidentKilobytes()
        closeInput()
        while nextLine() != nil {}
        let (status, maxRSS) = reap()
        return (status, highWater ?? maxRSS)
    }

    /// CPU time (user + system) the running child has used so far, in seconds (nil where
    /// /proc is not available). Clock-tick resolution: meant for phases of a second or more.
    func cpuSeconds() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        // Fields after "(comm)": state is field 3, utime 14, stime 15.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// `VmHWM` of the running child, in KiB (nil where /proc is not available).
    func peakResidentKilobytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return nil }
        return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
    }

    /// Ends the child at once (after a failure) and reaps it.
    func terminate() {
        guard exited == nil else { return }
        _ = kill(pid, SIGKILL)
        closeInput()
        reap()
    }

    @discardableResult
    private func reap() -> (status: Int32, peakKilobytes: Int) {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        close(output)
        let result = ((status >> 8) & 0xFF, Int(usage.ru_maxrss))
        exited = result
        return result
    }

    /// What the server wrote to standard error (for failure messages).
    var diagnostics: String {
        ((try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "").clipped(4000)
    }
}

/// Writes everything (retrying after interruptions); false when the reader has gone away.
func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
            let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }
}

/// Writes `bytes` to `fd` on a thread of its own, so that the server's answers can be read at
/// the same time and neither pipe can fill up and deadlock. Signalled when the writing is done.
func writeInBackground(_ bytes: [UInt8], to fd: Int32) -> DispatchSemaphore {
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        _ = writeAll(fd, bytes)
        done.signal()
    }
    thread.start()
    return done
}

func which(_ program: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let path = "\(dir)/\(program)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

enum BenchError: Error, CustomStringConvertible {
    case spawn(String, Int32)
    case writeFailed(String, Int32)
    case errorAnswer(server: String, method: String, index: Int, line: String)
    case badAnswer(server: String, method: String, index: Int, reason: String, line: String)
    case endOfOutput(server: String, method: String, received: Int, expected: Int, diagnostics: String)

    var description: String {
        switch self {
        case .spawn(let path, let code): return "\(path) tidak dapat dijalankan: \(String(cString: strerror(code)))"
        case .writeFailed(let server, let code): return "Menulis ke \(server) gagal: \(String(cString: strerror(code)))"
        case .errorAnswer(let server, let method, let index, let line):
            return "\(server) menjawab \(method) ke-\(index + 1) dengan galat:\n\(line)"
        case .badAnswer(let server, let method, let index, let reason, let line):
            return "Jawaban \(server) untuk \(method) ke-\(index + 1) salah (\(reason)):\n\(line)"
        case .endOfOutput(let server, let method, let received, let expected, let diagnostics):
            return "\(server) berhenti menjawab \(method) setelah \(received) dari \(expected) jawaban."
                + (diagnostics.isEmpty ? "" : "\nstderr:\n\(diagnostics)")
        }
    }
}

extension String {
    func clipped(_ limit: Int) -> String {
        count <= limit ? self : String(prefix(limit)) + " …"
    }
}
