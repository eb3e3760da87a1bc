/// One paper form typed under a batch number (`BATCH/k`).
public struct BatchForm: Sendable, Equatable {
    /// The form's number k in the batch.
    public let number: Int
    /// The response id.
    public let id: Int64
    /// The survey date stored with it.
    public let date: CivilDate
    /// True when the form was voided later.
    public let voided: Bool

    /// A form as found in the batch; the values are taken as stored.
    public init(number: Int, id: Int64, date: CivilDate, voided: Bool) {
        self.number = number
        self.id = id
        self.date = date
        self.voided = voided
    }
}

/// A batch holds the forms of one survey date, so a second entry (`skm entry --verify`) always
/// compares the same paper stack and a name reused on another day never continues an old batch.
public enum BatchDateRule {
    /// Throws `batch_date_mismatch` when the batch already holds forms of a date other than `date`.
    public static func check(_ forms: [BatchForm], batch: String, date: CivilDate) throws(SKMError) {
        let other = forms.filter { $0.date != date }
        guard let first = other.first else { return }
        let dates = Set(other.map(\.date.iso)).sorted()
        throw SKMError(
            .batchDateMismatch,
            "Batch \(batch.clipped(40)) sudah berisi \(other.count) formulir bertanggal \(dates.joined(separator: ", ")); "
                + "satu batch hanya untuk satu tanggal survei (\(date.iso) diminta). Pakai nama batch baru, "
                + "mis. \(batch.clipped(30))-\(String(date.iso.filter { $0 != "-" })), "
                + "atau tanggal \(first.date.iso) bila melanjutkan batch itu (skm entry --date, atau t di layar entri).",
            field: "batch")
    }
}
