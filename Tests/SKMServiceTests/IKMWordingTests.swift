import SKMCore
import SKMJSON
import SKMService
import SKMTestSupport
import Testing

/// Why an IKM or its interval is missing is data in the core, worded once in SKMService.
@Suite struct IKMWordingTests {
    /// The sentences users read, word for word as they were when the core built them.
    @Test func theSentencesAreTheOnesUsersKnow() {
        #expect(IKMWording.text(.noRespondents) == "Belum ada responden untuk pilihan ini.")
        #expect(
            IKMWording.text(.unansweredUnsur(["U4", "U8"]))
                == "IKM tidak dapat dihitung: unsur U4, U8 tidak dijawab oleh satu responden pun. Bila unsur itu memang tidak berlaku, gunakan kuesioner tanpa unsur tersebut."
        )
        #expect(IKMWording.text(.tooFewRespondents) == "Selang kepercayaan memerlukan sedikitnya 2 responden.")
        #expect(
            IKMWording.text(.tooFewRespondentsInAService)
                == "Selang kepercayaan memerlukan sedikitnya 2 responden di setiap layanan.")
    }

    @Test func anUnsurNobodyAnsweredIsAReasonTheJSONAndTheReportNotesWordAlike() throws {
        let f = try ServiceFixture()
        _ = try f.service.submitMany([f.draft("444-44444", date: "2025-02-10"), f.draft("333-33333", date: "2025-02-11")])
        let report = try f.service.computeIKM(IKMRequest(filter: SurveyFilter(year: 2025)))
        #expect(report.result.ikm == nil)
        #expect(report.result.unavailable == .unansweredUnsur(["U4"]))
        let sentence = IKMWording.text(.unansweredUnsur(["U4"]))
        #expect(IKMJSON.report(report)["reason"] == .string(sentence))
        let (_, notes) = try f.service.annualReportData(ReportRequest(year: 2025))
        #expect(notes.contains(sentence))
    }

    @Test func aMeanOfServicesWithOneRespondentEachHasNoIntervalAndSaysWhy() throws {
        let f = try ServiceFixture()
        _ = try f.service.submitMany([f.draft("444444444"), f.draft("333333333", service: "SKET")])
        let report = try f.service.computeIKM(IKMRequest(filter: SurveyFilter(year: 2025), aggregation: .meanOfServices))
        #expect(report.result.ikm == 87.5)
        #expect(report.result.unavailable == nil)
        #expect(report.result.ci95Unavailable == .tooFewRespondentsInAService)
        #expect(IKMWording.reason(for: report.result) == IKMWording.text(.tooFewRespondentsInAService))
        #expect(IKMJSON.report(report)["reason"] == .string(IKMWording.text(.tooFewRespondentsInAService)))
    }
}
