import SKMCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file written completely or not at all: bytes go to `PATH.tmp`, renamed over `PATH` on close.
final class OutputFile {
    let path: String
    let temporaryPath: String
    var file: UnsafeMutablePointer<FILE>?

    init(path: String) throws {
        self.path = path
        temporaryPath = path + ".tmp"
        guard let opened = fopen(temporaryPath, "wb") else {
            let reason = SystemErrorText.current
            throw SKMError(.fileError, "Berkas \(path) tidak dapat ditulis: \(reason).")
        }
        file = opened
    }

    deinit {
        if let file {
            fclose(file)
            unlink(temporaryPath)
        }
    }

    func write(_ text: String) throws {
        guard let file else { return }
        if fputs(text, file) < 0 {
            throw SKMError(.fileError, "Gagal menulis \(path): \(SystemErrorText.current).")
        }
    }

    func close() throws {
        guard let file else { return }
        self.file = nil
        let flushed = fflush(file) == 0 && fsync(fileno(file)) == 0
        fclose(file)
        guard flushed, rename(temporaryPath, path) == 0 else {
            unlink(temporaryPath)
            throw SKMError(.fileError, "Gagal menyimpan \(path): \(SystemErrorText.current).")
        }
    }
}
