public import SKMCore
import SKMJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Another skm database opened to be merged into this one: read-only, never changed, and no
/// file created or removed beside it.
///
/// How it is opened depends on what lies beside it:
/// - no -wal: the main file holds everything; it is read `immutable` (no -wal or -shm created).
/// - a -wal and its -shm: an skm may be using it; it is read through SQLite's read-only mode,
///   which sees every committed transaction, never checkpoints and never deletes the -wal.
/// - a -wal without -shm (a copy, or a counter PC switched off): SQLite would create the -shm,
///   so the main file and -wal are copied into a private temporary folder and the copy is read;
///   the folder is removed afterwards.
///
/// The source must be at this skm's schema: an older one cannot be migrated without writing it
/// (`merge_source_outdated`: open it once with this skm, e.g. `skm check --db FILE`).
///
/// One connection, used by one thread at a time (a merge may hand it to a reader thread while
/// it writes, and takes it back after joining that thread).
public final class MergeSource: @unchecked Sendable {
    /// The path as given.
    public let path: String
    let db: SQLiteConnection
    let scratchFolder: String?

    /// Opens the source; refuses a missing file, a non-skm file, a newer or older schema.
    public init(path: String) throws {
        self.path = path
        switch try? DatabaseFile.inspect(path) {
        case .missing:
            throw SKMError(
                .sourceNotFound, "Berkas sumber \(path) tidak ada; tidak ada yang digabungkan.", field: "source",
                details: ["source": .string(path)])
        case .empty, nil:
            throw SKMError(
                .notSKMDatabase, "Berkas sumber \(path) bukan basis data skm; tidak ada yang digabungkan.", field: "source",
                details: ["source": .string(path)])
        case .sqlite:
            break
        }
        let hasWAL = DatabaseFile.size(path + "-wal") != nil
        let hasSHM = DatabaseFile.size(path + "-shm") != nil
        if !hasWAL {
            db = try SQLiteConnection(path: path, mode: .immutable)
            scratchFolder = nil
        } else if hasSHM {
            try WALCheck.verify(path)
            db = try SQLiteConnection(path: path, mode: .readOnly)
            scratchFolder = nil
        } else {
            let folder = try Self.privateCopy(of: path)
            scratchFolder = folder
            do {
                try WALCheck.verify(folder + "/source.sqlite")
                db = try SQLiteConnection(path: folder + "/source.sqlite", mode: .readWrite)
            } catch {
                Self.remove(folder)
                throw error
            }
        }
        let facts = try db.schemaFacts()
        try db.refuseUnknown(facts)
        guard facts.version == Migrations.latestVersion else {
            throw SKMError(
                .mergeSourceOutdated,
                "Basis data sumber \(path) memakai skema \(facts.version), versi ini skema \(Migrations.latestVersion); sumber tidak diubah dan tidak digabungkan. Buka sekali dengan skm ini (mis. 'skm check --db \(path)') lalu ulangi.",
                field: "source", details: ["source": .string(path), "schema": .int(facts.version)])
        }
        try db.execute("BEGIN")  // one read snapshot for everything read from the source
    }

    deinit {
        if let scratchFolder { Self.remove(scratchFolder) }
    }

    /// The source's identity row (its uuid tells copies of one database apart).
    public func identity() throws -> StoreIdentity? {
        try db.identity()
    }

    /// About how many responses the source holds: its highest response id, read from the
    /// table's end without counting (a size to reserve room for, not a count to report).
    func responseCount() throws -> Int {
        try db.prepare("SELECT COALESCE(MAX(id), 0) FROM responses").first { $0.int(0) } ?? 0
    }

    /// The source's units, in the order it registered them (so units new here get ids in the same
    /// order, and every read that sums rows in id order sums them as the source does).
    public func units() throws -> [UnitRecord] {
        try db.prepare("SELECT \(Store.unitColumns) FROM units ORDER BY id").rows([]) { Store.unitRow($0) }
    }

    /// The source's services, in the order it registered them (as `units()`: floating-point sums
    /// such as the standard error's follow row order, so a merged database keeps the source's).
    public func services() throws -> [ServiceRecord] {
        try db.prepare(
            "SELECT s.id, s.unit_id, u.code, s.code, s.name, s.created_at FROM services s JOIN units u ON u.id = s.unit_id ORDER BY s.id"
        ).rows([]) { Store.serviceRow($0) }
    }

    /// The source's custom questionnaire definitions.
    public func customQuestionnaires() throws -> [(id: String, definition: String)] {
        try db.prepare("SELECT id, definition FROM questionnaires ORDER BY id").rows([]) {
            (id: $0.text(0), definition: $0.text(1))
        }
    }

    /// Copies the main file and its -wal into a new private folder (0700, files 0600).
    static func privateCopy(of path: String) throws -> String {
        var template = Array((TemporaryFolder.path + "/skm-merge-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> UnsafeMutablePointer<CChar>? in
            guard let base = buffer.baseAddress else { return nil }
            return mkdtemp(base)
        }
        guard made != nil else {
            throw SKMError(.fileError, "Folder sementara untuk membaca \(path) tidak dapat dibuat: \(SystemErrorText.current).")
        }
        let folder = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do {
            try copyFile(path, to: folder + "/source.sqlite")
            try copyFile(path + "-wal", to: folder + "/source.sqlite-wal")
        } catch {
            remove(folder)
            throw error
        }
        return folder
    }

    static func copyFile(_ from: String, to: String) throws {
        let input = open(from, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw SKMError(.fileError, "Berkas \(from) tidak dapat dibaca: \(SystemErrorText.current).") }
        defer { close(input) }
        let output = open(to, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard output >= 0 else { throw SKMError(.fileError, "Berkas \(to) tidak dapat dibuat: \(SystemErrorText.current).") }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count == 0 { return }
            guard count > 0 else { throw SKMError(.fileError, "Berkas \(from) tidak dapat dibaca: \(SystemErrorText.current).") }
            var written = 0
            while written < count {
                let n = buffer.withUnsafeBytes {
                    write(output, UnsafeRawBufferPointer(rebasing: $0[written..<count]).baseAddress, count - written)
                }
                guard n > 0 else { throw SKMError(.fileError, "Berkas \(to) tidak dapat ditulis: \(SystemErrorText.current).") }
                written += n
            }
        }
    }

    static func remove(_ folder: String) {
        for name in ["source.sqlite", "source.sqlite-wal", "source.sqlite-shm", "source.sqlite-journal"] {
            unlink(folder + "/" + name)
        }
        rmdir(folder)
    }
}

/// Where private temporary folders go: `TMPDIR`, else /tmp.
enum TemporaryFolder {
    static var path: String {
        if let value = getenv("TMPDIR"), let text = String(validatingCString: value), !text.isEmpty {
            return text.hasSuffix("/") ? String(text.dropLast()) : text
        }
        return "/tmp"
    }
}
