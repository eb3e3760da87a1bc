import SKMCore
import SKMJSON

/// One aggregate package a merge source had imported, as it kept it: the document exactly as
/// received, with the ids that name it in messages.
public struct SourcePackage: Sendable {
    /// The package's UUID.
    public let uuid: String
    /// The identity UUID of the office database that wrote it.
    public let source: String
    /// The whole package as the source received it.
    public let document: String
}

extension MergeSource {
    /// Every package the source imported, replaced ones included, in the order it imported them.
    func packages() throws -> [SourcePackage] {
        try db.prepare("SELECT uuid, source, document FROM packages ORDER BY id").rows {
            SourcePackage(uuid: $0.text(0), source: $0.text(1), document: $0.text(2))
        }
    }
}

extension Store {
    /// Carries the source's aggregate packages, oldest import first (so a later version replaces
    /// an earlier one here as it did there), each through `Store.storePackage`, the rule of
    /// `skm import PAKET.json`, after `prepare` (the service's package check) turned its document
    /// into a write. A package already here counts as present; one older than the package here
    /// for the same unit and year (`package_outdated`) is skipped and counted. A package unit
    /// sent elsewhere by `--unit-map` (`unitCodes`) is refused: the office's next package still
    /// names its own unit, so the two would be counted twice. Any other refusal stops the source,
    /// naming the package (`details.package`).
    func carryPackages(
        from source: MergeSource, unitCodes: [String: String], prepare: (SourcePackage) throws -> PackageWrite,
        counts: inout MergeCounts
    ) throws {
        for package in try source.packages() {
            do {
                let write = try prepare(package)
                for unit in write.units {
                    if let mapped = unitCodes[unit.code], mapped != unit.code {
                        throw SKMError(
                            .mergeConflict,
                            "unit \(unit.code) diarahkan ke \(mapped) dengan --unit-map, tetapi data unit itu berasal dari paket agregat; paket berikutnya dari kantor itu tetap menyebut unit \(unit.code), sehingga angkanya akan terhitung dua kali. Gabungkan tanpa --unit-map untuk unit \(unit.code) (pakai --keep-name bila namanya berbeda).",
                            field: "unitMap")
                    }
                }
                let outcome = try storePackage(write)
                if outcome.alreadyStored {
                    counts.packagesAlreadyPresent += 1
                } else {
                    counts.packagesCarried += 1
                }
            } catch let error as SKMError where error.code == .packageOutdated {
                counts.packagesOlderSkipped += 1
            } catch let error as SKMError {
                throw SKMError(
                    error.code, "paket agregat \(package.uuid) (dari basis data \(package.source)): \(error.message)",
                    field: error.field,
                    details: [
                        "register": .string("packages"), "package": .string(package.uuid),
                        "packageSource": .string(package.source),
                    ])
            }
        }
    }
}
