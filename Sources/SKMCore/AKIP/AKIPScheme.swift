/// How an AKIP evaluation is weighed: components, their sub-components and weights, and the
/// grade → percentage mapping. Data, not logic: the mapping is unverified against the gazette.
public struct AKIPScheme: Sendable, Equatable {
    public struct SubComponent: Sendable, Equatable {
        public let key: String
        public let name: String
        /// Points of the 100-point total.
        public let weight: Double
    }

    public struct Component: Sendable, Equatable {
        public let key: String
        public let name: String
        public let subComponents: [SubComponent]
        public var weight: Double { subComponents.reduce(0) { $0 + $1.weight } }
    }

    public let id: String
    public let title: String
    public let components: [Component]
    /// AA … E → percent of the criterion.
    public let grades: [(grade: String, percent: Double)]

    public static func == (a: AKIPScheme, b: AKIPScheme) -> Bool {
        a.id == b.id && a.components == b.components && a.grades.map(\.grade) == b.grades.map(\.grade)
            && a.grades.map(\.percent) == b.grades.map(\.percent)
    }

    /// The grade mapping tools use: AA 100 · A 90 · BB 80 · B 70 · CC 60 · C 50 · D 30 · E 0.
    public static let standardGrades: [(grade: String, percent: Double)] = [
        ("AA", 100), ("A", 90), ("BB", 80), ("B", 70), ("CC", 60), ("C", 50), ("D", 30), ("E", 0),
    ]

    static func splitComponent(_ key: String, _ name: String, _ keberadaan: Double, _ kualitas: Double, _ pemanfaatan: Double) -> Component {
        Component(key: key, name: name, subComponents: [
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

    public static let all = [permenpanrb88of2021, lke2015]

    public func percent(ofGrade grade: String) -> Double? {
        grades.first { $0.grade == grade.trimmingSpaces().uppercased() }?.percent
    }
}

/// The predikat of an AKIP total, PermenPANRB 88/2021. Lower bounds are exclusive: 90,00 is A,
/// 90,01 is AA; the total is read at two decimals, as it is published.
public struct AKIPPredikat: Sendable, Equatable {
    public let predikat: String
    public let label: String
    public let interpretasi: String

    static let table: [(above: Double, predikat: String, label: String, interpretasi: String)] = [
        (90, "AA", "Sangat Memuaskan", "Akuntabilitas kinerja sangat memuaskan: manajemen kinerja berjalan efektif, berorientasi hasil, sampai ke tingkat individu."),
        (80, "A", "Memuaskan", "Akuntabilitas kinerja memuaskan: informasi kinerja dimanfaatkan secara efektif di sebagian besar unit kerja."),
        (70, "BB", "Sangat Baik", "Akuntabilitas kinerja sangat baik: sistem manajemen kinerja andal dan mulai dimanfaatkan untuk perbaikan."),
        (60, "B", "Baik", "Akuntabilitas kinerja baik: sistem manajemen kinerja cukup andal, dengan perbaikan yang masih diperlukan."),
        (50, "CC", "Cukup (Memadai)", "Akuntabilitas kinerja cukup: sistem manajemen kinerja memerlukan banyak perbaikan mendasar."),
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
            interpretasi: "Akuntabilitas kinerja sangat kurang: sistem dan tatanan manajemen kinerja sama sekali tidak dapat diandalkan.")
    }
}
