/// The rule for entry names skm writes and accepts: a relative path of `/`-separated parts, none
/// empty, `.` or `..`, no backslash or NUL — so no archive can address a file outside its folder.
public enum ZipEntryName {
    /// Throws `OfficeError.unsafeEntryName` unless `name` follows the rule.
    public static func validate(_ name: String) throws(OfficeError) {
        guard !name.isEmpty, name.utf8.count <= 1024, !name.contains("\\"), !name.contains("\0") else {
            throw .unsafeEntryName(name)
        }
        for part in name.split(separator: "/", omittingEmptySubsequences: false) {
            guard !part.isEmpty, part != ".", part != ".." else { throw .unsafeEntryName(name) }
        }
    }
}
