import SKMCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A set of files that appears whole or not at all: every file is first written into a fresh
/// staging folder inside the target folder, and moved into place only when all were written.
/// A failure midway (disk full, a refused name) leaves the target folder as it was; the staging
/// folder is removed either way. Only files with the set's own names are replaced, and a name
/// that is a symbolic link is refused.
final class StagedFiles {
    let directory: String
    let staging: String
    private(set) var relativePaths: [String] = []
    private var subfolders: [String] = []

    /// Creates the staging folder in `directory` (which must exist).
    init(directory: String) throws {
        self.directory = directory
        var template = Array((directory + "/.skm-sementara-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
        guard let made else {
            throw SKMError(.fileError, "Folder \(directory.escapedForDisplay) tidak dapat ditulis: \(SystemErrorText.current).")
        }
        staging = String(cString: made)
    }

    deinit {
        for path in relativePaths { unlink(staging + "/" + path) }
        for folder in subfolders.reversed() { rmdir(staging + "/" + folder) }
        rmdir(staging)
    }

    /// Writes one file of the set; `relative` may name one subfolder (`tabel-csv/x.csv`).
    func write(_ text: String, as relative: String) throws {
        if let slash = relative.lastIndex(of: "/") {
            let folder = String(relative[..<slash])
            if !subfolders.contains(folder) {
                try AtomicFile.makeDirectory(staging + "/" + folder, visibility: .publication)
                subfolders.append(folder)
            }
        }
        try AtomicFile.write(text, to: staging + "/" + relative, visibility: .publication, replacing: .nothing)
        relativePaths.append(relative)
    }

    /// Moves every file into place, after checking that no final name is refused.
    func publish() throws {
        for folder in subfolders {
            let path = directory + "/" + folder
            var info = stat()
            if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFDIR {
                throw SKMError(
                    .fileError, "\(path.escapedForDisplay) sudah ada dan bukan folder (atau sebuah tautan simbolik); laporan tidak ditulis.")
            }
        }
        for relative in relativePaths {
            _ = try OutputFile.finalPath(directory + "/" + relative, replacing: .ownFile)
        }
        for folder in subfolders { try AtomicFile.makeDirectory(directory + "/" + folder, visibility: .publication) }
        var moved: [String] = []
        for relative in relativePaths {
            let target = directory + "/" + relative
            guard rename(staging + "/" + relative, target) == 0 else {
                throw SKMError(.fileError, "Gagal menyimpan \(target.escapedForDisplay): \(SystemErrorText.current).")
            }
            moved.append(relative)
        }
        relativePaths.removeAll { moved.contains($0) }
        OutputFile.syncDirectory(of: directory + "/x")
    }
}
