public import SKMCore

extension Store {
    /// Every form stored under `BATCH/k` (k a positive number), voided ones included, by number.
    public func batchForms(_ batch: String) throws -> [BatchForm] {
        // Client ids from "BATCH/" up to (not including) "BATCH0": '0' follows '/' in every
        // collation SQLite uses for text, so the range is exactly the ids starting with "BATCH/".
        let rows = try statement(
            "SELECT id, client_id, day, voided_at FROM responses WHERE client_id >= ? AND client_id < ? ORDER BY id"
        ).rows([.text(batch + "/"), .text(batch + "0")]) {
            (id: $0.int64(0), clientID: $0.text(1), day: $0.text(2), voided: $0.optionalText(3) != nil)
        }
        let prefix = batch + "/"
        return
            rows.compactMap { row in
                guard row.clientID.hasPrefix(prefix), let number = Int(row.clientID.dropFirst(prefix.count)), number > 0,
                    let date = CivilDate(iso: row.day)
                else { return nil }
                return BatchForm(number: number, id: row.id, date: date, voided: row.voided)
            }
            .sorted { $0.number < $1.number }
    }
}
