public import SKMCore
import SKMJSON
import SKMStore

/// What merging one source did.
public struct MergeSummary: Sendable {
    /// The source path as given.
    public let source: String
    /// The source database's identity uuid.
    public let sourceUUID: String
    /// What was added, recognised and carried.
    public let counts: MergeCounts
}

extension SKMService {
    /// `skm merge SOURCE…`: merges each source database into this one, in order, one write
    /// transaction each (the source opened read-only, never changed). `each` is called after
    /// each source is committed. The aggregate packages a source imported are carried through
    /// the rule of `skm import PAKET.json` (`packageWrite`, `Store.storePackage`). A source that
    /// fails (missing, not skm, another schema, this database itself, a registry or package
    /// conflict) stops the merge with its error; sources before it stay merged, nothing of it is
    /// stored. This database is created when it does not exist and the first source opens.
    public func merge(sources: [String], options: MergeOptions, each: (MergeSummary) -> Void = { _ in }) throws -> [MergeSummary]
    {
        guard !sources.isEmpty else {
            throw SKMError(.usage, "Sebutkan berkas basis data skm yang akan digabungkan, mis. skm merge loket2.sqlite.")
        }
        for path in sources where DatabaseFile.identity(of: path) == nil {
            throw SKMError(
                .sourceNotFound, "Berkas sumber \(path) tidak ada; tidak ada yang digabungkan.", field: "source",
                details: ["source": .string(path)])
        }
        // A refused first source (not skm, another schema) must not leave a new empty database.
        if openedStore == nil && !databaseExists, let first = sources.first { _ = try MergeSource(path: first) }
        let target = try store()
        let targetUUID = try target.identity()?.uuid
        var known = try target.knownIDs()
        var summaries: [MergeSummary] = []
        defer { invalidateCaches() }
        for path in sources {
            if let file = DatabaseFile.identity(of: path), file == DatabaseFile.identity(of: databasePath) {
                throw Self.intoSelf(path)
            }
            let source = try MergeSource(path: path)
            let sourceUUID = try source.identity()?.uuid ?? ""
            if sourceUUID == targetUUID { throw Self.intoSelf(path) }
            let counts: MergeCounts
            let at = clock.timestamp()
            do {
                counts = try target.merge(
                    from: source, at: at, known: &known, rows: MergeRowReader(source: source),
                    plan: { try MergePolicy.plan($0, options: options, source: path) },
                    packages: { package in
                        // The same check as `skm import PAKET.json`, against this database as the merge left it so far.
                        try self.packageWrite(
                            document: Array(package.document.utf8), importedAt: at,
                            catalog: { try Self.catalog(of: target).catalog }, here: { targetUUID })
                    })
            } catch let error as SKMError
                where error.code == .clientIDConflict || error.code == .packageConflict || error.details?["package"] != nil
                || (error.code == .mergeConflict && error.details?["register"] != nil)
            {
                throw SKMError(
                    error.code, "Sumber \(path) tidak digabungkan, tidak ada yang disimpan: \(error.message)", field: "source",
                    details: error.details)
            }
            let summary = MergeSummary(source: path, sourceUUID: sourceUUID, counts: counts)
            summaries.append(summary)
            each(summary)
        }
        return summaries
    }

    static func intoSelf(_ path: String) -> SKMError {
        SKMError(
            .mergeIntoSelf,
            "\(path) adalah basis data ini sendiri (berkas yang sama atau salinannya dengan identitas yang sama); basis data tidak digabungkan dengan dirinya sendiri.",
            field: "source", details: ["source": .string(path)])
    }
}
