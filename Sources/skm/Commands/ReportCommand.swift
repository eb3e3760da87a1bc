import SKMCore
import SKMService

/// `skm report`: the annual report (Laporan Hasil SKM) as HTML, Markdown, CSV tables and the
/// infographic. Prints the paths written, one per line; notes go to standard error.
enum ReportCommand {
    static let spec = CommandSpec(
        ["report"], summary: "Membuat laporan tahunan hasil SKM (HTML, Markdown, CSV, infografis, Word).",
        options: [
            .value("year", "TAHUN", "tahun laporan (wajib), mis. 2025"),
            .value("unit", "KODE", "unit layanan (bawaan: semua unit)"),
            .value("format", "FORMAT", "html, md, csv, svg, docx atau all (bawaan: all; boleh beberapa, dipisah koma)"),
            .value("out", "FOLDER", "folder hasil (bawaan: laporan-TAHUN di samping basis data)"),
            .value("population", "N", "jumlah penerima layanan setahun, untuk memeriksa jumlah sampel minimal"),
            .value(
                "profile", "BERKAS", "profil kantor dan RTL (bawaan: skm-report.json di samping basis data atau di folder ini)"),
            .value("separator", ", atau ;", "pemisah CSV; dengan ; angka memakai koma desimal (Excel Indonesia)"),
            .value("questionnaire", "ID", "kuesioner, bila data tahun itu memakai lebih dari satu"),
            .flag("rekap", "laporan rekap banyak unit (lihat skm rekap): html, md, csv; docx bila diminta"),
            .value("parent", "KODE", "dengan --rekap: unit di bawah unit ini (bawaan: unit puncak)"),
            .value("method", "METODE", "dengan --rekap: pooled (bawaan) atau mean-of-units"),
        ],
        discussion: """
            Laporan mengikuti susunan yang lazim: BAB I Pendahuluan, BAB II Pengumpulan Data, BAB III
            Hasil, BAB IV Analisis dan Rencana Tindak Lanjut, BAB V Penutup, dan Lampiran. Angkanya
            sama dengan 'skm ikm --year TAHUN --by service,quarter'.
            Nama kantor, alamat, kepala kantor dan NIP, pelaksana, populasi dan RTL dibaca dari
            skm-report.json (format: lihat README). Bagian yang belum diisi ditandai [ … ] di laporan.
            HTML dapat dicetak ke PDF dari peramban (A4, setiap bab di halaman baru). Berkas .docx dapat
            disunting dan ditandatangani di Word atau LibreOffice Writer (judul bab memakai gaya Heading,
            sehingga daftar isi Word dapat diperbarui).
            Dengan --rekap: laporan rekap (sampul, metode, IKM dan mutu per unit, grafik peringkat,
            peta warna unsur, cakupan, tren lima tahun) ke folder rekap-TAHUN[-INDUK].
            """
    ) { args, ctx in
        try args.requirePositionals([])
        guard let year = try args.int("year") else {
            throw SKMError(.usage, "Sebutkan tahun laporan dengan --year, mis. --year 2025.")
        }
        let separator = try CSVSeparator.parse(args.value("separator"))
        if args.flag("rekap") {
            let instead = [
                "unit": "pakai --parent untuk memilih unit",
                "population": "populasi dicatat per unit dengan 'skm unit population KODE N'",
                "profile": "rekap tidak memakai profil kantor",
            ]
            for (option, hint) in instead.sorted(by: { $0.key < $1.key }) where args.value(option) != nil {
                throw SKMError(.usage, "--\(option) tidak berlaku untuk --rekap (\(hint)).", field: option)
            }
            let formats =
                args.list("format").isEmpty
                ? [.html, .markdown, .csv] : try ReportFormat.parse(args.list("format"), field: "format")
            let report = try ctx.service.generateRekapReport(
                RekapReportRequest(
                    rekap: RekapRequest(
                        year: year, parent: args.value("parent"), method: try RekapMethod.parse(args.value("method")),
                        questionnaire: args.value("questionnaire"), earlierYears: 4),
                    formats: formats, outputDirectory: args.value("out"), separator: separator))
            for file in report.files { ctx.console.line(file.path) }
            for note in report.notes { ctx.console.err("Catatan: \(note)") }
            return 0
        }
        for option in ["parent", "method"] where args.value(option) != nil {
            throw SKMError(.usage, "--\(option) hanya berlaku dengan --rekap.", field: option)
        }
        let request = ReportRequest(
            year: year, unit: args.value("unit"), formats: try ReportFormat.parse(args.list("format"), field: "format"),
            outputDirectory: args.value("out"), population: try args.int("population"),
            profile: args.value("profile").map { .file($0) } ?? .automatic, separator: separator,
            questionnaire: args.value("questionnaire"))
        let report = try ctx.service.generateReport(request)
        for file in report.files { ctx.console.line(file.path) }
        for note in report.notes { ctx.console.err("Catatan: \(note)") }
        return 0
    }
}
