import SKMCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files written completely or not at all (temporary file, fsync, rename), and folders created
/// with their parents; for the report files, which both the CLI and the RPC server write.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws {
        let file = try OutputFile(path: path)
        try file.write(text)
        try file.close()
    }

    /// `mkdir -p`: creates the folder and any missing parents (owner-only, like the database).
    static func makeDirectory(_ path: String) throws {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw SKMError(.fileError, "\(path) sudah ada dan bukan folder.")
            }
            return
        }
        let parent = SKMService.directory(of: path)
        if parent != path && parent != "." && parent != "/" { try makeDirectory(parent) }
        if mkdir(path, 0o700) != 0 && errno != EEXIST {
            throw SKMError(.fileError, "Folder \(path) tidak dapat dibuat: \(SystemErrorText.current).")
        }
    }
}
