import Foundation
import SKMCore
import SKMStore
import SKMTestSupport
import Testing

@testable import SKMService

@Suite struct MaintenanceTests {
    @Test func aBackupTakenWhileAnotherProcessWritesIsConsistent() async throws {
        let f = try ServiceFixture()
        _ = try f.service.submitMany((0..<200).map { f.draft("434344343", date: "2025-01-\(10 + $0 % 10)") })
        let path = f.service.databasePath
        let writer = Task.detached {
            let other = SKMService(databasePath: path, clock: ServiceFixture.clock)
            for i in 0..<300 {
                _ = try other.submit(
                    ResponseDraft(
                        unit: "KEC", service: "SKET", date: "2025-02-01", answers: .byQuestion(AnswerText.parse("333333333")),
                        clientID: "w\(i)"))
            }
        }
        var copies: [String] = []
        for k in 0..<5 {
            let target = f.directory + "/cadangan-\(k).sqlite"
            _ = try f.service.backup(to: target)
            copies.append(target)
        }
        try await writer.value
        for copy in copies {
            let restored = SKMService(databasePath: copy, clock: ServiceFixture.clock)
            let check = try restored.check()
            #expect(check.isHealthy, "\(copy): \(check)")
            let count = try restored.responseCounts().total
            #expect(count >= 200 && count <= 500)
            let attributes = try FileManager.default.attributesOfItem(atPath: copy)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
        }
        #expect(skmError { _ = try f.service.backup(to: path) }?.code == .fileError)
    }

    @Test func checkFindsDriftAndRepairRebuildsFromTheResponses() throws {
        let f = try ServiceFixture()
        _ = try f.service.submitMany([f.draft("444444444"), f.draft("222222222")])
        #expect(try f.service.check().isHealthy)
        let before = try f.service.computeIKM(IKMRequest()).result.ikm
        // Simulate drift that only a bug could cause: an aggregate row out of step with the responses.
        let raw = try RawSQL(path: f.service.databasePath)
        // Unsur 1's sum (4 + 2 = 6, the Int64 at bytes 10–17 of the packed row) made 13.
        try raw.execute(
            "UPDATE aggregates SET unsur = CAST(substr(unsur, 1, 9) || x'0D00000000000000' || substr(unsur, 18) AS BLOB)")
        let drifted = try f.service.check()
        #expect(!drifted.isHealthy)
        let aggregates = drifted.findings.filter(\.isAboutAggregates)
        #expect(aggregates.count == 1 && drifted.findings.count == 1)
        #expect(aggregates[0].text.contains("unsur ke-1"))
        let repaired = try f.service.repairAggregates()
        #expect(repaired.isHealthy)
        #expect(try f.service.computeIKM(IKMRequest()).result.ikm == before)
        #expect(try f.service.store().auditLog().last?.action == "aggregates.rebuild")
    }

    @Test func aDryRunImportChecksEverythingAndStoresNothing() throws {
        let f = try ServiceFixture()
        let csv =
            "date,unit,service,U1,U2,U3,U4,U5,U6,U7,U8,U9\n2025-03-01,KEC,KTP,4,3,4,3,4,4,3,3,4\n2025-03-02,KEC,PBB,4,3,4,3,4,4,3,3,4\n"
        var options = ImportOptions()
        options.dryRun = true
        let report = try f.service.importData(from: try ByteSource(bytes: Array(csv.utf8)), format: .csv, options: options)
        #expect(report.dryRun)
        #expect(report.rowsRead == 2)
        #expect(report.invalidRows == 1)
        #expect(report.errors.first?.error.code == .unknownService)
        #expect(f.storedCount == 0)
    }
}

/// Direct SQL on a database file, to simulate damage in tests.
final class RawSQL {
    let path: String
    init(path: String) throws { self.path = path }

    func execute(_ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()", path, sql,
        ]
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 { throw CocoaError(.fileWriteUnknown) }
    }
}
