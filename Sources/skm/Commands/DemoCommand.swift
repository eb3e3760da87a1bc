import SKMCore
import SKMService

/// `skm demo`: a fresh demo store with a realistic year, and its IKM summary.
enum DemoCommand {
    static let spec = CommandSpec(
        ["demo"], summary: "Membuat basis data contoh berisi satu tahun survei dan menampilkan IKM-nya.",
        options: [
            .value("dir", "FOLDER", "folder basis data contoh (bawaan: ./skm-demo)"),
            .flag("force", "ganti skm.sqlite di FOLDER walaupun bukan buatan skm demo"),
        ],
        discussion:
            "Data contoh dibuat ulang setiap kali (deterministik): Kantor Camat Tomoni Timur, tahun 2025, lima layanan.\nskm.sqlite yang sudah ada di FOLDER hanya diganti bila dibuat oleh skm demo sebelumnya (atau dengan --force)."
    ) { args, ctx in
        try args.requirePositionals([])
        let directory = args.value("dir") ?? "skm-demo"
        let (service, summary) = try SKMService.createDemo(directory: directory, replacingAny: args.flag("force"))
        ctx.console.line("Basis data contoh: \(summary.databasePath)")
        ctx.console.line(
            "Diisi \(IndonesianNumber.format(summary.responses)) respons tahun \(summary.year) untuk \(DemoData.unitName) (\(DemoData.services.count) layanan)."
        )
        ctx.console.line("")
        let report = try service.computeIKM(
            IKMRequest(
                filter: SurveyFilter(year: summary.year), breakdowns: [.service, .quarter],
                population: summary.population))
        ctx.console.out(IKMPrinter.text(report))
        ctx.console.line("")
        let evaluation = try service.evaluatePlan(id: DemoData.planID, year: summary.year)
        ctx.console.out(PerformancePrinter.evaluation(evaluation))
        ctx.console.line("")
        let written = try service.writeDemoReport(summary)
        ctx.console.line(
            "Laporan tahunan dan infografis (profil kantor contoh: \(ReportProfile.path(besideDatabase: summary.databasePath))):")
        for file in written.files where file.format != .csv { ctx.console.line("  \(file.path)") }
        ctx.console.line("  \(written.files.filter { $0.format == .csv }.count) tabel CSV di \(written.directory)/tabel-csv/")
        ctx.console.line("")
        ctx.console.line("Coba juga: skm ikm --db \(summary.databasePath) --year \(summary.year) --quarter 2 --json")
        ctx.console.line("           skm iku set \(DemoData.planID) IKU-2 \(summary.year) 74,2 --db \(summary.databasePath)")
        return 0
    }
}
