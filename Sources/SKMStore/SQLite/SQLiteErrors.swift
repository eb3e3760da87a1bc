import CSQLite
import SKMCore
import SKMJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Extended result codes sqlite3.h defines as macro expressions, which Swift does not import.
enum ExtendedCode {
    static let ioerrAccess: Int32 = SQLITE_IOERR | (13 << 8)
    static let ioerrShmOpen: Int32 = SQLITE_IOERR | (18 << 8)
    static let ioerrShmSize: Int32 = SQLITE_IOERR | (19 << 8)
    static let readonlyDBMoved: Int32 = SQLITE_READONLY | (4 << 8)
}

extension SQLiteConnection {
    /// SQLite's result code (extended codes included, e.g. SQLITE_IOERR_SHMSIZE) as an skm error
    /// worded in Indonesian; SQLite's English text and the code go in `details`. `systemErrno`
    /// is the operating system's error behind an I/O failure (ENOSPC, EACCES, …), when known.
    static func error(code: Int32, message: String, path: String, systemErrno: Int32 = 0) -> SKMError {
        let details: JSONValue = ["sqlite": .string(message), "sqliteCode": .number(JSONNumber(Int(code)))]
        let diskFull = systemErrno == ENOSPC || systemErrno == EDQUOT
        switch code & 0xFF {
        case SQLITE_BUSY, SQLITE_LOCKED:
            return SKMError(
                .databaseBusy,
                "Basis data sedang dipakai program lain terlalu lama; tidak ada yang disimpan. Coba lagi sebentar lagi.",
                details: details)
        case SQLITE_CORRUPT, SQLITE_NOTADB:
            return SKMError(
                .databaseError,
                "Berkas \(path) rusak atau bukan basis data skm (\(message)). Periksa dengan 'skm check', lalu pulihkan dari cadangan dengan 'skm restore BERKAS-CADANGAN'.",
                details: details)
        case SQLITE_FULL:
            return SKMError(
                .databaseError, "Disk penuh; tidak ada yang disimpan. Kosongkan ruang disk lalu coba lagi.", details: details)
        case SQLITE_IOERR where diskFull || code == ExtendedCode.ioerrShmSize:
            return SKMError(
                .databaseError,
                "Disk penuh saat memakai basis data \(path); tidak ada yang disimpan. Kosongkan ruang disk lalu coba lagi.",
                details: details)
        case SQLITE_IOERR:
            let reason = systemErrno != 0 ? SystemErrorText.describe(systemErrno) : "kode SQLite \(code)"
            return SKMError(
                .databaseError,
                "Kesalahan baca/tulis disk pada basis data \(path) (\(reason)); tidak ada yang disimpan. Periksa disk dan ruang kosongnya, lalu coba lagi.",
                details: details)
        case SQLITE_READONLY where code == ExtendedCode.readonlyDBMoved:
            return SKMError(
                .fileError, "Berkas basis data \(path) dipindahkan atau dihapus saat sedang dipakai; tidak ada yang disimpan.",
                details: details)
        case SQLITE_READONLY, SQLITE_PERM:
            return SKMError(
                .fileError, "Basis data \(path) tidak dapat ditulisi (hanya-baca). Periksa izin berkas dan foldernya.",
                details: details)
        case SQLITE_CANTOPEN:
            let reason = systemErrno != 0 ? SystemErrorText.describe(systemErrno) : "berkas atau foldernya tidak dapat dipakai"
            return SKMError(
                .fileError, "Basis data \(path) tidak dapat dibuka (\(reason)). Periksa jalur, izin berkas dan foldernya.",
                details: details)
        case SQLITE_NOMEM:
            return SKMError(.databaseError, "Memori tidak cukup untuk basis data; tidak ada yang disimpan.", details: details)
        default:
            return SKMError(.databaseError, "Kesalahan basis data: \(message).", details: details)
        }
    }
}
