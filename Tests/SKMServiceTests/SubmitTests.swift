import SKMCore
import SKMService
import SKMTestSupport
import Testing

@Suite struct SubmitTests {
    @Test func submitStoresAndAcknowledges() throws {
        let f = try ServiceFixture()
        let result = try f.service.submit(f.draft("434344343"))
        #expect(result == SubmitResult(id: 1, duplicate: false))
        let stored = try f.service.response(id: 1)
        #expect(stored.content.answers == [4, 3, 4, 3, 4, 4, 3, 3, 4])
        #expect(stored.createdAt == "2026-11-22T08:00:00.000Z")
    }

    @Test func unknownNamesAreRefusedAndNothingIsStored() throws {
        let f = try ServiceFixture()
        var d = f.draft("434344343")
        d.unit = "NOPE"
        #expect(skmError { _ = try f.service.submit(d) }?.code == .unknownUnit)
        d = f.draft("434344343", service: "PBB")
        let e = skmError { _ = try f.service.submit(d) }
        #expect(e?.code == .unknownService)
        #expect(e?.message.contains("KTP, SKET") == true)
        d = f.draft("434344343")
        d.questionnaire = "kuesioner-lain"
        #expect(skmError { _ = try f.service.submit(d) }?.code == .unknownQuestionnaire)
        #expect(f.storedCount == 0)
    }

    @Test func idempotentRetriesAndConflicts() throws {
        let f = try ServiceFixture()
        let first = try f.service.submit(f.draft("434344343", clientID: "sheet-1-row-5"))
        let retry = try f.service.submit(f.draft("434344343", clientID: "sheet-1-row-5"))
        #expect(retry == SubmitResult(id: first.id, duplicate: true))
        let e = skmError { _ = try f.service.submit(f.draft("434344344", clientID: "sheet-1-row-5")) }
        #expect(e?.code == .clientIDConflict)
        #expect(e?.kind == .conflict)
        #expect(f.storedCount == 1)
        // Without a client id every call stores a new response.
        _ = try f.service.submit(f.draft("434344343"))
        _ = try f.service.submit(f.draft("434344343"))
        #expect(f.storedCount == 3)
    }

    @Test func atomicBatchesStoreAllOrNothing() throws {
        let f = try ServiceFixture()
        let results = try f.service.submitMany([f.draft("444444444"), f.draft("44444444"), f.draft("333333333")])
        #expect(f.storedCount == 0)
        guard case .failed(let e) = results[1] else {
            Issue.record("item 1 should fail")
            return
        }
        #expect(e.field == "responses[1].answers")
        if case .notStored = results[0] {} else { Issue.record("item 0 should be not stored") }
        let partial = try f.service.submitMany([f.draft("444444444"), f.draft("44444444"), f.draft("333333333")], atomic: false)
        #expect(f.storedCount == 2)
        if case .stored(let r) = partial[2] { #expect(r.id == 2) } else { Issue.record("item 2 should be stored") }
    }

    @Test func aConflictInsideAnAtomicBatchRollsItBack() throws {
        let f = try ServiceFixture()
        _ = try f.service.submit(f.draft("444444444", clientID: "a"))
        let results = try f.service.submitMany([f.draft("333333333", clientID: "b"), f.draft("111111111", clientID: "a")])
        #expect(f.storedCount == 1)
        if case .failed(let e) = results[1] { #expect(e.code == .clientIDConflict) } else { Issue.record("expected conflict") }
        if case .notStored = results[0] {} else { Issue.record("expected not stored") }
    }

    @Test func voidExplainsEveryMistake() throws {
        let f = try ServiceFixture()
        _ = try f.service.submit(f.draft("444444444"))
        #expect(skmError { _ = try f.service.void(id: 1, reason: "  ") }?.code == .missingField)
        #expect(skmError { _ = try f.service.void(id: 7, reason: "salah") }?.code == .responseNotFound)
        let voided = try f.service.void(id: 1, reason: "Formulir ganda")
        #expect(voided.voidReason == "Formulir ganda")
        #expect(skmError { _ = try f.service.void(id: 1, reason: "lagi") }?.code == .alreadyVoided)
    }

    @Test func registryRulesAreEnforced() throws {
        let f = try ServiceFixture()
        #expect(skmError { _ = try f.service.addUnit(code: "kec", name: "Lagi") }?.code == .duplicateUnit)
        #expect(skmError { _ = try f.service.addUnit(code: "A B", name: "Spasi") }?.code == .invalidCode)
        #expect(skmError { _ = try f.service.addUnit(code: "X", name: "") }?.code == .missingField)
        #expect(skmError { _ = try f.service.addService(unit: "KEC", code: "ktp", name: "Lagi") }?.code == .duplicateService)
        #expect(skmError { _ = try f.service.addService(unit: "ZZZ", code: "A", name: "A") }?.code == .unknownUnit)
        _ = try f.service.addUnit(code: "pusk-1", name: "Puskesmas")
        _ = try f.service.addService(unit: "PUSK-1", code: "KTP", name: "Same code, other unit")
        #expect(try f.service.services(unit: "pusk-1").map(\.code) == ["KTP"])
    }
}
