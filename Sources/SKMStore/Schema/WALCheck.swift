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
///
/// Every skm write transaction rewrites the identity row, so a WAL written by skm holds it. A
/// foreign WAL whose pages do not include the identity row's page (possible only when the two
/// files' layouts differ) cannot be recognised this way.
enum WALCheck {
    static func verify(_ path: String) throws {
        guard let walSize = DatabaseFile.size(path + "-wal"), walSize > 0 else { return }
        // What the main file alone says; no identity there (an older schema, another program's
        // file, a damaged header) leaves the decision to the normal open.
        guard let mainOnly = try? SQLiteConnection(path: path, mode: .immutable).identity() else { return }
        let throughWAL: StoreIdentity?
        do {
            throughWAL = try SQLiteConnection(path: path, mode: .readOnly).identity()
        } catch let error as SKMError where isCorruption(error) {
            throw mismatch(path, reason: "isi -wal tidak cocok dengan berkas basis datanya")
        }
        guard let throughWAL else {
            throw mismatch(path, reason: "berkas -wal tidak memuat identitas basis data ini")
        }
        if throughWAL.uuid != mainOnly.uuid {
            throw mismatch(path, reason: "berkas -wal berasal dari basis data lain")
        }
        if throughWAL.generation < mainOnly.generation {
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
