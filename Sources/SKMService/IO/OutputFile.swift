import SKMCore
import SKMJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file written completely or not at all.
///
/// Bytes go to a new temporary file with a random name in the target's folder, created with
/// `O_CREAT|O_EXCL|O_NOFOLLOW` (so nothing planted at that name, a symbolic link included, is ever
/// opened), made durable and renamed over the final name on `close()`. Dropped without `close()`,
/// the temporary file is removed and nothing replaces the final name.
public final class OutputFile {
    /// Who may read the file.
    public enum Visibility: Sendable {
        /// 0600: exports of responses (citizens' answers), like the database.
        case ownerOnly
        /// 0666 less the user's umask: report files, which are meant for publication.
        case publication

        var mode: mode_t { self == .ownerOnly ? 0o600 : 0o666 }
    }

    /// What may stand at the final name already.
    public enum Replacing: Sendable {
        /// Nothing: an existing file (or link) is refused with a message naming `--force`.
        case nothing
        /// A file the user named and asked to replace (`--force`): a symbolic link the user named
        /// is followed, and the file it points to is replaced.
        case userNamedFile
        /// A file with a name skm chose (report files, the demo profile): a regular file is
        /// replaced; a symbolic link or anything else is refused (the user did not name it).
        case ownFile
    }

    /// The path the file will have (a user-named link resolved).
    public let path: String
    let temporaryPath: String
    var descriptor: Int32

    /// Checks the final name against `replacing` and creates the temporary file; `file_error`
    /// when the name is refused or the file cannot be created.
    public init(path: String, visibility: Visibility, replacing: Replacing) throws {
        self.path = try Self.finalPath(path, replacing: replacing)
        (descriptor, temporaryPath) = try Self.createTemporary(beside: self.path, mode: visibility.mode)
    }

    deinit {
        if descriptor >= 0 {
            _ = closeDescriptor(descriptor)
            unlink(temporaryPath)
        }
    }

    /// Appends text; a failed write (disk full, I/O error) throws `file_error`.
    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Appends bytes; a failed write throws `file_error`. Does nothing after `close()`.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard descriptor >= 0, let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let n = writeDescriptor(descriptor, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw SKMError(.fileError, "Gagal menulis \(path.escapedForDisplay): \(SystemErrorText.current).")
            }
            offset += n
        }
    }

    /// Makes the bytes durable and moves the file into place; on failure removes the temporary
    /// file and throws `file_error`.
    public func close() throws {
        guard descriptor >= 0 else { return }
        let fd = descriptor
        descriptor = -1
        let synced = fsync(fd) == 0
        let syncError = errno
        let closed = closeDescriptor(fd) == 0
        guard synced, closed, rename(temporaryPath, path) == 0 else {
            let reason = SystemErrorText.describe(synced ? errno : syncError)
            unlink(temporaryPath)
            throw SKMError(.fileError, "Gagal menyimpan \(path.escapedForDisplay): \(reason).")
        }
        Self.syncDirectory(of: path)
    }

    /// Where the bytes will end up, after checking what stands at `path` against `replacing`.
    static func finalPath(_ path: String, replacing: Replacing) throws -> String {
        var info = stat()
        guard lstat(path, &info) == 0 else { return path }
        let shown = path.escapedForDisplay
        let type = info.st_mode & S_IFMT
        switch replacing {
        case .nothing:
            throw SKMError(
                .fileError, "Berkas \(shown) sudah ada; skm tidak menimpanya. Pakai --force untuk menggantinya.",
                details: ["path": .string(path), "exists": .bool(true)])
        case .ownFile:
            if type == S_IFLNK {
                throw SKMError(
                    .fileError,
                    "\(shown) adalah tautan simbolik (symlink); skm tidak menulis melalui tautan yang bukan buatannya. Hapus tautan itu lalu ulangi.",
                    details: ["path": .string(path)])
            }
            guard type == S_IFREG else { throw notRegular(shown) }
            return path
        case .userNamedFile:
            guard type == S_IFLNK else {
                guard type == S_IFREG else { throw notRegular(shown) }
                return path
            }
            guard let resolved = realpath(path, nil) else {
                throw SKMError(.fileError, "Tautan \(shown) menunjuk ke berkas yang tidak ada: \(SystemErrorText.current).")
            }
            defer { free(resolved) }
            let target = String(cString: resolved)
            guard stat(target, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw notRegular(shown) }
            return target
        }
    }

    static func notRegular(_ shown: String) -> SKMError {
        SKMError(
            .fileError, "\(shown) bukan berkas biasa (folder atau perangkat); skm tidak menulis ke sana. Pilih nama berkas lain.")
    }

    /// A new file `.NAME.tmp-RANDOM` in the folder of `path`, opened for writing.
    static func createTemporary(beside path: String, mode: mode_t) throws -> (Int32, String) {
        let folder = SKMService.directory(of: path)
        let name = String(path.split(separator: "/", omittingEmptySubsequences: false).last ?? "berkas")
        for _ in 0..<64 {
            let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let candidate = folder + "/." + name + ".tmp-" + random
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            if fd >= 0 { return (fd, candidate) }
            if errno != EEXIST { break }
        }
        throw SKMError(.fileError, "Berkas \(path.escapedForDisplay) tidak dapat ditulis: \(SystemErrorText.current).")
    }

    /// Makes a rename in the folder durable (best effort: not every file system allows it).
    static func syncDirectory(of path: String) {
        let fd = open(SKMService.directory(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        _ = closeDescriptor(fd)
    }
}

private func closeDescriptor(_ fd: Int32) -> Int32 { close(fd) }
private func writeDescriptor(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }
