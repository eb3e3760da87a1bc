import SKMCore
import SKMStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `skm demo` created.
public struct DemoSummary: Sendable {
    /// The demo database, `skm.sqlite` inside the requested folder (any earlier one there is replaced).
    public let databasePath: String
    /// How many responses were stored.
    public let responses: Int
    /// The survey year the responses fall in (`DemoData.year`).
    public let year: Int
    /// The stated population for the sample-size check (`DemoData.population`).
    public let population: Int
}

extension SKMService {
    /// Creates a fresh demo store in `directory` and fills it with `DemoData`.
    public static func createDemo(directory: String, clock: any SKMClock = SystemClock()) throws -> (SKMService, DemoSummary) {
        try AtomicFile.makeDirectory(directory)
        let path = directory.hasSuffix("/") ? directory + "skm.sqlite" : directory + "/skm.sqlite"
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
        return (service, DemoSummary(databasePath: path, responses: drafts.count, year: DemoData.year, population: DemoData.population))
    }
}
