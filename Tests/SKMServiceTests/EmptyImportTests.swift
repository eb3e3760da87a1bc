import SKMCore
import SKMStore
import Testing

@testable import SKMService

/// Files without data rows record no batch; an empty batch a database recorded before this rule
/// (skm up to 2026-11) blocks nothing either, in an import or a dry run.
@Suite struct EmptyImportTests {
    static let header = "date,unit,service,U1,U2,U3,U4,U5,U6,U7,U8,U9\n"

    func importHeader(_ f: ServiceFixture, dryRun: Bool = false) throws -> ImportReport {
        var options = ImportOptions()
        options.dryRun = dryRun
        return try f.service.importData(from: try ByteSource(bytes: Array(Self.header.utf8)), format: .csv, options: options)
    }

    @Test func anEmptyBatchRecordedEarlierIsNoAlreadyImported() throws {
        let f = try ServiceFixture()
        let first = try importHeader(f)
        #expect(first.committed && first.batch == nil && first.rowsRead == 0)
        #expect(try f.service.existingStore().importBatches().isEmpty)
        let sha256 = try #require(first.sha256)
        // What an older skm recorded for the same file.
        try f.service.existingStore().recordImportBatch(
            ImportBatch(
                id: 1, fileName: "kosong.csv", sha256: sha256, format: "csv", importedAt: "2026-11-01T00:00:00Z", rowsRead: 0,
                rowsStored: 0, rowsSkipped: 0))
        let dryRun = try importHeader(f, dryRun: true)
        #expect(dryRun.dryRun && dryRun.rowsRead == 0)
        let again = try importHeader(f)
        #expect(again.committed && again.batch == nil)
        #expect(try f.service.existingStore().importBatches().count == 1)
        #expect(f.storedCount == 0)
    }
}
