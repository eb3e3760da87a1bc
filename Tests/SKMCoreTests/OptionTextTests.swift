import SKMCore
import Testing

/// Answers as the form's option words and headers as the questions' texts (form tools' exports).
@Suite struct OptionTextTests {
    let q = Fixtures.q2017

    @Test func optionWordsAreScaleValuesPerQuestion() {
        #expect(q.scaleValue(ofOption: "Sangat sesuai", question: 0) == 4)
        #expect(q.scaleValue(ofOption: "  SANGAT   Sesuai ", question: 0) == 4)
        #expect(q.scaleValue(ofOption: "tidak sesuai", question: 0) == 1)
        #expect(q.scaleValue(ofOption: "Gratis", question: 3) == 4)
        #expect(q.scaleValue(ofOption: "Sangat mahal", question: 3) == 1)
        // Question 8 is sarana (Baik = 3), question 9 pengaduan.
        #expect(q.scaleValue(ofOption: "Sangat Baik", question: 7) == 4)
        #expect(q.scaleValue(ofOption: "Dikelola dengan baik", question: 8) == 4)
        // Per question: a word from another question's options is no answer here.
        #expect(q.scaleValue(ofOption: "Sesuai", question: 1) == nil)
        #expect(q.scaleValue(ofOption: "Gratis", question: 0) == nil)
        #expect(q.scaleValue(ofOption: "", question: 0) == nil)
        #expect(q.scaleValue(ofOption: "Sesuai", question: 99) == nil)
        #expect(q.scaleValue(ofOption: "Sesuai", question: -1) == nil)
    }

    @Test func questionTextsNameTheirUnsur() throws {
        let eight = try #require(q.questions.first { $0.number == 8 })
        let nine = try #require(q.questions.first { $0.number == 9 })
        #expect(q.unsurOfQuestion(text: eight.text) == "U9")
        #expect(q.unsurOfQuestion(text: "  " + nine.text.uppercased() + " ") == "U8")
        #expect(q.unsurOfQuestion(text: String(nine.text.dropLast())) == "U8")  // without the final "?"
        #expect(q.unsurOfQuestion(text: "Timestamp") == nil)
        #expect(q.unsurOfQuestion(text: "") == nil)
    }
}
