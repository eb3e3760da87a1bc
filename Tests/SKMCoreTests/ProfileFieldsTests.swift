import SKMTestSupport
import Testing

@testable import SKMCore

/// The one description of each respondent-profile choice field (issue 10 item 4).
@Suite struct ProfileFieldsTests {
    let q = Fixtures.q2017

    @Test func everyFieldIsDescribedOnceInItsOrder() {
        #expect(ProfileKey.fields.map(\.key) == ProfileKey.allCases)
        #expect(ProfileKey.fields.map(\.name) == ["gender", "education", "occupation"])
        #expect(ProfileKey.fields.map(\.indonesianName) == ["jenis_kelamin", "pendidikan", "pekerjaan"])
        #expect(Set(ProfileKey.fields.map(\.entryKey)).count == ProfileKey.fields.count)
        #expect(Set(ProfileKey.fields.flatMap(\.columnNames)).count == ProfileKey.fields.flatMap(\.columnNames).count)
    }

    @Test func eachDescriptionLeadsFromTheDraftToTheRespondent() throws {
        for profile in ProfileKey.fields {
            let spec = try #require(q.profile[keyPath: profile.spec])
            #expect(spec == q.profile.choiceField(profile.key))
            let choice = try #require(spec.choices.last)
            var draft = ResponseDraft(unit: "KEC", service: "KTP", date: "2025-01-02", answers: .byQuestion(Array(repeating: .value(3), count: 9)))
            draft[keyPath: profile.draft] = choice.label.lowercased()
            let validated = try ResponseValidator.validate(draft, questionnaire: q, today: CivilDate(iso: "2025-06-01")!)
            #expect(validated.content.respondent[keyPath: profile.respondent] == choice.code)
            #expect(validated.content.respondent.value(profile.key) == choice.code)
            for other in ProfileKey.fields where other.key != profile.key {
                #expect(validated.content.respondent[keyPath: other.respondent] == nil)
            }
            draft[keyPath: profile.draft] = "tidak ada"
            let error = skmError { _ = try ResponseValidator.validate(draft, questionnaire: q, today: CivilDate(iso: "2025-06-01")!) }
            #expect(error?.code == .invalidProfileValue)
            #expect(error?.field == "respondent.\(profile.name)")
        }
    }
}
