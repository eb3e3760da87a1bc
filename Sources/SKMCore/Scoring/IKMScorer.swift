/// Computes the IKM exactly as PermenPANRB 14/2017 prescribes.
///
/// NRR per unsur = sum / answered (blanks excluded, never counted as 0); indeks = Σ NRR × bobot;
/// IKM = indeks × 25. Nothing is rounded until display, and mutu is read from the displayed IKM.
///
/// The 95 % interval is a normal (Wald) approximation: the standard error comes from the spread of
/// each respondent's weighted mean answer (s = sd / √n), scaled to the IKM and centred on it. With
/// no blank answers this is exactly the standard error of the IKM; with blanks it approximates it.
/// It is clamped to the possible range and needs at least two respondents.
public enum IKMScorer {
    static let z95 = 1.959963984540054

    /// Scores a tally; the result explains itself when there is no IKM (no respondents, an unsur nobody answered).
    public static func score(
        _ tally: Tally, questionnaire: Questionnaire, weighting: Weighting = .exact
    ) -> IKMResult {
        let weights = weighting.weights(from: questionnaire.weights)
        let factor = questionnaire.conversionFactor
        var unsurResults: [UnsurResult] = []
        unsurResults.reserveCapacity(questionnaire.unsur.count)
        var indeks = 0.0
        var unanswered: [String] = []
        for (i, unsur) in questionnaire.unsur.enumerated() {
            let t = i < tally.unsur.count ? tally.unsur[i] : UnsurTally()
            let nrr: Double? = t.answered > 0 ? Double(t.sum) / Double(t.answered) : nil
            let weighted = nrr.map { $0 * weights[i] }
            if let weighted { indeks += weighted } else { unanswered.append(unsur.code) }
            let converted = nrr.map { $0 * factor }
            unsurResults.append(
                UnsurResult(
                    code: unsur.code, name: unsur.name, answered: t.answered, sum: t.sum, nrr: nrr,
                    weight: weights[i], weighted: weighted, converted: converted,
                    band: converted.flatMap { questionnaire.bands.classify(ikm: $0) },
                    standardDeviation: standardDeviation(t)))
        }
        let reason: IKMUnavailable?
        if tally.respondents == 0 {
            reason = .noRespondents
        } else if !unanswered.isEmpty {
            reason = .unansweredUnsur(unanswered)
        } else {
            reason = nil
        }
        guard reason == nil else {
            return IKMResult(
                questionnaireID: questionnaire.id, weighting: weighting, aggregation: .pooled,
                respondents: tally.respondents, unsur: unsurResults, indeks: nil, ikm: nil, band: nil,
                ci95: nil, unavailable: reason, ci95Unavailable: nil)
        }
        indeks = preciseIndeks(unsurResults, tally: tally, weights: weights) ?? indeks
        let ikm = indeks * factor
        let weightScale = weights.reduce(0, +) / max(questionnaire.weights.reduce(0, +), .leastNonzeroMagnitude)
        let (ci, ciReason) = interval(
            tally, ikm: ikm, scale: factor * weightScale,
            bounds: Double(questionnaire.scale.lowerBound)...Double(questionnaire.scale.upperBound))
        return IKMResult(
            questionnaireID: questionnaire.id, weighting: weighting, aggregation: .pooled,
            respondents: tally.respondents, unsur: unsurResults, indeks: indeks, ikm: ikm,
            band: questionnaire.bands.classify(ikm: ikm), ci95: ci, unavailable: nil,
            ci95Unavailable: ciReason)
    }

    /// With equal weights, Σ NRR × w is computed as (Σ NRR) / n, and with equal answer counts
    /// Σ NRR as (Σ sums) / answered: fewer roundings, so all-4 answers give exactly 100, not
    /// 100,00000000000003. Nil when the weights differ (the plain sum is then used).
    static func preciseIndeks(_ unsur: [UnsurResult], tally: Tally, weights: [Double]) -> Double? {
        guard let w = weights.first, weights.allSatisfy({ $0 == w }) else { return nil }
        let n = Double(weights.count)
        let answered = unsur.first?.answered ?? 0
        let nrrSum: Double
        if answered > 0 && unsur.allSatisfy({ $0.answered == answered }), let sum = AggregateBounds.sum(unsur.lazy.map(\.sum)) {
            nrrSum = Double(sum) / Double(answered)
        } else {
            nrrSum = unsur.reduce(0) { $0 + ($1.nrr ?? 0) }
        }
        return abs(w - 1 / n) < 1e-15 ? nrrSum / n : nrrSum * w
    }

    static func standardDeviation(_ t: UnsurTally) -> Double? {
        guard t.answered >= 2 else { return nil }
        let n = Double(t.answered)
        let mean = Double(t.sum) / n
        let variance = (Double(t.sumOfSquares) - n * mean * mean) / (n - 1)
        return variance > 0 ? variance.squareRoot() : 0
    }

    static func interval(
        _ tally: Tally, ikm: Double, scale: Double, bounds: ClosedRange<Double>
    ) -> (ConfidenceInterval?, IntervalUnavailable?) {
        guard tally.respondents >= 2 else {
            return (nil, .tooFewRespondents)
        }
        let n = Double(tally.respondents)
        let mean = tally.scoreSum / n
        let variance = max(0, (tally.scoreSumOfSquares - n * mean * mean) / (n - 1))
        let se = (variance / n).squareRoot() * scale
        let low = max(bounds.lowerBound * scale, ikm - z95 * se)
        let high = min(bounds.upperBound * scale, ikm + z95 * se)
        return (ConfidenceInterval(low: low, high: high, standardError: se), nil)
    }
}
