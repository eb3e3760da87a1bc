import SKMCore
import SKMJSON
import SKMService
import SKMTestSupport
import Testing

/// Several questionnaires answered in one visit (the `zi` set: SKM + IPKP + IPAK): stored as one
/// response per questionnaire sharing date, unit, service and profile, linked as one visit; all or
/// nothing; each index computed separately; a visit counts once; voiding a visit voids its responses.
@Suite struct VisitTests {
    func visit(
        _ skm: String, _ ipkp: String, _ ipak: String, date: String = "2025-03-14", clientID: String? = nil
    ) -> VisitDraft {
        var shared = ResponseDraft(unit: "KEC", service: "KTP", date: date, gender: "P", age: .value(41), comment: "Cepat")
        shared.education = "SMA"
        return VisitDraft(
            set: .zi, shared: shared,
            answers: [
                ("skm", .byQuestion(AnswerText.parse(skm))), ("ipkp", .byQuestion(AnswerText.parse(ipkp))),
                ("ipak-90-2021", .byQuestion(AnswerText.parse(ipak))),
            ], clientID: clientID)
    }

    @Test func oneVisitIsOneResponsePerQuestionnaireSharingTheProfile() throws {
        let f = try ServiceFixture()
        let stored = try f.service.submitVisit(visit("444444444", "333333333", "44443"))
        #expect(stored.visit == 1 && !stored.duplicate)
        #expect(stored.responses.map(\.questionnaire) == ["permenpanrb-14-2017", "ipkp-90-2021", "ipak-90-2021"])
        let responses = try stored.responses.map { try f.service.response(id: $0.id) }
        #expect(responses.map(\.content.date.iso) == ["2025-03-14", "2025-03-14", "2025-03-14"])
        #expect(responses.map(\.content.respondent.gender) == ["P", "P", "P"])
        #expect(responses.map(\.content.respondent.age) == [41, 41, 41])
        #expect(responses.map(\.content.comment) == ["Cepat", nil, nil], "the saran is counted once")
        let record = try f.service.visit(id: 1)
        #expect(record.surveySet == "zi" && record.responseIDs == stored.responses.map(\.id))
        #expect(record.uuid.count == 32)
    }

    @Test func eachIndexSeparatelyAndAVisitCountsOnce() throws {
        let f = try ServiceFixture()
        _ = try f.service.submitVisits([
            visit("444444444", "333333333", "44443"), visit("333333333", "444444444", "22222", date: "2025-08-01"),
        ])
        func ikm(_ q: String) throws -> IKMReport {
            try f.service.computeIKM(IKMRequest(filter: SurveyFilter(year: 2025, questionnaire: q), population: 10))
        }
        #expect(try ikm("permenpanrb-14-2017").result.ikmDisplayed == 87.5)
        #expect(try ikm("ipkp-90-2021").result.ikmDisplayed == 87.5)
        // IPAK: NRR 3, 3, 3, 3, 2,5 → 2,9 × 25.
        #expect(try ikm("ipak-90-2021").result.ikmDisplayed == 72.5)
        // The sample check of each survey counts the visits (2), not the six responses.
        #expect(try ikm("permenpanrb-14-2017").sample?.respondents == 2)
        #expect(try ikm("ipak-90-2021").sample?.respondents == 2)
        #expect(try f.service.visitCount(SurveyFilter(year: 2025)) == 2)
        #expect(try f.service.visitCount(SurveyFilter(year: 2025, semester: 2)) == 1)
        #expect(try f.service.responseCounts().total == 6)
        // Data from several questionnaires is never mixed into one IKM: without --questionnaire the
        // office's SKM is meant (the ZI perception surveys are reported by `skm zi`)…
        let unnamed = try f.service.computeIKM(IKMRequest(filter: SurveyFilter(year: 2025)))
        #expect(unnamed.questionnaire.id == "permenpanrb-14-2017")
        #expect(unnamed.result == (try ikm("permenpanrb-14-2017")).result)
        // …and two surveys that are not ZI perception surveys still need naming.
        let other = try f.service.submit(
            ResponseDraft(
                questionnaire: "permenpanrb-16-2014", unit: "KEC", service: "KTP", date: "2025-03-04",
                answers: .byQuestion(Array(repeating: .value(3), count: 9))))
        #expect(!other.duplicate)
        #expect(
            skmError { _ = try f.service.computeIKM(IKMRequest(filter: SurveyFilter(year: 2025))) }?.code == .mixedQuestionnaires)
    }

    @Test func aBadAnswerInOneQuestionnaireStoresNothingAndSaysWhich() throws {
        let f = try ServiceFixture()
        let error = skmError { _ = try f.service.submitVisit(visit("444444444", "333333333", "44943")) }
        #expect(error?.code == .answerOutOfRange)
        #expect(error?.field == "answers.ipak[2]")
        #expect(error?.message.hasPrefix("Kuesioner ipak: ") == true)
        var missing = visit("444444444", "333333333", "44443")
        missing.answers.removeLast()
        #expect(skmError { _ = try f.service.submitVisit(missing) }?.field == "answers.ipak")
        var extra = visit("444444444", "333333333", "44443")
        extra.answers.append(("ikm", .byQuestion(AnswerText.parse("4"))))
        #expect(skmError { _ = try f.service.submitVisit(extra) }?.code == .invalidSurveySet)
        // In a batch, one bad visit keeps the good one out too.
        let batch = skmError {
            _ = try f.service.submitVisits([visit("444444444", "333333333", "44443"), visit("444444444", "3333", "44443")])
        }
        #expect(batch?.field == "visits[1].answers.ipkp")
        #expect(f.storedCount == 0)
        #expect(skmError { _ = try f.service.visit(id: 1) }?.code == .visitNotFound)
    }

    @Test func aRetriedVisitIsStoredOnce() throws {
        let f = try ServiceFixture()
        let first = try f.service.submitVisit(visit("444444444", "333333333", "44443", clientID: "form-7"))
        let again = try f.service.submitVisit(visit("444444444", "333333333", "44443", clientID: "form-7"))
        #expect(again.duplicate && again.visit == first.visit && again.responses.map(\.id) == first.responses.map(\.id))
        #expect(f.storedCount == 3)
        #expect(
            skmError { _ = try f.service.submitVisit(visit("444444444", "333333333", "11111", clientID: "form-7")) }?.code
                == .clientIDConflict)
        #expect(f.storedCount == 3)
    }

    @Test func voidingAVisitVoidsEveryResponseOfIt() throws {
        let f = try ServiceFixture()
        _ = try f.service.submitVisits([visit("444444444", "333333333", "44443"), visit("111111111", "111111111", "11111")])
        let voided = try f.service.voidVisit(id: 2, reason: "Formulir ganda")
        #expect(voided.voidReason == "Formulir ganda")
        #expect(try voided.responseIDs.allSatisfy { try f.service.response(id: $0).voidReason == "Formulir ganda" })
        #expect(try f.service.computeIKM(IKMRequest(filter: SurveyFilter(questionnaire: "ipak-90-2021"))).result.respondents == 1)
        #expect(try f.service.visitCount(SurveyFilter()) == 1)
        #expect(skmError { _ = try f.service.voidVisit(id: 2, reason: "lagi") }?.code == .alreadyVoided)
        #expect(skmError { _ = try f.service.voidVisit(id: 9, reason: "x") }?.code == .visitNotFound)
        #expect(skmError { _ = try f.service.voidVisit(id: 1, reason: " ") }?.code != nil)
    }

    @Test func setsByNameOrByQuestionnaireList() throws {
        #expect(try SurveySet.named("ZI") == .zi)
        let custom = try SurveySet.named("permenpanrb-14-2017, ipak-90-2021")
        #expect(custom.name == "custom" && custom.members.map(\.prefix) == ["permenpanrb-14-2017", "ipak-90-2021"])
        #expect(skmError { _ = try SurveySet.named("wbk") }?.code == .unknownSurveySet)
        #expect(skmError { _ = try SurveySet.named("ipak-90-2021,ipak-90-2021") }?.code == .invalidSurveySet)
    }
}
