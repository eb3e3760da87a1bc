public import SKMCore

extension SKMService {
    /// Scores answers held elsewhere (a spreadsheet's own data) without touching the store.
    /// Each sheet is one respondent; errors name the respondent (`answers[3]…`).
    public func score(questionnaire id: String?, sheets: [AnswerSheet], weighting: Weighting) throws -> (IKMResult, Questionnaire)
    {
        let q = try catalog().questionnaire(id)
        var tally = Tally(unsurCount: q.unsur.count)
        for (index, sheet) in sheets.enumerated() {
            do {
                let answers = try AnswerValidator.validate(sheet, for: q)
                tally.add(answers: answers, weights: q.weights)
            } catch {
                var e = error
                e.field = e.field.map { "answers[\(index)]" + $0.dropFirst("answers".count) } ?? "answers[\(index)]"
                throw SKMError(e.code, "Responden ke-\(index + 1): \(e.message)", field: e.field, details: e.details)
            }
        }
        return (IKMScorer.score(tally, questionnaire: q, weighting: weighting), q)
    }

    /// Mutu and kinerja of an IKM value, as displayed (two decimals). Only a value the
    /// questionnaire can give is classified (25–100 for a 1–4 scale): anything else, a
    /// non-finite number included, is `invalid_number`.
    public func classify(ikm: Double, questionnaire id: String?) throws -> (Band, Questionnaire) {
        let q = try catalog().questionnaire(id)
        let lowest = q.lowestIKM
        let highest = q.highestIKM
        guard ikm.isFinite, ikm >= lowest - 1e-9, ikm <= highest + 1e-9, let band = q.bands.classify(ikm: ikm) else {
            throw SKMError(
                .invalidNumber,
                "Nilai IKM harus antara \(IndonesianNumber.format(lowest)) dan \(IndonesianNumber.format(highest)), diterima \(ikm.isFinite ? IndonesianNumber.format(ikm) : "bukan angka").",
                field: "ikm")
        }
        return (band, q)
    }

    /// The Krejcie–Morgan minimum sample for a population.
    public func sampleSize(population: Int) throws -> Int {
        guard let minimum = SampleSize.minimum(population: population) else {
            throw SKMError(
                .invalidPopulation, "Populasi harus bilangan bulat 1 atau lebih, diterima \(population).", field: "population")
        }
        return minimum
    }
}
