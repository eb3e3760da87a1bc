import SKMCore

extension Store {
    /// Keys per upsert statement: as many 64s as fit, then 16s, 4s and single rows, so four
    /// statements (built and prepared once, cached by text) serve every batch.
    static let aggregateChunks: [(rows: Int, sql: String)] = [64, 16, 4, 1].map { ($0, AggregateRows.upsert(rows: $0)) }

    /// Adds the deltas to the aggregate rows: one row per key, up to 64 keys per statement (a
    /// batch whose dates span a year touches hundreds of keys). Values are bound straight from
    /// one byte arena (texts and packed unsur, no copies); the statements are prepared once.
    /// A sum that overflows (only a corrupt row can make one) throws `aggregate_corrupt`.
    func applyAggregateDeltas(_ deltas: [AggregateKey: Tally]) throws {
        guard !deltas.isEmpty else { return }
        var arena: [UInt8] = []
        arena.reserveCapacity(deltas.count * 256)
        // Per key: the questionnaire, day and unsur ranges in the arena.
        var ranges: [(Range<Int>, Range<Int>, Range<Int>)] = []
        ranges.reserveCapacity(deltas.count)
        var tallies: [(key: AggregateKey, tally: Tally)] = []
        tallies.reserveCapacity(deltas.count)
        for (key, tally) in deltas {
            var questionnaire = key.questionnaire
            let start = arena.count
            questionnaire.withUTF8 { arena.append(contentsOf: $0) }
            let dayStart = arena.count
            var day = key.date.iso
            day.withUTF8 { arena.append(contentsOf: $0) }
            let unsurStart = arena.count
            UnsurBlob.append(tally.unsur, to: &arena)
            ranges.append((start..<dayStart, dayStart..<unsurStart, unsurStart..<arena.count))
            tallies.append((key, tally))
        }
        try arena.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < tallies.count {
                let left = tallies.count - index
                let chunk = Self.aggregateChunks.first { $0.rows <= left } ?? (1, AggregateRows.upsert(rows: 1))
                let rows = chunk.rows
                let statement = try statement(chunk.sql)
                statement.clear()
                for row in 0..<rows {
                    let (key, tally) = tallies[index + row]
                    let (questionnaire, day, unsur) = ranges[index + row]
                    let offset = Int32(row * 8)
                    statement.bind(staticText: bytes, questionnaire, at: offset + 1)
                    statement.bind(staticText: bytes, day, at: offset + 2)
                    statement.bind(int: key.unitID, at: offset + 3)
                    statement.bind(int: key.serviceID, at: offset + 4)
                    statement.bind(int: Int64(tally.respondents), at: offset + 5)
                    statement.bind(double: tally.scoreSum, at: offset + 6)
                    statement.bind(double: tally.scoreSumOfSquares, at: offset + 7)
                    statement.bind(staticBlob: bytes, unsur, at: offset + 8)
                }
                do {
                    try statement.execute()
                } catch let error as SKMError where error.message.contains(AggregateFunctions.overflowMarker) {
                    throw AggregateBounds.corrupt("jumlah melampaui batas bilangan atau baris agregat tidak terbaca")
                }
                index += rows
            }
        }
    }
}
