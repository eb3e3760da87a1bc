import SKMCore
import SKMJSON
import SKMStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `skm demo` created.
public struct DemoSummary: Sendable {
    /// The demo database, `skm.sqlite` inside the requested folder (an earlier demo database there is replaced).
    public let databasePath: String
    /// How many responses were stored.
    public let responses: Int
    /// The survey year the responses fall in (`DemoData.year`).
    public let year: Int
    /// The stated population for the sample-size check (`DemoData.population`).
    public let population: Int
}

extension SKMService {
    /// The file beside the demo database recording its identity, so a rerun replaces only a
    /// database `skm demo` made.
    static let demoMarkerName = ".skm-demo"

    /// Creates a fresh demo store in `directory` and fills it with `DemoData`. An `skm.sqlite`
    /// already there is replaced only when an earlier `skm demo` made it (its identity matches
    /// the folder's `.skm-demo`) or with `replacingAny` (`--force`); otherwise `file_error` and
    /// nothing changes: a real database in that folder is never deleted.
    public static func createDemo(
        directory: String, replacingAny: Bool = false, clock: any SKMClock = SystemClock()
    ) throws -> (SKMService, DemoSummary) {
        try AtomicFile.makeDirectory(directory)
        let folder = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let path = folder + "/skm.sqlite"
        let marker = folder + "/" + demoMarkerName
        var info = stat()
        let existing = ["", "-wal", "-shm", "-journal"].contains { lstat(path + $0, &info) == 0 }
        if existing && !replacingAny {
            let recorded = (try? TextFile.read(marker))?.trimmingSpaces()
            let actual = try? SKMService(databasePath: path, clock: clock).existingStore().identity()?.uuid
            guard let recorded, !recorded.isEmpty, recorded == actual else {
                throw SKMError(
                    .fileError,
                    "Folder \(folder.escapedForDisplay) sudah berisi skm.sqlite yang tidak dibuat oleh skm demo; skm demo tidak menghapusnya. Pilih folder lain dengan --dir, atau pakai --force bila basis data itu memang boleh diganti.",
                    details: ["path": .string(path), "exists": .bool(true)])
            }
        }
        if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
            throw SKMError(
                .fileError, "\(path.escapedForDisplay) bukan berkas biasa (folder atau tautan); skm demo tidak menyentuhnya.")
        }
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
        let service = SKMService(databasePath: path, clock: clock)
        _ = try service.addUnit(code: DemoData.unitCode, name: DemoData.unitName)
        for s in DemoData.services {
            _ = try service.addService(unit: DemoData.unitCode, code: s.code, name: s.name)
        }
        let drafts = DemoData.drafts()
        let writer = try service.store().writer(createdAt: clock.timestamp())
        for draft in drafts { _ = try writer.add(try service.prepare(draft)) }
        try writer.commit()
        if let plan = examplePlans.first(where: { $0.id == DemoData.planID }) { _ = try service.putPlan(json: plan.json) }
        if let identity = try service.existingStore().identity() {
            try AtomicFile.write(identity.uuid + "\n", to: marker, visibility: .ownerOnly, replacing: .ownFile)
        }
        return (
            service,
            DemoSummary(databasePath: path, responses: drafts.count, year: DemoData.year, population: DemoData.population)
        )
    }
}
