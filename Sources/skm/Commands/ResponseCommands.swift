import SKMCore
import SKMJSON
import SKMService

/// `submit`, `import`, `export`, `void`, `response list|show`.
enum ResponseCommands {
    static let all: [CommandSpec] = [submit, importFile] + ImportBatchCommands.all + [export, void, list, show]

    static let submit = CommandSpec(
        ["submit"], summary: "Menyimpan satu respons kuesioner.",
        options: [
            .value("unit", "KODE", "unit layanan (wajib)"),
            .value("service", "KODE", "jenis layanan (wajib)"),
            .value("answers", "JAWABAN", "jawaban urut pertanyaan: 4,3,,4,… atau 434344343 (kosong: ,, atau -)"),
            .value("date", "TTTT-BB-HH", "tanggal survei (bawaan: hari ini)"),
            .value("time", "JAM", "jam survei: 08-12, 13-17, atau jam seperti 09:30"),
            .value("questionnaire", "ID", "kuesioner (bawaan: permenpanrb-14-2017)"),
            .value("gender", "L|P", "jenis kelamin"),
            .value("education", "KODE", "pendidikan: TS, SD, SMP, SMA, D1-D3, S1, S2, S3"),
            .value("occupation", "KODE", "pekerjaan: PNS, TNI, POLRI, SWASTA, WIRAUSAHA, LAINNYA"),
            .value("age", "TAHUN", "usia"),
            .value("comment", "TEKS", "saran/masukan responden"),
            .value("client-id", "ID", "id dari program pengirim; kiriman ulang dengan id sama tidak dihitung dua kali"),
            .flag("json", "keluaran JSON {id, duplicate}"),
        ],
        discussion: """
            Jawaban diketik sesuai urutan pertanyaan di formulir (pertanyaan 8 = sarana, 9 = pengaduan);
            skm memetakannya ke unsur. Jawaban kosong tidak dihitung (bukan 0). Contoh:
              skm submit --unit KEC-TT --service KTP-KK --answers 434344343 --gender P --age 34
            """
    ) { args, ctx in
        try args.requirePositionals([])
        let draft = ResponseDraft(
            questionnaire: args.value("questionnaire"), unit: args.value("unit"), service: args.value("service"),
            date: args.value("date"), time: args.value("time"),
            answers: args.value("answers").map { .byQuestion(AnswerText.parse($0)) },
            gender: args.value("gender"), education: args.value("education"), occupation: args.value("occupation"),
            age: args.value("age").map { RawInteger(text: $0) } ?? .blank, comment: args.value("comment"),
            clientID: args.value("client-id"))
        if draft.unit == nil { throw SKMError(.usage, "--unit wajib diisi.") }
        if draft.service == nil { throw SKMError(.usage, "--service wajib diisi.") }
        if draft.answers == nil { throw SKMError(.usage, "--answers wajib diisi.") }
        let result = try ctx.service.submit(draft)
        if args.flag("json") {
            ctx.console.json(.object(ResponseJSON.submitted(result)))
        } else if result.duplicate {
            ctx.console.line(
                "Sudah tersimpan sebelumnya sebagai respons #\(result.id) (client id sama, isi sama); tidak dihitung dua kali.")
        } else {
            ctx.console.line("Tersimpan: respons #\(result.id).")
        }
        return 0
    }

    static let importFile = CommandSpec(
        ["import"], summary: "Mengimpor respons dari berkas CSV, JSON Lines atau Excel (.xlsx), atau paket agregat.",
        arguments: "BERKAS",
        options: [
            .value("format", "csv|jsonl|xlsx", "format berkas (bawaan: dari nama berkas; - berarti masukan standar)"),
            .value("sheet", "NAMA", "lembar buku kerja .xlsx yang dibaca (bawaan: lembar pertama)"),
            .value("questionnaire", "ID", "kuesioner untuk baris tanpa kolom questionnaire"),
            .flag("skip-invalid", "simpan baris yang sah, laporkan yang tidak sah"),
            .flag("create-missing", "daftarkan unit/layanan yang belum ada (nama = kode)"),
            .flag("dry-run", "periksa semua baris saja, tidak menyimpan apa pun"),
            .flag("again", "impor lagi dengan sengaja isi yang sudah pernah diimpor (semua baris disimpan)"),
            .value("set", "SET", "berkas kunjungan: set survei (bawaan: dikenali dari kolom berprefiks, mis. zi)"),
            .flag("json", "laporan JSON"),
        ],
        discussion: """
            Kolom CSV: date (TTTT-BB-HH atau HH/BB/TTTT), unit, service, U1…U9 (jawaban per unsur; kosong =
            tidak dijawab), dan bila ada: time, gender, education, occupation, age, comment, clientId,
            questionnaire. Nama kolom Indonesia juga diterima: tanggal, layanan, jam, jenis_kelamin,
            pendidikan, pekerjaan, usia, saran, client_id — huruf besar/kecil, spasi atau _ bebas
            ("Jenis Kelamin"). Kolom No, Timestamp dan sejenisnya diabaikan; kolom identitas (Nama, NIK,
            HP/Telepon, Email, Alamat) diabaikan karena skm tidak menyimpan identitas responden.
            Pemisah , atau ; (Excel Indonesia), UTF-8 dengan atau tanpa BOM.
            JSON Lines: satu objek per baris, sama dengan parameter response.submit.
            Excel (.xlsx): lembar pertama atau --sheet NAMA; baris judul di atas kepala kolom dilewati; kolom
            dan pesan sama dengan CSV; tanggal Excel (sistem 1900 dan 1904) atau teks; jawaban 1–4 atau teks
            pilihan kuesioner ("Sangat sesuai"); ekspor Google Forms (kolom Timestamp, teks pertanyaan
            sebagai kepala kolom) juga diterima. Berkas .xls lama atau yang berkata sandi ditolak dengan
            petunjuk menyimpannya ulang sebagai .xlsx.
            Bawaan: semua atau tidak sama sekali — satu baris salah, tidak ada yang disimpan, dan setiap
            masalah setiap baris yang salah dilaporkan (baris, kolom, masalahnya).
            Setiap impor dicatat sebagai batch (skm import list). Isi berkas yang sama persis dengan batch
            sebelumnya ditolak (--again untuk sengaja mengimpornya lagi); baris yang sudah diimpor batch
            sebelumnya (berkas yang terus bertambah) dilewati dan dihitung.
            Berkas kunjungan (satu responden menjawab beberapa kuesioner, set zi = SKM + IPKP + IPAK):
            kolom bersama tanpa prefiks (tanggal, unit, layanan, profil, saran, clientId) dan jawaban tiap
            kuesioner berprefiks PREFIKS.UNSUR: skm.U1…skm.U9, ipkp.U1…ipkp.U9, ipak.U1…ipak.U5 (id kuesioner
            juga boleh menjadi prefiks). Setiap baris menjadi satu kunjungan; semua atau tidak sama sekali.
            Paket agregat (dari skm export --aggregates) dikenali dari isinya dan diimpor utuh: unit dan
            layanannya didaftarkan, angkanya ikut dihitung dalam setiap IKM; paket yang sama dua kali tidak
            mengubah apa pun, paket yang lebih baru untuk unit dan tahun yang sama menggantikan yang lama.
            """
    ) { args, ctx in
        try args.requirePositionals(["BERKAS"])
        if ctx.service.isAggregatePackage(path: args.positionals[0]) {
            return try PackageCommands.importPackage(args, ctx)
        }
        var options = ImportOptions(
            questionnaire: args.value("questionnaire"), skipInvalid: args.flag("skip-invalid"),
            createMissing: args.flag("create-missing"))
        options.dryRun = args.flag("dry-run")
        options.again = args.flag("again")
        options.format = try DataFormat.parse(args.value("format"))
        options.surveySet = args.value("set")
        options.sheet = args.value("sheet")
        let report = try ctx.service.importFile(path: args.positionals[0], options: options)
        if args.flag("json") {
            ctx.console.json(ImportJSON.report(report))
        } else {
            ImportPrinter.print(report, to: ctx.console)
        }
        if report.dryRun { return report.invalidRows == 0 ? 0 : 1 }
        return report.committed && (report.invalidRows == 0 || options.skipInvalid) ? 0 : 1
    }

    static let export = CommandSpec(
        ["export"], summary: "Mengekspor respons ke CSV, JSON Lines atau Excel (xlsx), atau paket agregat (--aggregates).",
        options: [
            .value("format", "csv|jsonl|xlsx", "format (bawaan: dari nama --out .xlsx/.jsonl, selain itu csv; xlsx perlu --out)"),
            .value("out", "BERKAS", "tulis ke berkas baru, hanya terbaca pemiliknya (bawaan: keluaran standar)"),
            .flag("force", "timpa BERKAS yang sudah ada"),
            .value("separator", ", atau ;", "pemisah CSV (; untuk Excel berbahasa Indonesia)"),
            .flag("include-voided", "sertakan respons yang dibatalkan"),
            .flag("aggregates", "tulis paket agregat (JSON) untuk kantor lain, bukan respons; perlu --year"),
        ] + Commands.filterOptions,
        discussion: """
            Sel teks yang diawali = + - @ (juga ＝ ＋ － ＠ lebar penuh) diberi tanda ' agar tidak dijalankan
            sebagai rumus di Excel; skm import membuang tanda itu lagi. Berkas --out dibuat dengan izin 0600
            (hanya pemilik) karena berisi jawaban warga.
            --format xlsx: buku kerja dengan lembar Data (satu baris per respons), Olah Data (jumlah
            menjawab, jumlah nilai, NRR, NRR × bobot, indeks, IKM dan mutu sebagai rumus hidup atas lembar
            Data, dengan nilai skm di sampingnya), Per Layanan dan Per Triwulan. Contoh:
              skm export --year 2025 --format xlsx --out olah-data-2025.xlsx
            Paket agregat: skm export --aggregates --year 2025 [--unit KODE] --out paket.json menulis jumlah
            per (kuesioner, hari, unit, layanan) — tanpa saran, tanpa data perorangan, profil responden hanya
            hitungan dengan aturan sel kecil (< 5 digabung) — untuk diimpor kantor lain dengan skm import.
            """
    ) { args, ctx in
        try args.requirePositionals([])
        if args.flag("aggregates") { return try PackageCommands.exportPackage(args, ctx) }
        var options = ExportOptions(filter: try FilterArguments.filter(args), includeVoided: args.flag("include-voided"))
        if let format = try DataFormat.parse(args.value("format")) {
            options.format = format
        } else if let path = args.value("out") {
            options.format = DataFormat.forExport(path: path)
        }
        options.separator = try CSVSeparator.parse(args.value("separator"))
        if options.format == .xlsx {
            guard let path = args.value("out") else { throw SKMError(.usage, "--format xlsx perlu --out BERKAS.xlsx.") }
            let count = try ctx.service.exportWorkbook(
                options, to: path, replacing: args.flag("force") ? .userNamedFile : .nothing)
            ctx.console.err("\(count) respons diekspor ke \(path) (dengan lembar Olah Data berumus).")
            return 0
        }
        if let path = args.value("out") {
            // Citizens' answers: owner-only, like the database; an existing file only with --force.
            let file = try OutputFile(
                path: path, visibility: .ownerOnly, replacing: args.flag("force") ? .userNamedFile : .nothing)
            let count = try ctx.service.export(options) { try file.write($0) }
            try file.close()
            ctx.console.err("\(count) respons diekspor ke \(path).")
        } else {
            let count = try ctx.service.export(options) {
                ctx.console.out($0)
                try ctx.console.checkOutput()
            }
            ctx.console.flush()
            try ctx.console.checkOutput()
            ctx.console.err("\(count) respons diekspor.")
        }
        return 0
    }

    static let void = CommandSpec(
        ["void"], summary: "Membatalkan respons yang salah (tetap tersimpan dengan alasannya).", arguments: "ID|DARI-SAMPAI…",
        options: [.value("reason", "TEKS", "alasan pembatalan (wajib)"), .flag("json", "keluaran JSON")],
        discussion: """
            Tidak ada yang dihapus: respons tetap ada di jejak audit dan tidak lagi dihitung dalam IKM.
            Beberapa ID dan rentang sekaligus, dalam satu transaksi (semua atau tidak sama sekali bila ada
            ID yang tidak ada):
              skm void 17 --reason "Formulir tercatat dua kali"
              skm void 421-840 17 19 --reason "Impor ganda"
            Respons yang sudah dibatalkan sebelumnya dibiarkan dan disebutkan.
            """
    ) { args, ctx in
        guard !args.positionals.isEmpty else { throw SKMError(.usage, "Kurang argumen: ID.") }
        let ids: ResponseIDRanges
        do throws(SKMError) {
            ids = try ResponseIDRanges(parsing: args.positionals)
        } catch {
            throw SKMError(.usage, error.message)
        }
        guard let reason = args.value("reason") else { throw SKMError(.usage, "--reason wajib diisi.") }
        if ids.ranges.count == 1, let only = ids.ranges.first, only.count == 1 {
            let voided = try ctx.service.void(id: only.lowerBound, reason: reason)
            if args.flag("json") {
                ctx.console.json(ResponseJSON.stored(voided, questionnaire: ctx.service.questionnaire(of: voided)))
            } else {
                ctx.console.line("Respons #\(voided.id) dibatalkan. Alasan: \(voided.voidReason ?? "").")
            }
            return 0
        }
        let outcome = try ctx.service.void(ids, reason: reason)
        if args.flag("json") {
            ctx.console.json(ImportBatchJSON.voidOutcome(outcome))
        } else {
            ImportBatchPrinter.printVoid(outcome, reason: reason, to: ctx.console)
        }
        return 0
    }

    static let list = CommandSpec(
        ["response", "list"], summary: "Menampilkan respons tersimpan.",
        options: [
            .value("limit", "N", "paling banyak N respons (bawaan 50, maks. 1000)"),
            .value("after", "ID", "mulai sesudah id ini"),
            .flag("active-only", "sembunyikan respons yang dibatalkan"),
            .flag("json", "keluaran JSON"),
        ] + Commands.filterOptions
    ) { args, ctx in
        try args.requirePositionals([])
        let filter = try FilterArguments.filter(args)
        let limit = try args.int("limit") ?? 50
        let rows = try ctx.service.responses(
            filter, includeVoided: !args.flag("active-only"), afterID: Int64(try args.int("after") ?? 0), limit: limit)
        // Stopped at the limit with more to show: say so, and how to see the rest.
        var more: String?
        if rows.count == limit, let last = rows.last,
            try !ctx.service.responses(filter, includeVoided: !args.flag("active-only"), afterID: last.id, limit: 1).isEmpty
        {
            more =
                "Berhenti di batas \(limit) respons; masih ada lagi. Lanjutkan dengan pilihan yang sama ditambah --after \(last.id)"
                + (limit < SKMService.maxListLimit ? ", atau naikkan --limit (paling banyak \(SKMService.maxListLimit))." : ".")
        }
        if args.flag("json") {
            ctx.console.json(.array(rows.map { ResponseJSON.stored($0, questionnaire: ctx.service.questionnaire(of: $0)) }))
            // The JSON stays one array; the note goes to standard error.
            if let more { ctx.console.err(more) }
            return 0
        }
        if rows.isEmpty {
            ctx.console.line("Tidak ada respons untuk pilihan ini.")
            return 0
        }
        var table = TextTable(
            ["ID", "Tanggal", "Unit", "Layanan", "Jawaban", "Status"], alignments: [.right, .left, .left, .left, .left, .left])
        for r in rows {
            let answers = answerText(r, questionnaire: ctx.service.questionnaire(of: r))
            table.add([
                String(r.id), r.content.date.iso, r.content.unitCode, r.content.serviceCode, answers,
                r.isVoided ? "dibatalkan" : "",
            ])
        }
        ctx.console.out(table.rendered)
        if let more { ctx.console.line(more) }
        return 0
    }

    static let show = CommandSpec(
        ["response", "show"], summary: "Menampilkan satu respons.", arguments: "ID", options: [.flag("json", "keluaran JSON")]
    ) { args, ctx in
        try args.requirePositionals(["ID"])
        guard let id = Int64(args.positionals[0].trimmingSpaces().trimmingPrefix("#")) else {
            throw SKMError(.usage, "ID respons harus angka, diterima \"\(args.positionals[0].clipped(30))\".")
        }
        let r = try ctx.service.response(id: id)
        if args.flag("json") {
            ctx.console.json(ResponseJSON.stored(r, questionnaire: ctx.service.questionnaire(of: r)))
        } else {
            ctx.console.out(ResponsePrinter.text(r, questionnaire: ctx.service.questionnaire(of: r)))
        }
        return 0
    }

    /// Answers in question order as typed on the form (`-` for blank).
    static func answerText(_ r: StoredResponse, questionnaire q: Questionnaire?) -> String {
        let a = r.content.answers
        let order = (q?.unsur.count == a.count) ? (q?.unsurIndexOfQuestion ?? Array(a.indices)) : Array(a.indices)
        return String(order.map { a[$0] == 0 ? "-" : Character(String(a[$0])) })
    }
}

extension String {
    func trimmingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
