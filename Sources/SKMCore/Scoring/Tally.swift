/// Counts and sums for one unsur: everything its NRR (and spread) needs.
public struct UnsurTally: Sendable, Equatable {
    /// Respondents who answered this unsur; blanks are not counted.
    public var answered: Int
    /// Sum of the answer values given.
    public var sum: Int
    /// Sum of the squared answer values, for the unsur's standard deviation.
    public var sumOfSquares: Int

    /// A tally from stored counts; all zero for an empty one.
    public init(answered: Int = 0, sum: Int = 0, sumOfSquares: Int = 0) {
        self.answered = answered
        self.sum = sum
        self.sumOfSquares = sumOfSquares
    }

    /// Counts added member by member (merging two sets of responses).
    public static func + (a: UnsurTally, b: UnsurTally) -> UnsurTally {
        UnsurTally(answered: a.answered + b.answered, sum: a.sum + b.sum, sumOfSquares: a.sumOfSquares + b.sumOfSquares)
    }

    /// Counts subtracted member by member (taking responses out of a set).
    public static func - (a: UnsurTally, b: UnsurTally) -> UnsurTally {
        UnsurTally(answered: a.answered - b.answered, sum: a.sum - b.sum, sumOfSquares: a.sumOfSquares - b.sumOfSquares)
    }
}

/// The sufficient statistics of a set of responses to one questionnaire.
///
/// An IKM is a function of per-unsur counts and sums, so a tally is all that is stored per day,
/// unit and service; any period's IKM is the sum of a few tallies, and tallies merge exactly.
/// `scoreSum` and `scoreSumOfSquares` (of each respondent's weighted mean answer) feed the
/// confidence interval only.
public struct Tally: Sendable, Equatable {
    /// Responses added, each once however many unsur it left blank; negative in a `negated` tally.
    public var respondents: Int
    /// One tally per unsur, in questionnaire order; grows when a response has more answers.
    public var unsur: [UnsurTally]
    /// Sum of each respondent's `RespondentScore` (respondents without one add nothing).
    public var scoreSum: Double
    /// Sum of the squared respondent scores.
    public var scoreSumOfSquares: Double

    /// An empty tally for a questionnaire of `unsurCount` unsur.
    public init(unsurCount: Int) {
        respondents = 0
        unsur = Array(repeating: UnsurTally(), count: unsurCount)
        scoreSum = 0
        scoreSumOfSquares = 0
    }

    /// A tally from stored sums, as the store reads them back.
    public init(respondents: Int, unsur: [UnsurTally], scoreSum: Double = 0, scoreSumOfSquares: Double = 0) {
        self.respondents = respondents
        self.unsur = unsur
        self.scoreSum = scoreSum
        self.scoreSumOfSquares = scoreSumOfSquares
    }

    /// Adds one response: answers in unsur order, 0 = blank.
    public mutating func add(answers: [UInt8], weights: [Double]) {
        add(answers: answers, score: RespondentScore.of(answers: answers, weights: weights))
    }

    /// Adds one response whose score was computed when it was validated (the store keeps it).
    public mutating func add(answers: [UInt8], score: Double?) {
        respondents += 1
        if unsur.count < answers.count {
            unsur.append(contentsOf: Array(repeating: UnsurTally(), count: answers.count - unsur.count))
        }
        for (i, a) in answers.enumerated() where a != 0 {
            let v = Int(a)
            unsur[i].answered += 1
            unsur[i].sum += v
            unsur[i].sumOfSquares += v * v
        }
        if let score {
            scoreSum += score
            scoreSumOfSquares += score * score
        }
    }

    /// The same tally with every count negated (what removing its responses subtracts).
    public var negated: Tally {
        Tally(
            respondents: -respondents, unsur: unsur.map { UnsurTally() - $0 }, scoreSum: -scoreSum,
            scoreSumOfSquares: -scoreSumOfSquares)
    }

    /// Adds another tally's counts, exactly as if its responses had been added here.
    public mutating func merge(_ other: Tally) {
        respondents += other.respondents
        if unsur.count < other.unsur.count {
            unsur.append(contentsOf: Array(repeating: UnsurTally(), count: other.unsur.count - unsur.count))
        }
        for (i, u) in other.unsur.enumerated() { unsur[i] = unsur[i] + u }
        scoreSum += other.scoreSum
        scoreSumOfSquares += other.scoreSumOfSquares
    }

    /// The tally of a set of responses, each an array of answers in unsur order (0 = blank).
    public static func of(_ responses: [[UInt8]], weights: [Double]) -> Tally {
        var tally = Tally(unsurCount: weights.count)
        for answers in responses { tally.add(answers: answers, weights: weights) }
        return tally
    }
}

/// One respondent's overall score: the weighted mean of the answers they gave (blanks left out).
///
/// Used only for the spread behind the confidence interval, never for the IKM itself.
public enum RespondentScore {
    /// The weighted mean of the non-blank answers (0 = blank) on the answer scale; nil when every answer is blank.
    public static func of(answers: [UInt8], weights: [Double]) -> Double? {
        var weighted = 0.0
        var weightSum = 0.0
        for (i, a) in answers.enumerated() where a != 0 && i < weights.count {
            weighted += weights[i] * Double(a)
            weightSum += weights[i]
        }
        return weightSum > 0 ? weighted / weightSum : nil
    }
}
