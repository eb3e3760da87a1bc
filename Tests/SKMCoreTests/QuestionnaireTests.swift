import SKMJSON
import Testing

@testable import SKMCore

@Suite struct QuestionnaireTests {
    @Test func theBuiltInDefinitionsDecodeWithoutProblems() {
        for file in ["permenpanrb-14-2017", "permenpanrb-16-2014", "kepmenpan-25-2004"] {
            let q = Fixtures.questionnaire(file)
            #expect(q.id == file)
            #expect(QuestionnaireDecoder.decode(q.json).problems.isEmpty, "\(file)")
        }
        #expect(Fixtures.q2014.status == "reconstructed")
        #expect(Fixtures.q2014.note?.contains("REKONSTRUKSI") == true)
    }

    @Test func the2017FormAsksSaranaBeforePengaduan() {
        let q = Fixtures.q2017
        #expect(q.unsur.map(\.code) == ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"])
        #expect(q.unsur[7].name.hasPrefix("Penanganan Pengaduan"))
        #expect(q.unsur[8].name == "Sarana dan Prasarana")
        #expect(q.questions[7].unsur == "U9")
        #expect(q.questions[8].unsur == "U8")
        #expect(q.questions[3].options == ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"])
    }

    @Test func questionOrderAnswersLandOnTheRightUnsur() throws {
        // Question 8 (sarana) answered 4, question 9 (pengaduan) answered 2.
        let sheet = AnswerSheet.byQuestion([1, 1, 1, 1, 1, 1, 1, 4, 2].map { .value($0) })
        let answers = try AnswerValidator.validate(sheet, for: Fixtures.q2017)
        #expect(answers[8] == 4)  // U9 Sarana
        #expect(answers[7] == 2)  // U8 Pengaduan
        let byUnsur = AnswerSheet.byUnsur((1...9).map { (code: "U\($0)", answer: .value($0 == 9 ? 4 : ($0 == 8 ? 2 : 1))) })
        #expect(try AnswerValidator.validate(byUnsur, for: Fixtures.q2017) == answers)
    }

    /// The 2017 definition as JSON, changed by `edit`, then decoded.
    func decodeEdited(_ edit: (inout JSONObject) -> Void) -> QuestionnaireDecoder.Outcome {
        guard case .object(var root) = Fixtures.q2017.json else { return QuestionnaireDecoder.decode(.null) }
        root["id"] = "kuesioner-uji"
        edit(&root)
        return QuestionnaireDecoder.decode(.object(root))
    }

    func unsurList(weights: [Double]) -> JSONValue {
        .array(
            Fixtures.q2017.unsur.enumerated().map { i, u in
                ["code": .string(u.code), "name": .string(u.name), "weight": .double(weights[i])]
            })
    }

    @Test func weightsMustSumToOne() {
        let outcome = decodeEdited { $0["unsur"] = unsurList(weights: Array(repeating: 0.111, count: 9)) }
        #expect(outcome.questionnaire == nil)
        #expect(outcome.errors.contains { $0.path == "unsur" && $0.message.contains("jumlah bobot harus 1") })
        let good = decodeEdited { $0["unsur"] = unsurList(weights: [0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]) }
        #expect(good.questionnaire?.weights.first == 0.2)
    }

    @Test func everyUnsurMustBeAskedExactlyOnce() {
        let outcome = decodeEdited { root in
            guard case .array(var questions) = root["questions"] ?? .null, case .object(var q9) = questions[8] else { return }
            q9["unsur"] = "U1"
            questions[8] = .object(q9)
            root["questions"] = .array(questions)
        }
        #expect(outcome.questionnaire == nil)
        #expect(outcome.errors.contains { $0.path == "questions[8].unsur" && $0.message.contains("sudah ditanyakan") })
        #expect(outcome.errors.contains { $0.message.contains("U8") && $0.message.contains("tidak pernah ditanyakan") })
    }

    @Test func optionCountMustMatchTheScale() {
        let outcome = decodeEdited { root in
            guard case .array(var questions) = root["questions"] ?? .null, case .object(var q1) = questions[0] else { return }
            q1["options"] = ["Tidak", "Ya"]
            questions[0] = .object(q1)
            root["questions"] = .array(questions)
        }
        #expect(outcome.errors.contains { $0.path == "questions[0].options" && $0.message.contains("ukuran skala (4)") })
    }

    @Test func everyProblemIsReportedAtOnce() {
        let outcome = QuestionnaireDecoder.decode(
            text:
                #"{"id": "Bad Id", "scale": {"min": 0, "max": 4}, "conversionFactor": "25", "bands": [], "unsur": [], "questions": [], "extra": 1}"#
        )
        let paths = Set(outcome.problems.map(\.path))
        #expect(outcome.questionnaire == nil)
        for path in ["id", "title", "regulation", "scale", "conversionFactor", "bands", "unsur", "extra"] {
            #expect(paths.contains(path), "\(path) missing from \(paths)")
        }
        #expect(outcome.problems.first { $0.path == "extra" }?.severity == .warning)
    }

    @Test func malformedJSONIsOneClearProblem() {
        let outcome = QuestionnaireDecoder.decode(text: "{\"id\": ")
        #expect(outcome.questionnaire == nil)
        #expect(outcome.problems.count == 1)
        #expect(outcome.problems[0].message.contains("terpotong"))
    }

    @Test func timeSlotsMatchCodesLabelsAndClockTimes() {
        let q = Fixtures.q2017
        #expect(q.timeSlot(matching: "08-12")?.code == "08-12")
        #expect(q.timeSlot(matching: "13.00–17.00")?.code == "13-17")
        #expect(q.timeSlot(matching: "09:30")?.code == "08-12")
        #expect(q.timeSlot(matching: "1445")?.code == "13-17")
        #expect(q.timeSlot(matching: "12:30") == nil)
        #expect(q.timeSlot(matching: "25:00") == nil)
    }
}
