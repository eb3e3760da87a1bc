import SKMCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What skm checks about a database path before SQLite touches it, so that nothing is created or
/// changed in a place that is not an skm database file (a device such as /dev/null, a folder, a
/// fifo, an empty file, a text file).
public enum DatabaseFile {
    /// What was found at the path.
    enum State {
        case missing
        case empty
        case sqlite
    }

    /// The file's device and inode (through symlinks), or nil when it does not exist: two paths
    /// name the same file exactly when these are equal (symlinks and hard links included).
    public static func identity(of path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Refuses anything at `path` that is not a regular file holding an SQLite database (an empty
    /// file is reported, the caller decides). A missing file is `.missing`.
    static func inspect(_ path: String) throws -> State {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return .missing }
            throw SKMError(.fileError, "Basis data \(path) tidak dapat dibuka: \(SystemErrorText.current).")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw SKMError(
                .fileError,
                "\(path) bukan berkas biasa (mis. folder, perangkat atau pipa), jadi tidak dapat menjadi basis data skm. Pilih berkas lain dengan --db."
            )
        }
        if info.st_size == 0 { return .empty }
        guard hasSQLiteHeader(path) else {
            throw SKMError(
                .notSKMDatabase, "Berkas \(path) bukan basis data skm (bukan berkas SQLite). Berkas itu tidak diubah.")
        }
        return .sqlite
    }

    /// The first 16 bytes of every SQLite 3 database file.
    static func hasSQLiteHeader(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return true }  // unreadable: SQLite gives the precise error
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: 16)
        let count = header.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 16) }
        return count == 16 && header == Array("SQLite format 3\0".utf8)
    }

    /// Size of the file in bytes, or nil when it does not exist.
    static func size(_ path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int64(info.st_size)
    }

    /// Whether another process has the WAL database open: every SQLite connection to a WAL
    /// database holds a shared lock on byte 128 of the -shm file (the "DMS" lock of SQLite's WAL
    /// format), so a conflicting lock there means someone is using it.
    public static func isInUse(_ path: String) -> Bool {
        let fd = open(path + "-shm", O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = 128
        lock.l_len = 1
        guard fcntl(fd, F_GETLK, &lock) == 0 else { return false }
        return lock.l_type != Int16(F_UNLCK)
    }
}

/// A file's identity on disk: (device, inode).
public struct FileIdentity: Hashable, Sendable {
    public let device: UInt64
    public let inode: UInt64
}
