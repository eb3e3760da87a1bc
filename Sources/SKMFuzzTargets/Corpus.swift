import SKMService

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The corpus: every file in a folder (hidden ones aside), one input each, in name order.
/// Shared by the harness and the replay tests.
public enum Corpus {
    public static func load(_ directory: String) -> [[UInt8]] {
        entries(of: directory).filter { !$0.hasPrefix(".") }.sorted().compactMap { name in
            guard let source = try? ByteSource(path: directory + "/" + name) else { return nil }
            var bytes: [UInt8] = []
            while let chunk = try? source.read() { bytes += chunk }
            return bytes
        }
    }

    /// The names in a folder (with "." and ".."), empty when it cannot be read.
    ///
    /// The name is read in place: a directory entry is only as long as its name (`d_reclen`), so
    /// copying the whole `dirent` (`entry.pointee`) reads past the end of the last entry of the
    /// buffer; AddressSanitizer under libFuzzer caught it.
    static func entries(of directory: String) -> [String] {
        guard let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name), let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = UnsafeRawPointer(entry).advanced(by: offset).assumingMemoryBound(to: CChar.self)
            names.append(String(cString: name))
        }
        return names
    }
}
