import SKMService

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps the input being run where a signal handler can reach it, and writes it out when the
/// process crashes (a Swift trap is SIGILL/SIGTRAP) or when a watchdog sees it hang.
enum CrashCapture {
    nonisolated(unsafe) static var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 20)
    nonisolated(unsafe) static var length = 0
    nonisolated(unsafe) static var crashPath: [CChar] = []
    nonisolated(unsafe) static var hangPath: [CChar] = []
    nonisolated(unsafe) static var running = false
    nonisolated(unsafe) static var startedAt = 0.0

    static func install(outDirectory: String, limitSeconds: Int) {
        crashPath = Array("\(outDirectory)/crash-\(getpid()).bin".utf8CString)
        hangPath = Array("\(outDirectory)/hang-\(getpid()).bin".utf8CString)
        for sig in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE] {
            signal(sig) { number in
                CrashCapture.dump(CrashCapture.crashPath)
                _exit(128 + number)
            }
        }
        var thread = pthread_t()
        let limit = Double(limitSeconds)
        let box = Unmanaged.passRetained(LimitBox(limit)).toOpaque()
        pthread_create(
            &thread, nil,
            { raw in
                guard let raw else { return nil }
                let limit = Unmanaged<LimitBox>.fromOpaque(raw).takeRetainedValue().limit
                while true {
                    usleep(200_000)
                    if CrashCapture.running && Clock.now() - CrashCapture.startedAt > limit {
                        CrashCapture.dump(CrashCapture.hangPath)
                        printError("masukan berjalan lebih dari \(Int(limit)) detik (hang)")
                        _exit(4)
                    }
                }
            }, box)
    }

    final class LimitBox {
        let limit: Double
        init(_ limit: Double) { self.limit = limit }
    }

    static func remember(_ input: [UInt8]) {
        length = min(input.count, 1 << 20)
        input.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { buffer.update(from: base, count: length) }
        }
        startedAt = Clock.now()
        running = true
    }

    static func done() { running = false }

    static func dump(_ path: [CChar]) {
        // Only async-signal-safe calls: this runs inside a signal handler.
        path.withUnsafeBufferPointer { name in
            guard let base = name.baseAddress else { return }
            let fd = open(base, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            if fd >= 0 {
                _ = write(fd, buffer, length)
                close(fd)
            }
            _ = write(2, "masukan penyebab disimpan di ", 29)
            _ = write(2, base, max(0, name.count - 1))
            _ = write(2, "\n", 1)
        }
    }
}

enum Clock {
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}

enum Memory {
    /// The current resident set size, in kilobytes.
    static func residentKilobytes() -> Int {
        guard let file = fopen("/proc/self/statm", "r") else { return 0 }
        defer { fclose(file) }
        var size = 0
        var resident = 0
        readStatm(file, &size, &resident)
        return resident * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
    }

    static func readStatm(_ file: UnsafeMutablePointer<FILE>, _ size: inout Int, _ resident: inout Int) {
        var line = [CChar](repeating: 0, count: 128)
        guard fgets(&line, 128, file) != nil else { return }
        let fields = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self).split(separator: " ")
        if fields.count >= 2 {
            size = Int(fields[0]) ?? 0
            resident = Int(fields[1]) ?? 0
        }
    }
}

/// Writes one line to standard error (straight to the descriptor: no shared FILE state).
func printError(_ message: String) {
    var line = message + "\n"
    line.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
}
