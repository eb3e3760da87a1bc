/// A stored realisasi of an indicator, with who entered it and when.
public struct StoredRealisasi: Sendable, Equatable {
    /// The row id; a later entry for the same indicator and year corrects an earlier one.
    public let id: Int64
    /// The plan's id.
    public let plan: String
    /// The indicator's code.
    public let indicator: String
    /// The year the value is for.
    public let year: Int
    /// The value (and, for a ratio, its numerator and denominator).
    public let realisasi: Realisasi
    /// A note entered with it; nil when none.
    public let note: String?
    /// When it was entered (ISO 8601 timestamp).
    public let enteredAt: String
    /// Who entered it, as they said; nil when not given.
    public let enteredBy: String?

    /// A realisasi as the store keeps it.
    public init(
        id: Int64, plan: String, indicator: String, year: Int, realisasi: Realisasi, note: String?, enteredAt: String,
        enteredBy: String?
    ) {
        self.id = id
        self.plan = plan
        self.indicator = indicator
        self.year = year
        self.realisasi = realisasi
        self.note = note
        self.enteredAt = enteredAt
        self.enteredBy = enteredBy
    }
}

/// A stored AKIP evaluation for a year.
public struct StoredAKIP: Sendable, Equatable {
    /// The row id; the latest evaluation of a year is the one that counts.
    public let id: Int64
    /// The evaluated year.
    public let year: Int
    /// The id of the scheme (component weights) it was scored with.
    public let scheme: String
    /// The evaluation as entered (JSON text).
    public let evaluation: String
    /// The total score (nilai), 0–100.
    public let total: Double
    /// The predikat read from the total (AA, A, BB…).
    public let predikat: String
    /// When it was entered (ISO 8601 timestamp).
    public let enteredAt: String
    /// Who entered it, as they said; nil when not given.
    public let enteredBy: String?

    /// An evaluation as the store keeps it.
    public init(
        id: Int64, year: Int, scheme: String, evaluation: String, total: Double, predikat: String, enteredAt: String,
        enteredBy: String?
    ) {
        self.id = id
        self.year = year
        self.scheme = scheme
        self.evaluation = evaluation
        self.total = total
        self.predikat = predikat
        self.enteredAt = enteredAt
        self.enteredBy = enteredBy
    }
}
