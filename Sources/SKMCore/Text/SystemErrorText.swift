#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Operating-system errors (errno) in Indonesian, for messages about files and folders.
public enum SystemErrorText {
    /// A short Indonesian phrase for an errno value; unknown codes read "kesalahan sistem N".
    public static func describe(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "berkas atau folder tidak ada"
        case EACCES, EPERM: return "izin ditolak"
        case ENOSPC: return "disk penuh"
        case EROFS: return "disk hanya-baca"
        case EISDIR: return "itu sebuah folder"
        case ENOTDIR: return "bagian jalurnya bukan folder"
        case EEXIST: return "sudah ada"
        case EMFILE, ENFILE: return "terlalu banyak berkas terbuka"
        default: return "kesalahan sistem \(code)"
        }
    }

    /// The current `errno`, described.
    public static var current: String { describe(errno) }
}
