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
/// that is a symbolic link is refused. The names skm wrote are recorded in `.skm-berkas` in the
/// folder: a later set may remove files listed there that it replaces under other names (a CSV
/// table whose number shifted), and never a file skm did not list.
final class StagedFiles {
    /// The record of the files the last published set wrote, one relative path per line.
    static let manifestName = ".skm-berkas"

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
        try write(Array(text.utf8), as: relative)
    }

    /// Writes one file of the set from bytes (a .docx package).
    func write(_ bytes: [UInt8], as relative: String) throws {
        if let slash = relative.lastIndex(of: "/") {
            let folder = String(relative[..<slash])
            if !subfolders.contains(folder) {
                try AtomicFile.makeDirectory(staging + "/" + folder, visibility: .publication)
                subfolders.append(folder)
            }
        }
        try AtomicFile.write(bytes, to: staging + "/" + relative, visibility: .publication, replacing: .nothing)
        relativePaths.append(relative)
    }

    /// Moves every file into place, after checking that no final name is refused; then removes
    /// the files of earlier sets (listed in `.skm-berkas`) that `isReplaced` says this set replaces.
    func publish(isReplaced: (String) -> Bool = { _ in false }) throws {
        for folder in subfolders {
            let path = directory + "/" + folder
            var info = stat()
            if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFDIR {
                throw SKMError(
                    .fileError,
                    "\(path.escapedForDisplay) sudah ada dan bukan folder (atau sebuah tautan simbolik); laporan tidak ditulis.")
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
        let written = relativePaths
        relativePaths.removeAll { moved.contains($0) }
        let kept = removeStale(keeping: written, isReplaced: isReplaced)
        try AtomicFile.write(
            (kept + written).joined(separator: "\n") + "\n", to: directory + "/" + Self.manifestName,
            visibility: .publication, replacing: .ownFile)
        OutputFile.syncDirectory(of: directory + "/x")
    }

    /// Removes the regular files earlier sets listed that this set replaces and did not write;
    /// returns the other listed files that still exist (they stay listed). A listed path that
    /// climbs out of the folder, or is now a link or a folder, is never touched.
    func removeStale(keeping written: [String], isReplaced: (String) -> Bool) -> [String] {
        let manifest = directory + "/" + Self.manifestName
        var info = stat()
        guard lstat(manifest, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size < 1 << 20,
            let text = try? TextFile.read(manifest)
        else { return [] }
        var kept: [String] = []
        for line in text.split(separator: "\n") {
            let relative = String(line)
            guard !written.contains(relative), !kept.contains(relative), !relative.hasPrefix("/"),
                !relative.split(separator: "/").contains("..")
            else { continue }
            let path = directory + "/" + relative
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            if isReplaced(relative) { unlink(path) } else { kept.append(relative) }
        }
        return kept
    }
}
