import DefaultQuestionnaires
import SKMCore

/// The built-in questionnaires, decoded as the product decodes them.
enum Fixtures {
    static func questionnaire(_ id: String) -> Questionnaire {
        guard let file = DefaultQuestionnaireFiles.all.first(where: { $0.name == id + ".json" }),
            let q = QuestionnaireDecoder.decode(bytes: file.bytes).questionnaire
        else {
            preconditionFailure("built-in questionnaire \(id) does not decode")
        }
        return q
    }

    static let q2017 = questionnaire("permenpanrb-14-2017")
    static let q2004 = questionnaire("kepmenpan-25-2004")
    static let q2014 = questionnaire("permenpanrb-16-2014")

    /// A tally where every one of `respondents` answered every unsur, with these per-unsur sums.
    static func tally(respondents: Int, sums: [Int]) -> Tally {
        Tally(respondents: respondents, unsur: sums.map { UnsurTally(answered: respondents, sum: $0, sumOfSquares: 0) })
    }

    /// The DOMAIN.md worked example: 29 respondents, per-unsur totals 105 … 115 (955 in all).
    static let laravelSums = [105, 101, 100, 116, 102, 105, 106, 105, 115]

    /// 29 real responses (answers 3 or 4) whose per-unsur totals are `laravelSums`.
    static var laravelResponses: [[UInt8]] {
        var responses = Array(repeating: [UInt8](repeating: 3, count: 9), count: 29)
        for (u, total) in laravelSums.enumerated() {
            for r in 0..<(total - 87) { responses[r][u] = 4 }
        }
        return responses
    }
}
