public import SKMCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Store {
    /// Puts a copy of the backup at `backup` in place of the database at `path`, without
    /// opening the current database (it may be the damaged one) and without deleting anything:
    /// the current file, its -wal and -shm are renamed to `PATH.sebelum-pulih-STAMP` (same
    /// suffixes, so they stay one database). The backup is checked first (an skm database, not
    /// newer than this skm, passing SQLite's integrity check, no -wal of its own), and the
    /// database must not be open in another process.
    public static func restore(backup: String, onto path: String, stamp: String) throws -> RestoreOutcome {
        let responses = try checkBackup(backup, for: path)
        if DatabaseFile.isInUse(path) {
            throw SKMError(
                .databaseBusy,
                "Basis data \(path) sedang dibuka program lain (mis. skm rpc atau skm entri). Hentikan program itu dulu, lalu pulihkan lagi; tidak ada yang diubah."
            )
        }
        let temporary = try PrivateFile.create(beside: path)
        var moved: [(from: String, to: String)] = []
        do {
            try copyBytes(from: backup, to: temporary.path)
            try temporary.sync()
            let aside = asideName(for: path, stamp: stamp)
            for suffix in ["", "-wal", "-shm"] where PrivateFile.exists(path + suffix) {
                guard rename(path + suffix, aside + suffix) == 0 else {
                    throw SKMError(.fileError, "\(path + suffix) tidak dapat dipindahkan: \(SystemErrorText.current).")
                }
                moved.append((path + suffix, aside + suffix))
            }
            try temporary.move(to: path)
        } catch {
            for entry in moved.reversed() { rename(entry.to, entry.from) }
            temporary.discard()
            throw error
        }
        return RestoreOutcome(movedAside: moved.map(\.to), responses: responses)
    }

    /// Checks a backup without changing it; returns how many responses it holds.
    static func checkBackup(_ backup: String, for path: String) throws -> Int64 {
        guard case .sqlite = try DatabaseFile.inspect(backup) else {
            throw SKMError(.notSKMDatabase, "Berkas cadangan \(backup) tidak ada atau kosong.", field: "path")
        }
        if let backupFile = DatabaseFile.identity(of: backup), DatabaseFile.identity(of: path) == backupFile {
            throw SKMError(.fileError, "Berkas cadangan \(backup) adalah basis data itu sendiri.", field: "path")
        }
        if let walSize = DatabaseFile.size(backup + "-wal"), walSize > 0 {
            throw SKMError(
                .fileError,
                "\(backup) masih punya berkas -wal, jadi bukan salinan yang utuh (mungkin basis data yang sedang dipakai). Buat cadangan dengan 'skm backup'.",
                field: "path")
        }
        let connection = try SQLiteConnection(path: backup, mode: .immutable)
        let facts = try connection.schemaFacts()
        guard facts.applicationID == Int(Migrations.applicationID) else {
            throw SKMError(
                .notSKMDatabase, "Berkas \(backup) bukan cadangan basis data skm; tidak ada yang diubah.", field: "path")
        }
        try connection.refuseUnknown(facts)
        let problems = try connection.prepare("PRAGMA integrity_check").rows([], { $0.text(0) })
        guard problems == ["ok"] else {
            throw SKMError(
                .databaseCorrupt,
                "Cadangan \(backup) rusak (\(problems.prefix(3).joined(separator: "; "))); tidak dipulihkan, tidak ada yang diubah.",
                field: "path")
        }
        return try connection.prepare("SELECT COUNT(*) FROM responses").first { $0.int64(0) } ?? 0
    }

    /// `PATH.sebelum-pulih-STAMP`, with `-2`, `-3`… when that name (or its -wal/-shm) is taken.
    static func asideName(for path: String, stamp: String) -> String {
        var candidate = "\(path).sebelum-pulih-\(stamp)"
        var number = 2
        while ["", "-wal", "-shm"].contains(where: { PrivateFile.exists(candidate + $0) }) {
            candidate = "\(path).sebelum-pulih-\(stamp)-\(number)"
            number += 1
        }
        return candidate
    }

    /// Copies the bytes of `source` into the existing file `target`.
    static func copyBytes(from source: String, to target: String) throws {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw SKMError(.fileError, "\(source) tidak dapat dibaca: \(SystemErrorText.current).") }
        defer { close(input) }
        let output = open(target, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
        guard output >= 0 else { throw SKMError(.fileError, "\(target) tidak dapat ditulisi: \(SystemErrorText.current).") }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count == 0 { return }
            guard count > 0 else { throw SKMError(.fileError, "\(source) tidak dapat dibaca: \(SystemErrorText.current).") }
            var written = 0
            while written < count {
                let step = buffer.withUnsafeBytes { bytes -> Int in
                    guard let base = bytes.baseAddress else { return -1 }
                    return write(output, base + written, count - written)
                }
                guard step > 0 else { throw SKMError(.fileError, "\(target) tidak dapat ditulisi: \(SystemErrorText.current).") }
                written += step
            }
        }
    }
}
