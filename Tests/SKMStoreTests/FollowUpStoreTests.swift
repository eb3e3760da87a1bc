import SKMCore
import Testing

@testable import SKMStore

/// The follow-up register is append-only: versions are added, never changed or deleted.
@Suite struct FollowUpStoreTests {
    static let item = RTLItem(
        number: 0, version: 0, year: 2025, unsur: "U3", questionnaire: "permenpanrb-14-2017", program: "Pelatihan",
        penanggungJawab: "Kasi", target: CivilDate(year: 2026, month: 6, day: 30) ?? CivilDate(dayNumber: 0),
        plannedOn: CivilDate(year: 2026, month: 1, day: 5) ?? CivilDate(dayNumber: 0), unitCode: nil, serviceCode: nil,
        action: "add", recordedAt: "2026-01-05T00:00:00Z")

    @Test func rowsCannotBeRewrittenOrDeleted() throws {
        let t = TestDatabase()
        let store = try Store(path: t.path)
        let stored = try store.addRTLItem(Self.item)
        #expect(stored?.number == 1 && stored?.version == 1)
        let publication = PublicationRecord(
            number: 0, version: 0, year: 2025, medium: .website, publishedOn: Self.item.plannedOn, link: nil, note: nil,
            recordedAt: "t")
        _ = try store.addPublication(publication)
        for sql in [
            "UPDATE rtl_entries SET program = 'lain'", "DELETE FROM rtl_entries",
            "UPDATE publication_entries SET medium = 'radio'", "DELETE FROM publication_entries",
        ] {
            #expect(throws: (any Error).self, "\(sql)") { try store.db.execute(sql) }
        }
        #expect(try store.rtlVersions().map(\.program) == ["Pelatihan"])
        #expect(try store.publicationVersions().map(\.medium) == [.website])
    }

    @Test func anImportKeyIsStoredOnce() throws {
        let t = TestDatabase()
        let store = try Store(path: t.path)
        let added = try store.addRTLItems([(Self.item, "k1"), (Self.item, "k2")])
        #expect(added.map(\.number) == [1, 2])
        let again = try store.addRTLItems([(Self.item, "k2"), (Self.item, "k3")])
        #expect(again.map(\.number) == [3])
        // A change made under a thrown error leaves nothing behind.
        struct Refused: Error {}
        #expect(throws: Refused.self) { _ = try store.changeRTLItem(number: 1) { _ in throw Refused() } }
        #expect(try store.rtlVersions(number: 1).count == 1)
        #expect(try store.changeRTLItem(number: 9) { $0 } == nil)
    }
}
