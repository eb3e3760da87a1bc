import Testing

@testable import SKMCore

@Suite struct ResponseValidatorTests {
    let q = Fixtures.q2017
    let today = CivilDate(year: 2026, month: 11, day: 22) ?? CivilDate(dayNumber: 0)

    func draft(_ answers: String = "434344343", _ change: (inout ResponseDraft) -> Void = { _ in }) -> ResponseDraft {
        var d = ResponseDraft(unit: "kec-tt", service: "ktp", date: "2025-03-14", answers: .byQuestion(AnswerText.parse(answers)))
        change(&d)
        return d
    }

    func error(_ d: ResponseDraft) -> SKMError? {
        do {
            _ = try ResponseValidator.validate(d, questionnaire: q, today: today)
            return nil
        } catch {
            return error
        }
    }

    @Test func aGoodResponseIsNormalised() throws {
        let v = try ResponseValidator.validate(
            draft {
                $0.gender = "laki-laki"
                $0.education = "SMK"
                $0.occupation = "wiraswasta"
                $0.age = .value(34)
                $0.time = "10:15"
                $0.comment = "  Bagus  "
            }, questionnaire: q, today: today)
        #expect(v.content.unitCode == "KEC-TT")
        #expect(v.content.serviceCode == "KTP")
        #expect(v.content.respondent == Respondent(gender: "L", education: "SMA", occupation: "WIRAUSAHA", age: 34))
        #expect(v.content.timeSlot == "08-12")
        #expect(v.content.comment == "Bagus")
        #expect(v.content.answers == [4, 3, 4, 3, 4, 4, 3, 3, 4])  // q8↔q9 swapped into unsur order
    }

    @Test(arguments: [
        ("034344343", ErrorCode.answerOutOfRange, "answers[0]", "0 bukan jawaban"),
        ("534344343", .answerOutOfRange, "answers[0]", "harus 1–4, diterima 5"),
        ("x34344343", .answerNotANumber, "answers[0]", "diterima \"x\""),
        ("43434434", .answerCount, "answers", "harus 9"),
        ("4343443434", .answerCount, "answers", "diterima 10"),
        ("---------", .noAnswers, "answers", "tanpa satu jawaban"),
        ("4,3,4,3,4,4,3,3,3.5", .answerNotANumber, "answers[8]", "pertanyaan 9 (U8"),
    ])
    func badAnswersAreExplained(answers: String, code: ErrorCode, field: String, fragment: String) {
        let e = error(draft(answers))
        #expect(e?.code == code)
        #expect(e?.field == field)
        #expect(e?.message.contains(fragment) == true, "\(e?.message ?? "no error")")
    }

    @Test func datesMustExistAndNotBeInTheFuture() {
        #expect(error(draft { $0.date = "2025-02-30" })?.code == .invalidDate)
        #expect(error(draft { $0.date = "14-03-2025" })?.code == .invalidDate)
        #expect(error(draft { $0.date = "2026-11-23" })?.code == .futureDate)
        #expect(error(draft { $0.date = "1999-12-31" })?.code == .invalidDate)
        #expect(error(draft { $0.date = "2026-11-22" }) == nil)
        #expect((try? ResponseValidator.validate(draft { $0.date = nil }, questionnaire: q, today: today))?.content.date == today)
    }

    @Test func profileValuesComeFromTheQuestionnaire() {
        let e = error(draft { $0.gender = "X" })
        #expect(e?.code == .invalidProfileValue)
        #expect(e?.field == "respondent.gender")
        #expect(e?.message.contains("L (Laki-laki), P (Perempuan)") == true)
        #expect(error(draft { $0.age = .value(12) })?.field == "respondent.age")
        #expect(error(draft { $0.age = .invalid("tiga puluh") })?.code == .invalidProfileValue)
        #expect(error(draft { $0.time = "19:00" })?.code == .invalidTime)
    }

    @Test func textFieldsAreBounded() {
        #expect(error(draft { $0.comment = String(repeating: "a", count: 2001) })?.code == .textTooLong)
        #expect(error(draft { $0.comment = "baris\nbaru boleh" }) == nil)
        #expect(error(draft { $0.comment = "bel\u{07}" })?.code == .invalidText)
        #expect(error(draft { $0.clientID = String(repeating: "k", count: 129) })?.code == .textTooLong)
        #expect(error(draft { $0.unit = "KEC TT" })?.code == .invalidCode)
        #expect(error(draft { $0.unit = nil })?.code == .missingField)
    }

    @Test func byUnsurAnswersMustNameEveryUnsurOnce() {
        let missing = AnswerSheet.byUnsur((1...8).map { (code: "U\($0)", answer: .value(3)) })
        #expect(error(draft { $0.answers = missing })?.code == .answersMissing)
        let unknown = AnswerSheet.byUnsur((1...10).map { (code: "U\($0)", answer: .value(3)) })
        #expect(error(draft { $0.answers = unknown })?.code == .unknownUnsur)
        let lower = AnswerSheet.byUnsur((1...9).map { (code: "u\($0)", answer: .value(3)) })
        #expect(error(draft { $0.answers = lower }) == nil)
    }
}

@Suite struct AnswerTextTests {
    @Test func readsTheWaysPeopleTypeAnswers() {
        #expect(AnswerText.parse("4,3,,4") == [.value(4), .value(3), .blank, .value(4)])
        #expect(AnswerText.parse("434") == [.value(4), .value(3), .value(4)])
        #expect(AnswerText.parse("4 3 4") == [.value(4), .value(3), .value(4)])
        #expect(AnswerText.parse("4-3_4") == [.value(4), .blank, .value(3), .blank, .value(4)])
        #expect(AnswerText.parse("4;3; ;2") == [.value(4), .value(3), .blank, .value(2)])
        #expect(AnswerText.parse("4,x") == [.value(4), .invalid("x")])
        #expect(AnswerText.parse("43a") == [.value(4), .value(3), .invalid("a")])
        #expect(AnswerText.parse("10 3") == [.value(10), .value(3)])
    }
}
