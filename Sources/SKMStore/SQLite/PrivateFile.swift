import SKMCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A new file skm creates beside a final name and moves into place when complete: created with
/// `O_CREAT|O_EXCL|O_NOFOLLOW` under a random name (never an existing file or a symlink planted
/// there), readable and writable by its owner only (0600).
struct PrivateFile {
    let path: String

    /// Creates `.NAME.RANDOM.tmp` in the folder of `finalPath`; the file is empty and closed.
    static func create(beside finalPath: String) throws -> PrivateFile {
        let slash = finalPath.lastIndex(of: "/")
        let folder = slash.map { String(finalPath[...$0]) } ?? ""
        let name = slash.map { String(finalPath[finalPath.index(after: $0)...]) } ?? finalPath
        for _ in 0..<16 {
            let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let candidate = folder + "." + name + "." + random + ".tmp"
            let fd = open(candidate, O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC, 0o600)
            if fd >= 0 {
                close(fd)
                return PrivateFile(path: candidate)
            }
            if errno != EEXIST { break }
        }
        throw SKMError(.fileError, "Berkas sementara untuk \(finalPath) tidak dapat dibuat: \(SystemErrorText.current).")
    }

    /// Forces the file's content to disk.
    func sync() throws {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0, fsync(fd) == 0 else {
            let reason = SystemErrorText.current
            if fd >= 0 { close(fd) }
            throw SKMError(.fileError, "Berkas \(path) tidak dapat disimpan ke disk: \(reason).")
        }
        close(fd)
    }

    /// Moves the file to `finalPath` (replacing what is there: callers decide beforehand
    /// whether that is allowed) and makes the rename durable.
    func move(to finalPath: String) throws {
        guard rename(path, finalPath) == 0 else {
            throw SKMError(.fileError, "Berkas \(finalPath) tidak dapat disimpan: \(SystemErrorText.current).")
        }
        Self.syncFolder(of: finalPath)
    }

    /// Removes the temporary file (and a journal SQLite may have left beside it).
    func discard() {
        unlink(path)
        unlink(path + "-journal")
    }

    /// Makes renames in the folder of `path` durable (best effort).
    static func syncFolder(of path: String) {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let fd = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// Whether anything (a file, a folder, a symlink, even a dangling one) is at `path`.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }
}
