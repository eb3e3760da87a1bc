public import SKMCore

/// A realistic, deterministic year of survey data for a kecamatan office, for `skm demo`.
///
/// Volumes follow the working calendar (weekdays only, busier in January and July, quieter in
/// the Lebaran and year-end months); answers follow per-unsur distributions in which waktu
/// penyelesaian and sarana are the weakest and biaya (mostly free) the strongest, improving a
/// little through the year; pengaduan is often left blank by people who never complained.
public enum DemoData {
    /// The survey year the demo responses fall in; the holiday calendar below is this year's.
    public static let year = 2025
    /// The code of the demo's single unit.
    public static let unitCode = "KEC-TT"
    /// The demo unit's name, as reports print it.
    public static let unitName = "Kantor Camat Tomoni Timur"
    /// The IKU plan loaded with the demo (transcribed from the office's own document).
    public static let planID = "tomoni-timur-2021-2026"

    /// The number of service users in the year, for the sample-size check.
    public static let population = 9_400

    /// A demo service and how busy and how well liked it is.
    public struct Service: Sendable {
        /// The service code registered under `unitCode`.
        public let code: String
        /// The service's name, as reports print it.
        public let name: String
        /// Respondents per working day, on average.
        let perDay: Double
        /// Added to every answer's "goodness" (−0.3 … +0.3).
        let quality: Double
    }

    /// The unit's five services, each with its own volume and quality.
    public static let services: [Service] = [
        Service(code: "KTP-KK", name: "Pengantar KTP-el dan Kartu Keluarga", perDay: 3.2, quality: -0.10),
        Service(code: "SKET", name: "Surat Keterangan (domisili, tidak mampu, ahli waris)", perDay: 2.6, quality: 0.05),
        Service(code: "REKOM", name: "Rekomendasi dan Perizinan (IUMK, izin keramaian)", perDay: 1.1, quality: -0.20),
        Service(code: "LEGAL", name: "Legalisasi Dokumen", perDay: 1.4, quality: 0.15),
        Service(code: "PBB", name: "Pelayanan PBB-P2", perDay: 0.6, quality: 0.0),
    ]

    /// National holidays and collective leave (cuti bersama) of 2025: the office is closed.
    static let holidays: Set<String> = [
        "2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-03-28", "2025-03-31", "2025-04-01",
        "2025-04-02", "2025-04-03", "2025-04-04", "2025-04-07", "2025-04-18", "2025-05-01", "2025-05-12",
        "2025-05-13", "2025-05-29", "2025-05-30", "2025-06-06", "2025-06-09", "2025-06-27", "2025-08-18",
        "2025-09-05", "2025-12-25", "2025-12-26",
    ]

    static let monthFactor: [Double] = [1.3, 1.0, 0.8, 0.7, 1.0, 1.2, 1.3, 1.0, 0.9, 1.0, 1.0, 0.8]

    /// Per unsur (unsur order U1…U9): the weights of answers 1–4 before adjustments.
    static let answerWeights: [[Double]] = [
        [1, 8, 52, 39],  // U1 Persyaratan
        [2, 10, 55, 33],  // U2 Prosedur
        [4, 21, 55, 20],  // U3 Waktu penyelesaian (weakest)
        [1, 3, 20, 76],  // U4 Biaya (mostly free)
        [1, 9, 57, 33],  // U5 Produk
        [1, 7, 53, 39],  // U6 Kompetensi
        [1, 4, 45, 50],  // U7 Perilaku
        [3, 15, 56, 26],  // U8 Pengaduan
        [3, 18, 57, 22],  // U9 Sarana
    ]

    static let comments = [
        "Pelayanan cepat dan petugas ramah, terima kasih.",
        "Mohon ruang tunggu ditambah kursinya, sering penuh.",
        "Antrean pagi terlalu panjang; sebaiknya ada nomor antrean.",
        "Persyaratan sebaiknya ditempel di papan informasi.",
        "Petugas menjelaskan dengan sabar.",
        "Kotak pengaduan tidak terlihat, mohon diperjelas letaknya.",
        "Toilet perlu dibersihkan lebih sering.",
        "Proses surat keterangan selesai di hari yang sama, bagus.",
        "Tolong informasi biaya (gratis) diumumkan agar tidak ada pungutan.",
        "Parkir sempit saat hari pasar.",
    ]

    /// The drafts of the whole year, in date order.
    public static func drafts() -> [ResponseDraft] {
        var random = SeededRandom(seed: 20_250_101)
        var drafts: [ResponseDraft] = []
        guard let first = CivilDate(year: year, month: 1, day: 1) else { return [] }
        var date = first
        var serial = 0
        while date.year == year {
            if date.weekday != 0 && date.weekday != 6 && !holidays.contains(date.iso) {
                for service in services {
                    let expected = service.perDay * monthFactor[date.month - 1]
                    let count = poisson(expected, &random)
                    for _ in 0..<count {
                        serial += 1
                        drafts.append(draft(service: service, date: date, serial: serial, &random))
                    }
                }
            }
            date = date.adding(days: 1)
        }
        return drafts
    }

    static func poisson(_ mean: Double, _ random: inout SeededRandom) -> Int {
        var k = 0
        var p = 1.0
        let limit = (-mean).exponential
        repeat {
            k += 1
            p *= random.unit()
        } while p > limit
        return k - 1
    }

    static func draft(service: Service, date: CivilDate, serial: Int, _ random: inout SeededRandom) -> ResponseDraft {
        let trend = Double(date.month - 6) * 0.012
        var byUnsur: [RawInteger] = []
        for (u, weights) in answerWeights.enumerated() {
            let blankChance = u == 7 ? 0.06 : 0.004
            if random.unit() < blankChance {
                byUnsur.append(.blank)
                continue
            }
            let shift = service.quality * 0.5 + trend
            let adjusted = [
                weights[0] * (1 - shift), weights[1] * (1 - shift), weights[2], weights[3] * (1 + shift),
            ].map { max($0, 0.1) }
            byUnsur.append(.value(random.pick(adjusted) + 1))
        }
        // The paper form asks U9 before U8.
        let byQuestion = [0, 1, 2, 3, 4, 5, 6, 8, 7].map { byUnsur[$0] }
        let gender = ["L", "P"][random.pick([48, 52])]
        let education = ["TS", "SD", "SMP", "SMA", "D1-D3", "S1", "S2"][random.pick([2, 15, 18, 40, 8, 15, 2])]
        let occupation = ["PNS", "TNI", "POLRI", "SWASTA", "WIRAUSAHA", "LAINNYA"][random.pick([10, 1, 1, 20, 30, 38])]
        let age = 18 + Int((random.unit() + random.unit()) * 0.5 * 54)
        let time = random.unit() < 0.7 ? "08-12" : "13-17"
        let comment = random.unit() < 0.06 ? comments[random.pick(Array(repeating: 1, count: comments.count))] : nil
        return ResponseDraft(
            questionnaire: QuestionnaireCatalog.defaultID, unit: unitCode, service: service.code, date: date.iso,
            time: time, answers: .byQuestion(byQuestion), gender: gender, education: education,
            occupation: occupation, age: .value(age), comment: comment, clientID: "demo-\(year)-\(serial)")
    }
}

extension Double {
    fileprivate var exponential: Double {
        // e^x by repeated squaring of a Taylor series on a small argument (no Foundation in the demo's math).
        var reduced = self
        var squarings = 0
        while abs(reduced) > 0.5 {
            reduced /= 2
            squarings += 1
        }
        var term = 1.0
        var sum = 1.0
        for n in 1...20 {
            term *= reduced / Double(n)
            sum += term
        }
        for _ in 0..<squarings { sum *= sum }
        return sum
    }
}
