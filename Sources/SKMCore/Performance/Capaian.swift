/// The achievement (capaian) of an indicator, as PermenPANRB 8/2021 and LKjIP practice compute it:
/// higher is better → realisasi / target × 100; lower is better → (2 − realisasi / target) × 100.
public enum Capaian {
    /// nil when the target is zero (a division the regulation does not define).
    public static func percent(realisasi: Double, target: Double, polarity: Indicator.Polarity) -> Double? {
        guard target != 0, realisasi.isFinite, target.isFinite else { return nil }
        switch polarity {
        case .higher: return realisasi / target * 100
        case .lower: return (2 - realisasi / target) * 100
        }
    }
}

/// Category bands for capaian, read as thresholds on the value shown (two decimals), so 90,5 %
/// is Tinggi and 91,00 % is Sangat Tinggi.
public struct CapaianBands: Sendable, Equatable {
    /// One threshold: a capaian shown at or above `minimum` earns `label`.
    public struct Band: Sendable, Equatable {
        /// Lowest capaian percentage (compared at two decimals) that earns this band.
        public let minimum: Double
        /// The category name, e.g. "Tinggi".
        public let label: String

        /// A band as a plan's `capaianBands` describes it.
        public init(minimum: Double, label: String) {
            self.minimum = minimum
            self.label = label
        }
    }

    /// Highest first; the last one is the floor.
    public let bands: [Band]
    /// The category of a capaian below every band's minimum.
    public let floorLabel: String

    /// Bands in any order; they are kept highest minimum first.
    public init(bands: [Band], floorLabel: String) {
        self.bands = bands.sorted { $0.minimum > $1.minimum }
        self.floorLabel = floorLabel
    }

    /// ≥ 91 Sangat Tinggi · ≥ 76 Tinggi · ≥ 66 Sedang · ≥ 51 Rendah · else Sangat Rendah.
    public static let standard = CapaianBands(
        bands: [
            Band(minimum: 91, label: "Sangat Tinggi"), Band(minimum: 76, label: "Tinggi"),
            Band(minimum: 66, label: "Sedang"), Band(minimum: 51, label: "Rendah"),
        ], floorLabel: "Sangat Rendah")

    /// The category of a capaian percentage, compared after rounding to two decimals as it is shown.
    public func category(of capaian: Double) -> String {
        let shown = DisplayRounding.round(capaian, decimals: 2)
        return bands.first { shown >= $0.minimum }?.label ?? floorLabel
    }

    /// Every label, best first (for summaries).
    public var labels: [String] { bands.map(\.label) + [floorLabel] }
}
