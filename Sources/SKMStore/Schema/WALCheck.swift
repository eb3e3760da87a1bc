import CSQLite
import SKMCore
import SKMJSON

/// Refuses a -wal file that does not belong to its database, before any connection applies it.
///
/// SQLite applies whatever valid WAL it finds beside a database: one copied from another
/// database, or left by the file a backup was copied over, would silently replace or mangle the
/// data (and be checkpointed into the file when the last connection closes). skm compares the
/// identity row as the main file alone holds it (opened `immutable`, ignoring the WAL) with the
/// row as seen through the WAL (opened read-only, which never writes the database or its WAL):
/// the same database has the same `uuid` and a WAL generation no older than the main file's.
/// Files without the row (older schemas) still get one check: skm never shrinks a database, so
/// its own WAL never shows fewer pages than the main file holds.
///
/// Every skm write transaction rewrites the identity row, so a WAL written by skm holds it. A
/// foreign WAL whose pages do not include the identity row's page (possible only when the two
/// files' layouts differ) cannot be recognised this way.
enum WALCheck {
    static func verify(_ path: String) throws {
        guard let walSize = DatabaseFile.size(path + "-wal"), walSize > 0 else { return }
        // What the main file alone says; a file that cannot be read this way (another program's,
        // a damaged header) is left to the normal open.
        guard let mainOnly = try? SQLiteConnection(path: path, mode: .immutable),
            let mainPages = try? mainOnly.pageCount()
        else { return }
        let mainIdentity = try? mainOnly.identity()
        let throughWAL: (pages: Int, identity: StoreIdentity?)
        do {
            let connection = try SQLiteConnection(path: path, mode: .readOnly)
            throughWAL = (try connection.pageCount(), try connection.identity())
        } catch let error as SKMError where isCorruption(error) {
            throw mismatch(path, reason: "isi -wal tidak cocok dengan berkas basis datanya")
        }
        // skm never shrinks a database (no VACUUM), so its own WAL never shows fewer pages
        // (unless the file was created with auto-vacuum, which SQLite's default build does not do).
        let autoVacuum = (try? mainOnly.prepare("PRAGMA auto_vacuum").first { $0.int(0) }) ?? nil
        if throughWAL.pages < mainPages && autoVacuum == 0 {
            throw mismatch(path, reason: "berkas -wal berasal dari basis data lain atau dari salinan yang lebih lama")
        }
        guard let mainIdentity = mainIdentity ?? nil else { return }  // a schema older than version 4
        guard let walIdentity = throughWAL.identity else {
            throw mismatch(path, reason: "berkas -wal tidak memuat identitas basis data ini")
        }
        if walIdentity.uuid != mainIdentity.uuid {
            throw mismatch(path, reason: "berkas -wal berasal dari basis data lain")
        }
        if walIdentity.generation < mainIdentity.generation {
            throw mismatch(path, reason: "berkas -wal lebih lama daripada basis datanya")
        }
    }

    /// SQLite found the pages it read malformed (the WAL's pages do not fit the file).
    static func isCorruption(_ error: SKMError) -> Bool {
        guard let code = error.details?["sqliteCode"]?.numberValue?.int else { return false }
        return Int32(truncatingIfNeeded: code) & 0xFF == SQLITE_CORRUPT || Int32(truncatingIfNeeded: code) & 0xFF == SQLITE_NOTADB
    }

    static func mismatch(_ path: String, reason: String) -> SKMError {
        SKMError(
            .walMismatch,
            "Basis data \(path) tidak dibuka: \(reason) (\(path)-wal). Menerapkannya dapat mengganti atau merusak data, jadi tidak ada yang diubah. Bila berkas basis data baru saja disalin dari cadangan, pakai 'skm restore BERKAS-CADANGAN'; bila tidak, pindahkan \(path)-wal dan \(path)-shm ke folder lain lalu jalankan 'skm check'.",
            details: ["wal": .string(path + "-wal")])
    }
}
