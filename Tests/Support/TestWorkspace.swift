import Foundation
public import SKMCore
public import SKMService

/// A service on a fresh database in its own temporary folder, with a fixed clock: the base of the
/// service, RPC and report test fixtures. The folder is removed when the workspace goes away.
public final class TestWorkspace {
    public let directory: String
    public let service: SKMService

    /// 2026-11-22, the date the tests were written against.
    public static let clock = FixedClock(
        date: CivilDate(year: 2026, month: 11, day: 22) ?? CivilDate(dayNumber: 0), instant: "2026-11-22T08:00:00.000Z")

    /// A workspace named `skm-<name>-…`; with `services`, unit KEC is registered with them.
    public init(name: String, clock: FixedClock = TestWorkspace.clock, services: [(code: String, name: String)] = []) throws {
        directory = NSTemporaryDirectory() + "skm-\(name)-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        service = SKMService(databasePath: directory + "/skm.sqlite", clock: clock)
        if !services.isEmpty {
            _ = try service.addUnit(code: "KEC", name: "Kecamatan Uji")
            for entry in services { _ = try service.addService(unit: "KEC", code: entry.code, name: entry.name) }
        }
    }

    /// Unit KEC's usual services in the tests.
    public static let ktpAndSket: [(code: String, name: String)] = [("KTP", "KTP-el"), ("SKET", "Surat Keterangan")]

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// The error a throwing call raised, if it was an `SKMError`.
public func skmError(_ body: () throws -> Void) -> SKMError? {
    do {
        try body()
        return nil
    } catch let error as SKMError {
        return error
    } catch {
        return nil
    }
}

/// Paths in the package the tests read (questionnaires, examples, the protocol, the corpus).
public enum PackagePaths {
    /// The package root: this file is Tests/Support/TestWorkspace.swift.
    public static let root: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
        return path
    }()
}
