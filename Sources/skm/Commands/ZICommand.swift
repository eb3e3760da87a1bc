import SKMCore
import SKMJSON
import SKMService

/// `skm zi`: the Zona Integritas surveys (IPKP and IPAK) of a year per quarter, semester and year,
/// as a table, JSON, CSV or a one-page printable HTML file.
enum ZICommand {
    static let spec = CommandSpec(
        ["zi"], summary: "Hasil survei Zona Integritas (IPKP dan IPAK) per triwulan, semester dan tahun.",
        options: [
            .value("year", "TAHUN", "tahun survei (wajib), mis. 2025"),
            .value("unit", "KODE[,KODE]", "unit layanan (bawaan: semua unit)"),
            .value("ipkp", "ID", "kuesioner IPKP (bawaan: ipkp-90-2021)"),
            .value("ipak", "ID", "kuesioner IPAK (bawaan: ipak-90-2021)"),
            .flag("json", "keluaran JSON"),
            .flag("csv", "keluaran CSV (satu baris per survei dan periode)"),
            .value("separator", ", atau ;", "pemisah CSV; dengan ; angka memakai koma desimal"),
            .value("html", "BERKAS", "tulis ringkasan satu halaman siap cetak (HTML) ke berkas baru"),
            .flag("force", "timpa BERKAS HTML yang sudah ada"),
        ],
        discussion: """
            Setiap survei dihitung terpisah dengan kuesionernya sendiri, sama dengan
            'skm ikm --year TAHUN --questionnaire ID --by quarter,semester': skala 1–4, nilai = indeks × 25,
            mutu menurut tabel SKM. Nilai LKE (0; 0,33; 0,67; 1) dibaca dari tabel mutu kuesioner.
            """
    ) { args, ctx in
        try args.requirePositionals([])
        guard let year = try args.int("year") else {
            throw SKMError(.usage, "Sebutkan tahun dengan --year, mis. --year 2025.")
        }
        let outputs = [args.flag("json"), args.flag("csv"), args.value("html") != nil].filter { $0 }.count
        if outputs > 1 { throw SKMError(.usage, "Pilih salah satu: --json, --csv atau --html.") }
        let summary = try ctx.service.zonaIntegritas(
            year: year, units: args.list("unit"), ipkp: args.value("ipkp") ?? ZISurveys.ipkp,
            ipak: args.value("ipak") ?? ZISurveys.ipak)
        if let path = args.value("html") {
            try ctx.service.writeZonaIntegritasPage(summary, to: path, replacing: args.flag("force"))
            ctx.console.line(path)
        } else if args.flag("json") {
            ctx.console.json(ZIJSON.summary(summary))
        } else if args.flag("csv") {
            ctx.console.out(ZIJSON.csv(summary, separator: try CSVSeparator.parse(args.value("separator"))))
        } else {
            ctx.console.out(text(summary))
        }
        return 0
    }

    static func text(_ summary: ZISummary) -> String {
        var out = "Survei Zona Integritas — \(summary.scopeDescription)\n"
        for survey in summary.surveys {
            out += "\n\(survey.questionnaire.title) [\(survey.questionnaire.id)]\n"
            var table = TextTable(
                ["", "Responden", "Indeks", "Nilai", "Mutu", "Kinerja", "LKE"],
                alignments: [.left, .right, .right, .right, .left, .left, .right])
            for g in survey.periods {
                let r = g.result
                table.add([
                    g.label, IndonesianNumber.format(r.respondents), r.indeks.map { IndonesianNumber.format($0) } ?? "–",
                    r.ikm.map { IndonesianNumber.format($0) } ?? "–", r.band?.mutu ?? "–",
                    r.band?.kinerja ?? (r.respondents == 0 ? "belum ada responden" : "tidak dapat dihitung"),
                    r.band?.lke.map { IndonesianNumber.format($0) } ?? "–",
                ])
            }
            out += table.rendered
        }
        return out
    }
}
