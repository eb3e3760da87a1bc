import SKMCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file written completely or not at all: bytes go to `PATH.tmp`, made durable and renamed
/// over `PATH` on close; dropped without `close()`, nothing replaces `PATH`.
public final class OutputFile {
    let path: String
    let temporaryPath: String
    var file: UnsafeMutablePointer<FILE>?

    /// Creates `PATH.tmp` for writing (replacing an earlier one); `file_error` when it cannot be created.
    public init(path: String) throws {
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

    /// Appends UTF-8 text to the temporary file; `file_error` on a short write. Does nothing after `close()`.
    public func write(_ text: String) throws {
        guard let file else { return }
        var text = text
        let complete = text.withUTF8 { $0.isEmpty || fwrite($0.baseAddress, 1, $0.count, file) == $0.count }
        if !complete {
            throw SKMError(.fileError, "Gagal menulis \(path): \(SystemErrorText.current).")
        }
    }

    /// Flushes, syncs to disk and renames over the target; on failure removes the temporary file and throws `file_error`.
    public func close() throws {
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
