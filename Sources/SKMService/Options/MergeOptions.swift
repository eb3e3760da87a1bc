public import SKMCore

/// What `skm merge` does when the source and this database name a unit or service differently.
public enum KeepName: String, Sendable, Equatable {
    /// Keep this database's name; the source's data goes to the unit or service of that code.
    case target
    /// Take the source's name for this database's unit or service of that code.
    case source
}

/// The mapping options of a merge, read once for every front end.
public struct MergeOptions: Sendable, Equatable {
    /// Source unit code → unit code here (`--unit-map SRC=DST`): the source unit's data goes to
    /// DST, which is added with the source's name when it does not exist.
    public var unitMap: [String: String] = [:]
    /// Name conflicts resolved this way; nil: a name conflict stops the source.
    public var keepName: KeepName?

    /// No mapping: every conflict stops its source.
    public init() {}

    /// Reads `--unit-map` values (`SRC=DST`, codes as `skm unit add` accepts them, each source
    /// code once) and `--keep-name` (`target` or `source`); anything else is `usage`.
    public static func parse(unitMaps: [String], keepName: String?) throws(SKMError) -> MergeOptions {
        var options = MergeOptions()
        for raw in unitMaps {
            let parts = raw.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else {
                throw SKMError(
                    .usage,
                    "--unit-map harus berbentuk KODE-SUMBER=KODE-TUJUAN, mis. --unit-map LOKET2=KEC01; diterima \"\(raw.clipped(40))\".",
                    field: "unitMap")
            }
            let source = try TextRules.code(parts[0], field: "unitMap", what: "unit")
            let target = try TextRules.code(parts[1], field: "unitMap", what: "unit")
            guard options.unitMap[source] == nil else {
                throw SKMError(.usage, "--unit-map untuk unit \(source) diberikan dua kali.", field: "unitMap")
            }
            options.unitMap[source] = target
        }
        if let keepName {
            guard let value = KeepName(rawValue: keepName.trimmingSpaces().lowercased()) else {
                throw SKMError(
                    .usage,
                    "--keep-name harus \"target\" (nama di basis data ini) atau \"source\" (nama dari sumber); diterima \"\(keepName.clipped(30))\".",
                    field: "keepName")
            }
            options.keepName = value
        }
        return options
    }
}
