import SKMCore

/// The Indonesian text of the annual report, written once: HTML, Markdown and CSV are all
/// renderings of the document built here. Every sentence is built from `ReportData`; missing
/// office details become marked placeholders, missing numbers become "–" with the reason.
public enum ReportContent {
    public static func document(_ data: ReportData) -> ReportDocument {
        let context = ContentContext(data)
        var numbering = Numbering()
        let chapters = [
            IntroductionChapter.build(context, &numbering),
            MethodChapter.build(context, &numbering),
            ResultsChapter.build(context, &numbering),
            AnalysisChapter.build(context, &numbering),
            ClosingChapter.build(context, &numbering),
            AppendixChapter.build(context, &numbering),
        ]
        return ReportDocument(title: context.title, cover: cover(context), chapters: chapters)
    }

    static func cover(_ c: ContentContext) -> Cover {
        let d = c.data
        var notices: [[Inline]] = []
        if d.office.isMissing {
            notices.append([
                .strong("Profil kantor belum diisi. "),
                .text(
                    "Bagian bertanda [ … ] harus dilengkapi sebelum laporan diterbitkan: tulis nama kantor, alamat, kepala kantor dan NIP, pelaksana survei dan rencana tindak lanjut di berkas skm-report.json (lihat README), lalu buat ulang laporan."
                ),
            ])
        }
        if d.isEmpty {
            notices.append([
                .strong("Belum ada responden pada tahun \(d.year). "),
                .text(
                    "Laporan ini baru berupa kerangka: angka dan grafik akan terisi setelah data survei tahun \(d.year) dimasukkan."
                ),
            ])
        }
        var highlights: [(String, String)] = []
        if !d.isEmpty {
            highlights = [
                ("IKM", Words.ikm(d.overall.ikm)),
                ("Mutu", d.overall.band.map { "\($0.mutu) (\($0.kinerja))" } ?? "–"),
                ("Responden", Words.count(d.overall.respondents)),
            ]
        }
        if d.isCombined {
            notices.insert([.strong("Hasil gabungan. "), .text(c.combinedSentence)], at: 0)
        }
        let office: [Inline] =
            d.office.name.map { [.text($0.uppercased())] }
            ?? (d.isCombined ? [.text("GABUNGAN \(d.units.count) UNIT LAYANAN")] : [.placeholder(Placeholder.officeName)])
        return Cover(
            lines: ["LAPORAN HASIL", "SURVEI KEPUASAN MASYARAKAT", "TAHUN \(d.year)"],
            office: office,
            address: d.office.address.map { [.text($0)] } ?? [.placeholder(Placeholder.address)],
            logo: d.office.logo, notices: notices, highlights: highlights)
    }
}

/// What the office still has to write; shown in brackets and highlighted.
enum Placeholder {
    static let officeName = "Nama kantor belum diisi — lengkapi skm-report.json"
    static let address = "Alamat kantor belum diisi — lengkapi skm-report.json"
    static let head = "Nama kepala kantor belum diisi — lengkapi skm-report.json"
    static let nip = "NIP belum diisi — lengkapi skm-report.json"
    static let position = "Jabatan penanda tangan belum diisi"
    static let pelaksana = "Pelaksana survei belum diisi — lengkapi \"pelaksana\" di skm-report.json"
    static let population = "Jumlah penerima layanan (populasi) belum diisi — isi \"population\" di skm-report.json"
    static let program = "Program/kegiatan belum diisi — lengkapi \"rtl\" di skm-report.json"
    static let responsible = "Penanggung jawab belum diisi"
}

/// Table and figure numbers per chapter ("Tabel 3.2", "Gambar 3.1").
struct Numbering {
    var chapter = ""
    var tables = 0
    var figures = 0

    mutating func start(_ label: String) {
        chapter = label
        tables = 0
        figures = 0
    }

    mutating func table(_ caption: String) -> String {
        tables += 1
        return "Tabel \(chapter).\(tables) \(caption)"
    }

    mutating func figure(_ caption: String) -> String {
        figures += 1
        return "Gambar \(chapter).\(figures) \(caption)"
    }
}

/// The data plus the phrases every chapter uses.
struct ContentContext {
    let data: ReportData
    let title: String
    /// The office's name in running text, or a short placeholder.
    let office: [Inline]
    /// Unsur with an NRR, weakest first.
    let ranked: [UnsurResult]
    /// Unsur nobody answered.
    let unanswered: [UnsurResult]

    init(_ data: ReportData) {
        self.data = data
        let combined = "gabungan \(data.units.count) unit layanan"
        let name = data.office.name ?? (data.isCombined ? "Gabungan \(data.units.count) unit layanan" : data.scopeDescription)
        title =
            "Laporan Hasil Survei Kepuasan Masyarakat Tahun \(data.year) — \(name)\(data.isCombined && data.office.name != nil ? " (\(combined))" : "")"
        office = data.office.name.map { [.text($0)] } ?? (data.isCombined ? [.text(combined)] : [.placeholder("nama kantor")])
        ranked = data.overall.unsurByStrength
        unanswered = data.overall.unsur.filter { $0.nrr == nil }
    }

    var weakest: [UnsurResult] { Array(ranked.prefix(3)) }

    /// For a combined report: which units it pools and that its IKM is theirs together.
    var combinedSentence: String {
        let names = data.units.map { "\($0.name) (\($0.code))" }
        return
            "Laporan ini menyajikan hasil gabungan \(data.units.count) unit layanan: \(Words.list(names)). Semua angka, termasuk IKM, dihitung dari seluruh responden unit-unit tersebut bersama-sama; IKM masing-masing unit disajikan dalam laporannya sendiri."
    }

    /// The latest earlier year with an IKM, and this year's change from it in displayed values
    /// ("naik 1,20 poin", "turun …", "tidak berubah"); nil when there is nothing to compare.
    var changeFromPreviousYear: (year: Int, before: Double, now: Double, phrase: String)? {
        guard let last = data.years.last(where: { $0.year < data.year && $0.result.ikmDisplayed != nil }),
            let before = last.result.ikmDisplayed, let now = data.overall.ikmDisplayed
        else { return nil }
        let diff = now - before
        let phrase = diff > 0 ? "naik \(Words.ikm(diff)) poin" : (diff < 0 ? "turun \(Words.ikm(-diff)) poin" : "tidak berubah")
        return (last.year, before, now, phrase)
    }
    var strongest: UnsurResult? { ranked.last }

    /// "Kantor Camat Tomoni Timur tahun 2025" style subject for sentences.
    func officeAnd(_ rest: String) -> [Inline] { office + [.text(rest)] }

    /// The thresholds drawn on IKM and NRR charts.
    var thresholds: [ChartThreshold] { SVGCharts.thresholds(data.questionnaire.bands) }

    func color(_ band: Band?) -> String { Palette.color(of: band, in: data.questionnaire.bands) }

    /// What the bar colours of IKM and NRR charts mean: one entry per mutu, best first.
    var legend: [ChartLegendItem] {
        data.questionnaire.bands.bands.reversed().map { ChartLegendItem(color: color($0), label: "\($0.mutu) \($0.kinerja)") }
    }

    /// The IKM axis of charts: from 0 to the highest possible value (100 on the 2017 form).
    var axis: ClosedRange<Double> { Self.axis(data.questionnaire) }

    static func axis(_ q: Questionnaire) -> ClosedRange<Double> {
        let top = q.highestIKM
        return 0...(top.isFinite && top > 0 && top <= 10_000 ? top : 100)
    }

    /// A bar for an unsur's converted value (NRR × factor), as displayed.
    func bar(_ label: String, _ unsur: UnsurResult) -> ChartBar {
        ChartBar(
            label: label, value: unsur.converted.map { DisplayRounding.round($0, decimals: 2) },
            valueText: Words.ikm(unsur.converted), note: "tidak dijawab", color: color(unsur.band))
    }

    /// A bar for a group's IKM (a service, a quarter, a year).
    func bar(_ label: String, _ result: IKMResult) -> ChartBar {
        ChartBar(
            label: label, value: result.ikmDisplayed, valueText: Words.ikm(result.ikm),
            note: result.respondents == 0 ? "belum ada responden" : "tidak dapat dihitung", color: color(result.band))
    }
}

/// BAB I Pendahuluan: latar belakang, dasar hukum, maksud dan tujuan.
enum IntroductionChapter {
    static func build(_ c: ContentContext, _ n: inout Numbering) -> Chapter {
        n.start("1")
        let d = c.data
        var blocks: [Block] = [.heading("1.1 Latar Belakang", id: "latar-belakang")]
        blocks.append(
            .paragraph([
                .text(
                    "Pelayanan publik yang baik adalah hak setiap warga negara. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik mewajibkan penyelenggara pelayanan mengikutsertakan masyarakat dalam menilai kinerja pelayanannya. Salah satu caranya adalah Survei Kepuasan Masyarakat (SKM): masyarakat yang baru saja menerima layanan diminta menilai beberapa unsur pelayanan, dan jawabannya diolah menjadi Indeks Kepuasan Masyarakat (IKM)."
                )
            ]))
        blocks.append(
            .paragraph([
                .text(
                    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 14 Tahun 2017 mewajibkan setiap unit penyelenggara pelayanan publik melaksanakan SKM sekurang-kurangnya sekali setahun, mengumumkan hasilnya kepada masyarakat, dan menindaklanjutinya dengan rencana perbaikan."
                )
            ]))
        let names = d.services.map(\.label)
        if names.isEmpty {
            blocks.append(
                .paragraph(
                    c.officeAnd(
                        " belum mempunyai jenis layanan yang tercatat dalam survei. Laporan ini menyajikan hasil SKM tahun \(d.year) sejauh data yang tersedia."
                    )))
        } else {
            blocks.append(
                .paragraph(
                    c.office + [
                        .text(
                            " memberikan \(names.count) jenis layanan kepada masyarakat: \(Words.list(names)). Laporan ini menyajikan hasil SKM atas layanan tersebut selama tahun \(d.year), sebagai bahan evaluasi dan dasar perbaikan pelayanan pada tahun berikutnya."
                        )
                    ]))
        }
        if d.isCombined { blocks.append(.notice([.text(c.combinedSentence)])) }
        blocks.append(.heading("1.2 Dasar Hukum", id: "dasar-hukum"))
        var laws = [
            "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;",
            "Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;",
            "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik.",
        ]
        let regulation = d.questionnaire.regulation
        if !regulation.isEmpty && !regulation.contains("Nomor 14 Tahun 2017") {
            laws[2] = String(laws[2].dropLast()) + ";"
            laws.append("\(regulation) (dasar kuesioner yang dipakai).")
        }
        blocks.append(.bullets(laws.map { [.text($0)] }))
        blocks.append(.heading("1.3 Maksud dan Tujuan", id: "maksud-tujuan"))
        blocks.append(
            .paragraph(
                [.text("Survei ini dimaksudkan untuk mengetahui sejauh mana masyarakat puas terhadap pelayanan ")] + c.office
                    + [.text(", dan unsur pelayanan mana yang masih perlu diperbaiki. Tujuannya adalah:")]))
        blocks.append(
            .bullets([
                [.text("mengukur IKM tahun \(d.year) secara keseluruhan, per jenis layanan dan per triwulan;")],
                [.text("mengetahui unsur pelayanan yang paling lemah dan yang paling kuat;")],
                [.text("menyusun rencana tindak lanjut untuk unsur yang paling lemah;")],
                [.text("membandingkan hasilnya dengan tahun-tahun sebelumnya dan dengan target Indikator Kinerja Utama (IKU).")],
            ]))
        return Chapter(id: "bab-1", title: "BAB I PENDAHULUAN", blocks: blocks)
    }
}
