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
    static func entries(of directory: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            names.append(
                withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                })
        }
        return names
    }
}
