/// How an AKIP evaluation is weighed: components, their sub-components and weights, and the
/// grade → percentage mapping. Data, not logic: the mapping is unverified against the gazette.
public struct AKIPScheme: Sendable, Equatable {
    /// One scored part of a component (keberadaan, kualitas, pemanfaatan; or "nilai" when unsplit).
    public struct SubComponent: Sendable, Equatable {
        /// Member name in the evaluation file, e.g. `kualitas`; unique within its component.
        public let key: String
        /// Display name in Bahasa Indonesia, used in problems and reports.
        public let name: String
        /// Points of the 100-point total.
        public let weight: Double
    }

    /// One evaluated component (Perencanaan, Pengukuran, Pelaporan, Evaluasi…) and its sub-components.
    public struct Component: Sendable, Equatable {
        /// Member name in the evaluation file's `components`, e.g. `perencanaan`; unique within the scheme.
        public let key: String
        /// Display name in Bahasa Indonesia, used in problems and reports.
        public let name: String
        /// The parts scored in this component, in scheme order; at least one.
        public let subComponents: [SubComponent]
        /// Points of the 100-point total: the sum of the sub-components' weights.
        public var weight: Double { subComponents.reduce(0) { $0 + $1.weight } }
    }

    /// Stable identifier chosen by an evaluation file's `scheme` member, e.g. `permenpanrb-88-2021`.
    public let id: String
    /// Heading printed on the evaluation result.
    public let title: String
    /// The components in evaluation order; their weights sum to 100.
    public let components: [Component]
    /// AA … E → percent of the criterion.
    public let grades: [(grade: String, percent: Double)]

    /// Equal when id, components and the grade mapping (in order) agree; written by hand because tuples are not Equatable.
    public static func == (a: AKIPScheme, b: AKIPScheme) -> Bool {
        a.id == b.id && a.components == b.components && a.grades.map(\.grade) == b.grades.map(\.grade)
            && a.grades.map(\.percent) == b.grades.map(\.percent)
    }

    /// The grade mapping tools use: AA 100 · A 90 · BB 80 · B 70 · CC 60 · C 50 · D 30 · E 0.
    public static let standardGrades: [(grade: String, percent: Double)] = [
        ("AA", 100), ("A", 90), ("BB", 80), ("B", 70), ("CC", 60), ("C", 50), ("D", 30), ("E", 0),
    ]

    static func splitComponent(_ key: String, _ name: String, _ keberadaan: Double, _ kualitas: Double, _ pemanfaatan: Double)
        -> Component
    {
        Component(
            key: key, name: name,
            subComponents: [
                SubComponent(key: "keberadaan", name: "Keberadaan", weight: keberadaan),
                SubComponent(key: "kualitas", name: "Kualitas", weight: kualitas),
                SubComponent(key: "pemanfaatan", name: "Pemanfaatan", weight: pemanfaatan),
            ])
    }

    /// PermenPANRB 88/2021: four components, each split 20/30/50 into keberadaan, kualitas and
    /// pemanfaatan (Perencanaan 30, Pengukuran 30, Pelaporan 15, Evaluasi Internal 25).
    public static let permenpanrb88of2021 = AKIPScheme(
        id: "permenpanrb-88-2021", title: "Evaluasi AKIP (PermenPANRB 88/2021)",
        components: [
            splitComponent("perencanaan", "Perencanaan Kinerja", 6, 9, 15),
            splitComponent("pengukuran", "Pengukuran Kinerja", 6, 9, 15),
            splitComponent("pelaporan", "Pelaporan Kinerja", 3, 4.5, 7.5),
            splitComponent("evaluasi", "Evaluasi Akuntabilitas Kinerja Internal", 5, 7.5, 12.5),
        ], grades: standardGrades)

    /// The earlier LKE (PermenPANRB 12/2015 era): five components without the 20/30/50 split
    /// (Perencanaan 30, Pengukuran 25, Pelaporan 15, Evaluasi Internal 10, Capaian 20).
    public static let lke2015 = AKIPScheme(
        id: "lke-2015", title: "Evaluasi AKIP (LKE era PermenPANRB 12/2015)",
        components: [
            ("perencanaan", "Perencanaan Kinerja", 30.0), ("pengukuran", "Pengukuran Kinerja", 25),
            ("pelaporan", "Pelaporan Kinerja", 15), ("evaluasi", "Evaluasi Internal", 10), ("capaian", "Capaian Kinerja", 20),
        ].map { Component(key: $0.0, name: $0.1, subComponents: [SubComponent(key: "nilai", name: "Nilai", weight: $0.2)]) },
        grades: standardGrades)

    /// Every built-in scheme, the first being the default when a file names none.
    public static let all = [permenpanrb88of2021, lke2015]

    /// The percentage a criterion grade earns (case and surrounding spaces ignored); nil for a grade the scheme does not know.
    public func percent(ofGrade grade: String) -> Double? {
        grades.first { $0.grade == grade.trimmingSpaces().uppercased() }?.percent
    }
}

/// The predikat of an AKIP total, PermenPANRB 88/2021. Lower bounds are exclusive: 90,00 is A,
/// 90,01 is AA; the total is read at two decimals, as it is published.
public struct AKIPPredikat: Sendable, Equatable {
    /// The grade: AA, A, BB, B, CC, C or D.
    public let predikat: String
    /// The grade's name, e.g. "Sangat Memuaskan".
    public let label: String
    /// The published one-sentence interpretation of the grade, in Bahasa Indonesia.
    public let interpretasi: String

    static let table: [(above: Double, predikat: String, label: String, interpretasi: String)] = [
        (
            90, "AA", "Sangat Memuaskan",
            "Akuntabilitas kinerja sangat memuaskan: manajemen kinerja berjalan efektif, berorientasi hasil, sampai ke tingkat individu."
        ),
        (
            80, "A", "Memuaskan",
            "Akuntabilitas kinerja memuaskan: informasi kinerja dimanfaatkan secara efektif di sebagian besar unit kerja."
        ),
        (
            70, "BB", "Sangat Baik",
            "Akuntabilitas kinerja sangat baik: sistem manajemen kinerja andal dan mulai dimanfaatkan untuk perbaikan."
        ),
        (
            60, "B", "Baik",
            "Akuntabilitas kinerja baik: sistem manajemen kinerja cukup andal, dengan perbaikan yang masih diperlukan."
        ),
        (
            50, "CC", "Cukup (Memadai)",
            "Akuntabilitas kinerja cukup: sistem manajemen kinerja memerlukan banyak perbaikan mendasar."
        ),
        (30, "C", "Kurang", "Akuntabilitas kinerja kurang: sistem dan tatanan manajemen kinerja belum dapat diandalkan."),
    ]

    /// nil for a value outside 0–100.
    public static func of(_ nilai: Double) -> AKIPPredikat? {
        guard nilai.isFinite, nilai >= 0, nilai <= 100 else { return nil }
        let shown = DisplayRounding.round(nilai, decimals: 2)
        if let row = table.first(where: { shown > $0.above }) {
            return AKIPPredikat(predikat: row.predikat, label: row.label, interpretasi: row.interpretasi)
        }
        return AKIPPredikat(
            predikat: "D", label: "Sangat Kurang",
            interpretasi:
                "Akuntabilitas kinerja sangat kurang: sistem dan tatanan manajemen kinerja sama sekali tidak dapat diandalkan.")
    }
}
