/// The unweighted mean of several groups' IKMs (`--aggregation mean-of-services`).
///
/// The regulation does not prescribe this; some offices publish it, so skm offers it, labelled.
/// Groups without an IKM (no respondents) are left out and named by the caller. Per-unsur NRRs
/// are the mean of the groups' NRRs, so the indeks is still Σ NRR × bobot.
extension IKMScorer {
    /// The mean of the groups' IKM and indeks (groups without an IKM skipped); the 95 % interval is
    /// given only when every scored group has one. `respondents` counts every group.
    public static func meanOfGroups(_ groups: [IKMResult], questionnaire: Questionnaire) -> IKMResult {
        let scored = groups.filter { $0.ikm != nil }
        // The groups are parts of one checked tally, so their sums fit; saturate rather than trap.
        let respondents = AggregateBounds.sum(groups.map(\.respondents)) ?? Int.max
        let weighting = groups.first?.weighting ?? .exact
        let weights = weighting.weights(from: questionnaire.weights)
        var unsurResults: [UnsurResult] = []
        for (i, unsur) in questionnaire.unsur.enumerated() {
            let answered = AggregateBounds.sum(groups.map { $0.unsur.count > i ? $0.unsur[i].answered : 0 }) ?? Int.max
            let sum = AggregateBounds.sum(groups.map { $0.unsur.count > i ? $0.unsur[i].sum : 0 }) ?? Int.max
            let nrrs = scored.compactMap { $0.unsur.count > i ? $0.unsur[i].nrr : nil }
            let nrr: Double? = nrrs.isEmpty ? nil : nrrs.reduce(0, +) / Double(nrrs.count)
            let converted = nrr.map { $0 * questionnaire.conversionFactor }
            unsurResults.append(
                UnsurResult(
                    code: unsur.code, name: unsur.name, answered: answered, sum: sum, nrr: nrr,
                    weight: weights[i], weighted: nrr.map { $0 * weights[i] }, converted: converted,
                    band: converted.flatMap { questionnaire.bands.classify(ikm: $0) }, standardDeviation: nil))
        }
        guard !scored.isEmpty else {
            return IKMResult(
                questionnaireID: questionnaire.id, weighting: weighting, aggregation: .meanOfServices,
                respondents: respondents, unsur: unsurResults, indeks: nil, ikm: nil, band: nil, ci95: nil,
                unavailable: groups.first?.unavailable ?? .noRespondents, ci95Unavailable: nil)
        }
        let k = Double(scored.count)
        let ikm = scored.reduce(0) { $0 + ($1.ikm ?? 0) } / k
        let indeks = scored.reduce(0) { $0 + ($1.indeks ?? 0) } / k
        var ci: ConfidenceInterval?
        var ciReason: IntervalUnavailable?
        let errors = scored.compactMap { $0.ci95?.standardError }
        if errors.count == scored.count {
            let se = errors.reduce(0) { $0 + $1 * $1 }.squareRoot() / k
            let span = questionnaire.conversionFactor * weights.reduce(0, +)
            let lowest = Double(questionnaire.scale.lowerBound) * span
            let highest = Double(questionnaire.scale.upperBound) * span
            ci = ConfidenceInterval(
                low: max(lowest, ikm - z95 * se), high: min(highest, ikm + z95 * se), standardError: se)
        } else {
            ciReason = .tooFewRespondentsInAService
        }
        return IKMResult(
            questionnaireID: questionnaire.id, weighting: weighting, aggregation: .meanOfServices,
            respondents: respondents, unsur: unsurResults, indeks: indeks, ikm: ikm,
            band: questionnaire.bands.classify(ikm: ikm), ci95: ci, unavailable: nil,
            ci95Unavailable: ciReason)
    }
}
