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
            let spec = try #require(profile.spec(q.profile))
            #expect(spec == q.profile.choiceField(profile.key))
            let choice = try #require(spec.choices.last)
            var draft = ResponseDraft(
                unit: "KEC", service: "KTP", date: "2025-01-02", answers: .byQuestion(Array(repeating: .value(3), count: 9)))
            profile.setDraftValue(&draft, choice.label.lowercased())
            let validated = try ResponseValidator.validate(draft, questionnaire: q, today: CivilDate(iso: "2025-06-01")!)
            #expect(profile.respondentValue(validated.content.respondent) == choice.code)
            #expect(validated.content.respondent.value(profile.key) == choice.code)
            for other in ProfileKey.fields where other.key != profile.key {
                #expect(other.respondentValue(validated.content.respondent) == nil)
            }
            profile.setDraftValue(&draft, "tidak ada")
            let error = skmError {
                _ = try ResponseValidator.validate(draft, questionnaire: q, today: CivilDate(iso: "2025-06-01")!)
            }
            #expect(error?.code == .invalidProfileValue)
            #expect(error?.field == "respondent.\(profile.name)")
        }
    }
}
