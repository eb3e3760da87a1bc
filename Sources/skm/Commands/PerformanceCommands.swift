import SKMCore
import SKMJSON
import SKMService

/// `iku check|load|list|show|set|evaluate` and `akip evaluate|show|classify`.
enum PerformanceCommands {
    static var all: [CommandSpec] { [check, load, list, show, set, evaluate, akipEvaluate, akipShow] }

    /// Who entered a value: `--by`, else $SKM_USER, else $USER.
    static func enteredBy(_ args: ParsedArguments, _ ctx: CommandContext) -> String? {
        args.value("by") ?? ctx.environment["SKM_USER"] ?? ctx.environment["USER"]
    }

    static func number(_ raw: String, _ what: String) throws -> Double {
        let normalized = raw.trimmingSpaces().replacingOccurrences(",", ".")
        guard let value = Double(normalized), value.isFinite else {
            throw SKMError(.invalidNumber, "\(what) harus angka (mis. 78,5), diterima \"\(raw.clipped(30))\".")
        }
        return value
    }

    static let check = CommandSpec(
        ["iku", "check"], summary: "Memeriksa berkas rencana IKU dan menjelaskan setiap masalah.", arguments: "BERKAS",
        options: [.flag("json", "keluaran JSON")]
    ) { args, ctx in
        try args.requirePositionals(["BERKAS"])
        let path = args.positionals[0]
        let outcome = ctx.service.checkPlan(text: try TextFile.read(path), fileName: path)
        if args.flag("json") {
            ctx.console.json(DefinitionCheckJSON.outcome(id: outcome.plan?.id, problems: outcome.problems))
        } else {
            for problem in outcome.problems { ctx.console.line(problem.description) }
            if let plan = outcome.plan {
                ctx.console.line(
                    "Rencana \(plan.id) sah: \(plan.indicators.count) indikator, \(plan.firstYear)–\(plan.lastYear).")
            } else {
                ctx.console.line("Rencana tidak sah: \(outcome.errors.count) kesalahan.")
            }
        }
        return outcome.plan == nil ? 1 : 0
    }

    static let load = CommandSpec(
        ["iku", "load"], summary: "Memuat (atau memperbarui) rencana IKU dari satu atau beberapa berkas JSON.",
        arguments: "BERKAS…",
        discussion: """
            Id rencana = nama berkas tanpa .json. Versi lama tetap tersimpan dalam riwayat. Dengan beberapa berkas,
            semuanya diperiksa dulu: bila satu tidak sah, tidak ada yang dimuat.
            """
    ) { args, ctx in
        try args.requirePositionals(["BERKAS"], orMore: true)
        for (plan, changed) in try ctx.service.loadPlans(paths: args.positionals) {
            ctx.console.line(
                changed
                    ? "Rencana \(plan.id) dimuat: \(plan.indicators.count) indikator, \(plan.firstYear)–\(plan.lastYear)."
                    : "Rencana \(plan.id) sudah dimuat dengan isi yang sama.")
        }
        return 0
    }

    static let list = CommandSpec(
        ["iku", "list"], summary: "Menampilkan rencana IKU yang dimuat.", options: [.flag("json", "keluaran JSON")]
    ) { args, ctx in
        try args.requirePositionals([])
        let plans = try ctx.service.plans()
        if args.flag("json") {
            ctx.console.json(.array(plans.map(PerformanceJSON.planSummary)))
            return 0
        }
        if plans.isEmpty {
            ctx.console.line("Belum ada rencana. Muat dengan: skm iku load BERKAS")
            return 0
        }
        var table = TextTable(["Id", "Organisasi", "Periode", "Indikator"], alignments: [.left, .left, .left, .right])
        for p in plans { table.add([p.id, p.organisation, "\(p.firstYear)–\(p.lastYear)", String(p.indicators.count)]) }
        ctx.console.out(table.rendered)
        return 0
    }

    static let show = CommandSpec(
        ["iku", "show"], summary: "Menampilkan isi rencana IKU dan riwayat realisasinya.", arguments: "RENCANA",
        options: [.flag("json", "definisi lengkap sebagai JSON")]
    ) { args, ctx in
        try args.requirePositionals(["RENCANA"])
        let plan = try ctx.service.plan(id: args.positionals[0])
        if args.flag("json") {
            ctx.console.json(plan.json)
        } else {
            ctx.console.out(PerformancePrinter.plan(plan, history: try ctx.service.realisasiHistory(plan: plan.id)))
        }
        return 0
    }

    static let set = CommandSpec(
        ["iku", "set"], summary: "Mencatat realisasi sebuah indikator untuk satu tahun.",
        arguments: "RENCANA INDIKATOR TAHUN [NILAI]",
        options: [
            .value("numerator", "N", "pembilang (indikator rasio)"),
            .value("denominator", "D", "penyebut (indikator rasio)"),
            .value("note", "TEKS", "catatan"),
            .value("by", "NAMA", "yang mencatat (bawaan: $SKM_USER atau $USER)"),
        ],
        discussion:
            "Koreksi dicatat sebagai nilai baru; nilai lama tetap dalam riwayat. Contoh:\n  skm iku set tomoni-timur-2021-2026 IKU-2 2025 74,2\n  skm iku set ciruas-2022 IKI-SEKCAM-2 2022 --numerator 45 --denominator 50"
    ) { args, ctx in
        try args.requirePositionals(["RENCANA", "INDIKATOR", "TAHUN"], orMore: true)
        guard args.positionals.count <= 4 else { throw SKMError(.usage, "Terlalu banyak argumen.") }
        guard let year = Int(args.positionals[2]) else { throw SKMError(.usage, "TAHUN harus angka, mis. 2025.") }
        let value = try args.positionals.count == 4 ? number(args.positionals[3], "Nilai") : nil
        let stored = try ctx.service.setRealisasi(
            plan: args.positionals[0], indicator: args.positionals[1], year: year, value: value,
            numerator: try args.value("numerator").map { try number($0, "Pembilang") },
            denominator: try args.value("denominator").map { try number($0, "Penyebut") }, note: args.value("note"),
            enteredBy: enteredBy(args, ctx))
        ctx.console.line(
            "Realisasi \(stored.indicator) tahun \(stored.year) dicatat: \(IndonesianNumber.format(stored.realisasi.value)).")
        return 0
    }

    static let evaluate = CommandSpec(
        ["iku", "evaluate"], summary: "Capaian indikator untuk satu tahun (gaya LKjIP).", arguments: "RENCANA",
        options: [
            .value("year", "TAHUN", "tahun yang dievaluasi (wajib)"), .flag("json", "keluaran JSON"),
            .flag("csv", "keluaran CSV"),
            .value("separator", ", atau ;", "pemisah CSV"),
        ],
        discussion:
            "Capaian = realisasi/target × 100 (makin tinggi makin baik) atau (2 − realisasi/target) × 100 (makin rendah makin baik).\nKategori: ≥ 91 Sangat Tinggi · ≥ 76 Tinggi · ≥ 66 Sedang · ≥ 51 Rendah · selain itu Sangat Rendah."
    ) { args, ctx in
        try args.requirePositionals(["RENCANA"])
        guard let year = try args.int("year") else { throw SKMError(.usage, "--year wajib diisi.") }
        let evaluation = try ctx.service.evaluatePlan(id: args.positionals[0], year: year)
        if args.flag("json") {
            ctx.console.json(PerformanceJSON.evaluation(evaluation))
        } else if args.flag("csv") {
            ctx.console.out(PerformancePrinter.csv(evaluation, separator: try CSVSeparator.parse(args.value("separator"))))
        } else {
            ctx.console.out(PerformancePrinter.evaluation(evaluation))
        }
        return 0
    }

    static let akipEvaluate = CommandSpec(
        ["akip", "evaluate"], summary: "Menilai evaluasi AKIP (PermenPANRB 88/2021) dari berkas JSON.", arguments: "BERKAS",
        options: [
            .value("year", "TAHUN", "tahun evaluasi; bila ada (di sini atau di berkas) hasilnya disimpan"),
            .flag("dry-run", "hanya menghitung, tidak menyimpan"),
            .value("by", "NAMA", "yang mencatat"), .flag("json", "keluaran JSON"),
        ],
        discussion:
            "Berkas: {\"year\": 2025, \"components\": {\"perencanaan\": {\"keberadaan\": [\"AA\",\"A\"], \"kualitas\": {\"percent\": 80}, \"pemanfaatan\": [\"B\"]}, …}}.\nNilai kriteria AA/A/BB/B/CC/C/D/E = 100/90/80/70/60/50/30/0 %. Skema lama: \"scheme\": \"lke-2015\"."
    ) { args, ctx in
        try args.requirePositionals(["BERKAS"])
        let json = try parseFile(args.positionals[0])
        let year = try args.int("year")
        let save = !args.flag("dry-run") && (year != nil || json["year"] != nil)
        let (result, stored) = try ctx.service.evaluateAKIP(json: json, year: year, save: save, enteredBy: enteredBy(args, ctx))
        if args.flag("json") {
            ctx.console.json(PerformanceJSON.akip(result, stored: stored))
        } else {
            ctx.console.out(PerformancePrinter.akip(result))
            if let stored { ctx.console.line("Disimpan sebagai evaluasi AKIP tahun \(stored.year).") }
        }
        return 0
    }

    static let akipShow = CommandSpec(
        ["akip", "show"], summary: "Menampilkan evaluasi AKIP yang tersimpan untuk satu tahun.",
        options: [.value("year", "TAHUN", "tahun (wajib)"), .flag("json", "keluaran JSON")]
    ) { args, ctx in
        try args.requirePositionals([])
        guard let year = try args.int("year") else { throw SKMError(.usage, "--year wajib diisi.") }
        let (result, stored) = try ctx.service.akip(year: year)
        if args.flag("json") {
            ctx.console.json(PerformanceJSON.akip(result, stored: stored))
        } else {
            ctx.console.out(PerformancePrinter.akip(result))
            ctx.console.line("Dicatat \(stored.enteredAt)\(stored.enteredBy.map { " oleh \($0)" } ?? "").")
        }
        return 0
    }

    static func parseFile(_ path: String) throws -> JSONValue {
        do {
            return try JSONParser().parse(try TextFile.read(path))
        } catch let error as JSONParseError {
            throw SKMError(.invalidEvaluation, "Berkas \(path) bukan JSON yang sah: \(error.indonesianMessage).")
        }
    }
}

extension String {
    func replacingOccurrences(_ target: Character, _ replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
