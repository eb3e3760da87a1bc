import SKMCore

/// Lampiran C. Catatan Metode: how the numbers were computed, so a reader can check them.
enum MethodNote {
    static func blocks(_ c: ContentContext, _ n: inout Numbering) -> [Block] {
        let d = c.data
        let q = d.questionnaire
        let r = d.overall
        var blocks: [Block] = [.heading("Lampiran C. Catatan Metode", id: "lampiran-metode")]
        blocks.append(
            .bullets([
                [.strong("Bobot: "), .text(r.appliedWeightingDescription + ".")],
                [
                    .strong("Gabungan layanan: "),
                    .text("IKM unit dihitung dari semua responden yang digabung (pooled), bukan rata-rata IKM tiap layanan."),
                ],
                [
                    .strong("Jawaban kosong: "),
                    .text("tidak dihitung sebagai nol; NRR dibagi dengan jumlah responden yang menjawab unsur tersebut."),
                ],
                [
                    .strong("Pembulatan: "),
                    .text(
                        "tidak ada pembulatan sebelum perkalian dengan \(IndonesianNumber.format(q.conversionFactor, decimals: 0)). IKM ditampilkan dengan dua desimal (pembulatan setengah menjauhi nol) dan mutu dibaca dari nilai yang ditampilkan\(roundingExample(q.bands))."
                    ),
                ],
            ]))
        let rows: [[Cell]] = q.bands.bands.reversed().enumerated().map { i, band in
            [
                .integer(q.bands.bands.count - i), .text(band.printedIndeks ?? "–"),
                .text(band.printedIKM ?? "≥ \(IndonesianNumber.format(band.minimum, decimals: 2))"),
                .number(band.minimum, decimals: 2), .text(band.mutu), .text(band.kinerja),
            ]
        }
        blocks.append(
            .table(
                ReportTable(
                    id: "tabel-mutu", caption: n.table("Nilai persepsi, interval, mutu dan kinerja unit pelayanan"),
                    columns: [
                        ("Nilai persepsi", .center), ("Nilai interval (indeks)", .left), ("Nilai interval konversi (IKM)", .left),
                        ("Ambang bawah IKM", .right), ("Mutu", .center), ("Kinerja unit pelayanan", .left),
                    ], rows: rows,
                    notes: [
                        [
                            .text(
                                "Interval yang tercetak dalam peraturan menyisakan celah antara batas atas satu mutu dan batas bawah mutu berikutnya; skm membaca batas bawah setiap interval sebagai ambang, sehingga setiap nilai mempunyai mutu."
                            )
                        ]
                    ])))
        var ci: [Inline] = [
            .strong("Selang kepercayaan 95 %: "),
            .text(
                "pendekatan normal (Wald). Galat baku dihitung dari sebaran skor rata-rata tertimbang tiap responden, dikalikan \(IndonesianNumber.format(q.conversionFactor, decimals: 0)), lalu IKM ± 1,96 × galat baku. Hasilnya tepat bila tidak ada jawaban kosong dan berupa hampiran bila ada; selang dibatasi pada rentang nilai yang mungkin dan memerlukan sedikitnya 2 responden. "
            ),
        ]
        if let interval = r.ci95 {
            ci.append(
                .text(
                    "Tahun \(d.year): galat baku \(Words.nrr(interval.standardError)); selang \(Words.ikm(interval.low)) – \(Words.ikm(interval.high))."
                ))
        } else {
            ci.append(.text("Tahun \(d.year): \(d.wording.intervalReason(r) ?? d.wording.reason(r) ?? "tidak dapat dihitung.")"))
        }
        blocks.append(.paragraph(ci))
        blocks.append(
            .paragraph([
                .strong("Jumlah sampel minimal (Krejcie dan Morgan): "),
                .text(
                    "S = λ²·N·P·Q / (d²·(N − 1) + λ²·P·Q), dengan N jumlah populasi, λ² = 3,841, P = Q = 0,5 dan d = 0,05, dibulatkan ke bilangan bulat terdekat (populasi 500 → 217). Rumus ini dirancang untuk menaksir proporsi; dipakai karena merupakan praktik yang lazim bersama peraturan, bukan jaminan statistik untuk IKM."
                ),
            ]))
        return blocks
    }

    /// ", sehingga nilai 88,305 ditampilkan 88,31 dan bermutu A" for the top band of the table.
    static func roundingExample(_ bands: BandTable) -> String {
        guard let top = bands.bands.last, bands.bands.count > 1 else { return "" }
        let below = IndonesianNumber.format(top.minimum - 0.005, decimals: 3)
        return
            ", sehingga nilai \(below) ditampilkan \(IndonesianNumber.format(top.minimum, decimals: 2)) dan bermutu \(top.mutu)"
    }
}
