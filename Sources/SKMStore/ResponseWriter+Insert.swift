/// One row for `ResponseWriter.insert`: its id, its number columns, and where its text columns
/// are (`ResponseWriter.textColumnCount` ranges from `firstText` on).
struct RowNumbers {
    let id: Int64
    let unitID: Int64
    let serviceID: Int64
    let score: Double?
    let age: Int64?
    let importBatch: Int64?
    let importKey: Int64?
    /// Index of the row's first text range.
    let firstText: Int
}

extension ResponseWriter {
    /// How many text columns a row has (`textColumns`).
    static let textColumnCount = 15

    /// The one place rows reach the `responses` table: groups of `batchSize` as one multi-row
    /// INSERT, the rest one by one. Each row's text columns are `texts[firstText...]` in
    /// `textColumns` order, ranges into `arena` (-1..<-1 for NULL), bound without a copy
    /// (SQLITE_STATIC: the arena is unchanged until each statement has run).
    func insert(
        _ rows: [RowNumbers], texts: UnsafeBufferPointer<Range<Int>>, arena: UnsafeBufferPointer<UInt8>
    ) throws {
        var index = 0
        while index < rows.count {
            let group = rows.count - index >= Self.batchSize ? Self.batchSize : 1
            let statement = try store.statement(group == 1 ? Self.insertOne : Self.insertBatch)
            statement.clear()
            for member in 0..<group {
                let row = rows[index + member]
                let offset = Int32(member) * Self.columnCount
                statement.bind(int: row.id, at: offset + 1)
                statement.bind(int: row.unitID, at: offset + 3)
                statement.bind(int: row.serviceID, at: offset + 4)
                if let score = row.score { statement.bind(double: score, at: offset + 8) }
                if let age = row.age { statement.bind(int: age, at: offset + 12) }
                if let batch = row.importBatch { statement.bind(int: batch, at: offset + 16) }
                if let key = row.importKey { statement.bind(int: key, at: offset + 17) }
                for (position, column) in Self.textColumns.enumerated() {
                    let range = texts[row.firstText + position]
                    if range.lowerBound >= 0 { statement.bind(staticText: arena, range, at: offset + column) }
                }
            }
            try statement.execute()
            index += group
        }
    }
}
