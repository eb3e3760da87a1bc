import SKMCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files written completely or not at all (see `OutputFile`), and folders created with their
/// parents; for the report files, which both the CLI and the RPC server write.
enum AtomicFile {
    static func write(
        _ text: String, to path: String, visibility: OutputFile.Visibility, replacing: OutputFile.Replacing
    ) throws {
        let file = try OutputFile(path: path, visibility: visibility, replacing: replacing)
        try file.write(text)
        try file.close()
    }

    /// The same for bytes (a .docx package).
    static func write(
        _ bytes: [UInt8], to path: String, visibility: OutputFile.Visibility, replacing: OutputFile.Replacing
    ) throws {
        let file = try OutputFile(path: path, visibility: visibility, replacing: replacing)
        try bytes.withUnsafeBytes { try file.write($0) }
        try file.close()
    }

    /// `mkdir -p`: creates the folder and any missing parents; owner-only (like the database), or
    /// following the user's umask for folders of publications.
    static func makeDirectory(_ path: String, visibility: OutputFile.Visibility = .ownerOnly) throws {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw SKMError(.fileError, "\(path.escapedForDisplay) sudah ada dan bukan folder.")
            }
            return
        }
        let parent = SKMService.directory(of: path)
        if parent != path && parent != "." && parent != "/" { try makeDirectory(parent, visibility: visibility) }
        let mode: mode_t = visibility == .ownerOnly ? 0o700 : 0o777
        if mkdir(path, mode) != 0 && errno != EEXIST {
            throw SKMError(.fileError, "Folder \(path.escapedForDisplay) tidak dapat dibuat: \(SystemErrorText.current).")
        }
    }
}
