/// One row of a regulation's classification table: a mutu letter and its kinerja label.
public struct Band: Sendable, Equatable {
    /// The fields live in one shared, immutable object: a band is copied into every unsur
    /// result, and copying one reference is far cheaper than copying four strings.
    private final class Fields: Sendable {
        let mutu: String
        let kinerja: String
        let minimum: Double
        let printedIndeks: String?
        let printedIKM: String?
        let lke: Double?

        init(mutu: String, kinerja: String, minimum: Double, printedIndeks: String?, printedIKM: String?, lke: Double?) {
            self.mutu = mutu
            self.kinerja = kinerja
            self.minimum = minimum
            self.printedIndeks = printedIndeks
            self.printedIKM = printedIKM
            self.lke = lke
        }
    }

    private let fields: Fields

    /// The mutu letter (A, B, C, D in 2017), unique within a table.
    public var mutu: String { fields.mutu }
    /// The kinerja label printed beside the letter, e.g. "Sangat Baik".
    public var kinerja: String { fields.kinerja }
    /// The lowest converted (IKM, 25–100) value in this band; read as a threshold.
    public var minimum: Double { fields.minimum }
    /// The indeks interval as the regulation prints it ("3,0644 – 3,532"), for reports; nil when not given.
    public var printedIndeks: String? { fields.printedIndeks }
    /// The IKM interval as the regulation prints it ("88,31 – 100,00"), for reports; nil when not given.
    public var printedIKM: String? { fields.printedIKM }
    /// The value an evaluation sheet gives this band (the Zona Integritas LKE maps 1–4 to 0/0,33/0,67/1);
    /// nil when the questionnaire file gives none.
    public var lke: Double? { fields.lke }

    /// A band as a questionnaire file describes it; the printed intervals are for display only and never classify.
    public init(
        mutu: String, kinerja: String, minimum: Double, printedIndeks: String? = nil, printedIKM: String? = nil,
        lke: Double? = nil
    ) {
        fields = Fields(
            mutu: mutu, kinerja: kinerja, minimum: minimum, printedIndeks: printedIndeks, printedIKM: printedIKM, lke: lke)
    }

    /// True when both are copies of one band (so equal): a test cheaper than `==`, which
    /// compares strings.
    public func isCopy(of other: Band) -> Bool { fields === other.fields }

    /// Equal when every field is equal (as before the fields were shared).
    public static func == (a: Band, b: Band) -> Bool {
        a.fields === b.fields
            || (a.mutu == b.mutu && a.kinerja == b.kinerja && a.minimum == b.minimum
                && a.printedIndeks == b.printedIndeks && a.printedIKM == b.printedIKM && a.lke == b.lke)
    }
}

/// A classification table read as thresholds, lowest band first.
///
/// The regulation prints closed intervals with gaps (64,99 then 65,00; 76,60 then 76,61); reading
/// each lower bound as a threshold gives every value a band, and the value classified is the one
/// displayed (two decimals), so a report never shows 88,31 next to "B".
public struct BandTable: Sendable, Equatable {
    /// Sorted by `minimum`, ascending.
    public let bands: [Band]

    /// A table from bands in any order; they are kept sorted by `minimum`.
    public init(_ bands: [Band]) {
        self.bands = bands.sorted { $0.minimum < $1.minimum }
    }

    /// The band of an IKM value as displayed. Values under the lowest threshold (possible only with
    /// rounded weights, e.g. 24,75) fall in the lowest band.
    public func classify(displayed value: Double) -> Band? {
        guard value.isFinite else { return nil }
        return bands.last { value >= $0.minimum } ?? bands.first
    }

    /// The band of a full-precision IKM value, read from its two-decimal display.
    public func classify(ikm value: Double) -> Band? {
        classify(displayed: DisplayRounding.round(value, decimals: 2))
    }
}
