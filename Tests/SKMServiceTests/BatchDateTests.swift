import SKMCore
import SKMService
import SKMTestSupport
import Testing

/// A batch (`skm entry --batch`) holds the forms of one survey date.
@Suite struct BatchDateTests {
    @Test func aNumberedFormOfAnotherDateIsRefusedInsideTheTransaction() throws {
        let f = try ServiceFixture()
        let first = try f.service.submitNumbered(f.draft("434344343", date: "2025-03-14"), batch: "PAGI", from: 1)
        #expect(first.clientID == "PAGI/1")
        let e = skmError { _ = try f.service.submitNumbered(f.draft("444444444", date: "2025-03-15"), batch: "PAGI", from: 2) }
        #expect(e?.code == .batchDateMismatch)
        #expect(e?.kind == .conflict)
        #expect(e?.message.contains("bertanggal 2025-03-14") == true)
        #expect(f.storedCount == 1)
        // The same date continues the batch; another name takes the other date.
        #expect(
            try f.service.submitNumbered(f.draft("444444444", date: "2025-03-14"), batch: "PAGI", from: 1).clientID == "PAGI/2")
        #expect(
            try f.service.submitNumbered(f.draft("444444444", date: "2025-03-15"), batch: "PAGI-2", from: 1).clientID
                == "PAGI-2/1")
        #expect(try f.service.batchForms("PAGI").map(\.number) == [1, 2])
        #expect(try f.service.batchForms("PAGI-2").map(\.number) == [1])
    }
}
