import SKMCore

/// A source row a merge writes here as it is, and where it goes.
struct CarriedRow {
    /// Its index in the `SourceRows` it came in.
    let index: Int
    /// Its day (read from the source's text, checked by the merge).
    let date: CivilDate
    let unitID: Int64
    let serviceID: Int64
    /// Its import batch here, if any.
    let importBatch: Int64?
}

extension ResponseWriter {
    /// Writes the chosen rows of one reader run now, from the run's own bytes (their texts are
    /// the source's, byte for byte: global id, times and void included). Their aggregates are
    /// added like any other response's: a voided row is stored, never counted.
    func insertCarried(_ chosen: [CarriedRow], from run: SourceRows) throws {
        guard !chosen.isEmpty else { return }
        numbers.removeAll(keepingCapacity: true)
        for carried in chosen {
            let row = run.rows[carried.index]
            if !row.voided {
                answers.removeAll(keepingCapacity: true)
                for byte in run.bytes(row, .answers) { answers.append(AnswerCoding.digit(byte)) }
                let key = AggregateKey(
                    questionnaire: row.questionnaire, date: carried.date, unitID: carried.unitID, serviceID: carried.serviceID)
                deltas[key, default: Tally(unsurCount: answers.count)].add(answers: answers, score: row.score)
            }
            numbers.append(
                RowNumbers(
                    id: nextID, unitID: carried.unitID, serviceID: carried.serviceID, score: row.score, age: row.age,
                    importBatch: carried.importBatch, importKey: row.importKey, firstText: row.firstText))
            nextID += 1
        }
        try run.texts.withUnsafeBufferPointer { texts in
            try run.arena.withUnsafeBufferPointer { bytes in try insert(numbers, texts: texts, arena: bytes) }
        }
    }
}
