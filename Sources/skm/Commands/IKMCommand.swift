import SKMCore
import SKMJSON
import SKMService

/// `skm ikm`: the IKM of any period, unit and service, as a table, JSON or CSV.
enum IKMCommand {
    static let spec = CommandSpec(
        ["ikm"], summary: "Menghitung IKM (NRR per unsur, indeks, IKM, mutu, kinerja).",
        options: Commands.filterOptions + [
            .value("weighting", "MODE", "exact (bawaan, 1/n), 0.111 atau 0.11 (meniru lembar kerja lama)"),
            .value("aggregation", "MODE", "pooled (bawaan) atau mean-of-services"),
            .value("by", "RINCIAN", "rincian: service, unit, quarter, semester, month, year (boleh beberapa, dipisah koma)"),
            .value("population", "N", "jumlah penerima layanan, untuk memeriksa jumlah sampel minimal"),
            .flag("json", "keluaran JSON"),
            .flag(
                "csv",
                "keluaran CSV (tabel unsur, atau tabel rincian bila ada --by; beberapa rincian: satu tabel, kolom pertama rincian)"
            ),
            .value("separator", ", atau ;", "pemisah CSV; dengan ; angka memakai koma desimal"),
            .value("xlsx", "BERKAS", "tulis juga buku kerja Excel berumus (lembar Data, Olah Data, Per Layanan, Per Triwulan)"),
            .flag("force", "timpa BERKAS --xlsx yang sudah ada"),
        ],
        discussion: """
            Rumus (PermenPANRB 14/2017): NRR unsur = jumlah nilai / jumlah yang menjawab (jawaban kosong
            tidak dihitung); indeks = Σ NRR × bobot; IKM = indeks × 25. Tidak ada pembulatan sebelum
            tampilan; IKM ditampilkan 2 desimal dan mutu dibaca dari nilai yang ditampilkan.
            pooled: semua responden digabung (bawaan). mean-of-services: rata-rata tak berbobot IKM
            tiap layanan — tidak diatur peraturan, diberi label jelas.
            Selang kepercayaan 95%: pendekatan normal (Wald) dengan galat baku dari sebaran skor
            rata-rata tiap responden; tepat bila tidak ada jawaban kosong, hampiran bila ada.
            --xlsx BERKAS: buku kerja tempat auditor melihat rumusnya (COUNT, SUM, NRR, × bobot, × 25,
            mutu) atas data yang sama, dengan nilai skm di samping setiap rumus; bobot mengikuti
            --weighting, dan dengan --aggregation mean-of-services rata-rata layanan ditambahkan.
            """
    ) { args, ctx in
        try args.requirePositionals([])
        let request = IKMRequest(
            filter: try FilterArguments.filter(args), weighting: try Weighting.parse(args.value("weighting")),
            aggregation: try Aggregation.parse(args.value("aggregation")), breakdowns: try Breakdown.parse(args.list("by")),
            population: try args.int("population"))
        if args.flag("json") && args.flag("csv") { throw SKMError(.usage, "Pilih salah satu: --json atau --csv.") }
        let report = try ctx.service.computeIKM(request)
        if let path = args.value("xlsx") {
            let count = try ctx.service.writeIKMWorkbook(
                request, to: path, replacing: args.flag("force") ? .userNamedFile : .nothing)
            ctx.console.err("Buku kerja \(path) ditulis (\(count) respons, rumus hidup di lembar Olah Data).")
        }
        if args.flag("json") {
            ctx.console.json(IKMJSON.report(report))
        } else if args.flag("csv") {
            ctx.console.out(IKMCSV.text(report, separator: try CSVSeparator.parse(args.value("separator"))))
        } else {
            ctx.console.out(IKMPrinter.text(report))
        }
        return 0
    }
}

/// `skm sample-size N`.
enum SampleSizeCommand {
    static let spec = CommandSpec(
        ["sample-size"], summary: "Jumlah responden minimal untuk sebuah populasi (Krejcie–Morgan).", arguments: "POPULASI",
        options: [.flag("json", "keluaran JSON")],
        discussion: "S = 3,841·N·0,25 / (0,0025·(N−1) + 3,841·0,25), dibulatkan ke bilangan bulat terdekat."
    ) { args, ctx in
        try args.requirePositionals(["POPULASI"])
        guard let population = Int(args.positionals[0].trimmingSpaces().replacingDots()) else {
            throw SKMError(.invalidPopulation, "Populasi harus bilangan bulat, diterima \"\(args.positionals[0].clipped(30))\".")
        }
        let minimum = try ctx.service.sampleSize(population: population)
        if args.flag("json") {
            ctx.console.json(IKMJSON.sampleSize(population: population, minimum: minimum))
        } else {
            let exact = IndonesianNumber.format(SampleSize.exact(population: population), decimals: 2)
            ctx.console.line(
                "Populasi \(IndonesianNumber.format(population)): minimal \(IndonesianNumber.format(minimum)) responden (Krejcie–Morgan; nilai rumus \(exact), dibulatkan ke terdekat)."
            )
        }
        return 0
    }
}

extension String {
    /// "12.500" (Indonesian thousands) → "12500".
    func replacingDots() -> String { String(filter { $0 != "." }) }
}
