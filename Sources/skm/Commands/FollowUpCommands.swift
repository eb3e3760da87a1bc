import SKMCore
import SKMJSON
import SKMService

/// `rtl add|done|correct|list|show|summary|import` and `publish add|list|void`: the follow-up
/// register PEKPPP asks for (issue 16).
enum FollowUpCommands {
    static var all: [CommandSpec] {
        [add, done, correct, list, show, summary, importProfile, publishAdd, publishList, publishVoid]
    }

    static func required(_ args: ParsedArguments, _ name: String, _ what: String) throws -> String {
        guard let value = args.value(name) else { throw SKMError(.usage, "--\(name) wajib diisi (\(what)).", field: name) }
        return value
    }

    static func requiredYear(_ args: ParsedArguments) throws -> Int {
        guard let year = try args.int("year") else { throw SKMError(.usage, "--year wajib diisi (tahun survei).", field: "year") }
        return year
    }

    static func number(_ args: ParsedArguments) throws -> Int {
        try args.requirePositionals(["N"])
        guard let n = Int(args.positionals[0].trimmingSpaces()), n > 0 else {
            throw SKMError(
                .usage, "N harus nomor RTL (bilangan bulat 1 atau lebih), diterima \"\(args.positionals[0].clipped(20))\".")
        }
        return n
    }

    static let add = CommandSpec(
        ["rtl", "add"], summary: "Mencatat rencana tindak lanjut (RTL) hasil survei satu tahun.",
        options: [
            .value("year", "TAHUN", "tahun survei yang ditindaklanjuti (wajib)"),
            .value("unsur", "KODE", "unsur yang diperbaiki, mis. U3 (wajib)"),
            .value("program", "TEKS", "program/kegiatan (wajib)"),
            .value("pj", "TEKS", "penanggung jawab (wajib)"),
            .value("target", "TTTT-BB-HH", "tanggal target selesai (wajib)"),
            .value("date", "TTTT-BB-HH", "tanggal RTL ditetapkan (bawaan: hari ini)"),
            .value("unit", "KODE", "unit layanan"), .value("service", "KODE", "jenis layanan"),
            .value("questionnaire", "ID", "kuesioner (hanya bila tahun itu memakai beberapa)"),
            .flag("json", "keluaran JSON"),
        ],
        discussion: """
            Unsur harus ada di kuesioner yang dipakai tahun itu. Contoh:
              skm rtl add --year 2025 --unsur U3 --program "Pelatihan petugas loket" --pj "Sekretaris Camat" --target 2026-06-30
            """
    ) { args, ctx in
        try args.requirePositionals([])
        var request = RTLAddRequest(
            year: try requiredYear(args), unsur: try required(args, "unsur", "kode unsur"),
            program: try required(args, "program", "program/kegiatan"),
            penanggungJawab: try required(args, "pj", "penanggung jawab"),
            target: try required(args, "target", "tanggal target"))
        request.plannedOn = args.value("date")
        request.unit = args.value("unit")
        request.service = args.value("service")
        request.questionnaire = args.value("questionnaire")
        let item = try ctx.service.addRTL(request)
        if args.flag("json") {
            ctx.console.json(FollowUpJSON.item(item))
        } else {
            ctx.console.line("RTL \(item.number) dicatat: \(item.unsur), target \(item.target.iso).")
        }
        return 0
    }

    static let done = CommandSpec(
        ["rtl", "done"], summary: "Mencatat bahwa RTL nomor N sudah selesai, dengan buktinya.", arguments: "N",
        options: [
            .value("date", "TTTT-BB-HH", "tanggal selesai (wajib)"), .value("evidence", "TEKS", "bukti tindak lanjut (wajib)"),
            .flag("json", "keluaran JSON"),
        ]
    ) { args, ctx in
        let n = try number(args)
        let item = try ctx.service.completeRTL(
            number: n, date: try required(args, "date", "tanggal selesai"), evidence: try required(args, "evidence", "bukti"))
        if args.flag("json") {
            ctx.console.json(FollowUpJSON.item(item))
        } else {
            ctx.console.line(
                "RTL \(item.number) selesai \(item.doneOn?.iso ?? "")\(item.doneOnTime ? " (tepat waktu)" : " (melewati target \(item.target.iso))")."
            )
        }
        return 0
    }

    static let correct = CommandSpec(
        ["rtl", "correct"], summary: "Mengoreksi atau membatalkan RTL nomor N (versi lama tetap tersimpan).", arguments: "N",
        options: [
            .value("program", "TEKS", "program/kegiatan baru"), .value("pj", "TEKS", "penanggung jawab baru"),
            .value("target", "TTTT-BB-HH", "tanggal target baru"), .value("date", "TTTT-BB-HH", "tanggal selesai baru"),
            .value("evidence", "TEKS", "bukti baru"), .flag("cancel", "membatalkan RTL ini"),
            .value("reason", "TEKS", "alasan koreksi (wajib)"), .flag("json", "keluaran JSON"),
        ]
    ) { args, ctx in
        let n = try number(args)
        let item = try ctx.service.correctRTL(
            number: n,
            RTLCorrection(
                reason: try required(args, "reason", "alasan"), program: args.value("program"), penanggungJawab: args.value("pj"),
                target: args.value("target"), doneOn: args.value("date"), evidence: args.value("evidence"),
                cancel: args.flag("cancel")))
        if args.flag("json") {
            ctx.console.json(FollowUpJSON.item(item))
        } else {
            ctx.console.line("RTL \(item.number) \(item.cancelled ? "dibatalkan" : "dikoreksi") (versi \(item.version)).")
        }
        return 0
    }

    static let list = CommandSpec(
        ["rtl", "list"], summary: "Menampilkan daftar RTL dan statusnya.",
        options: [.value("year", "TAHUN", "tahun survei"), .flag("json", "keluaran JSON")]
    ) { args, ctx in
        try args.requirePositionals([])
        let items = try ctx.service.rtlItems(year: try args.int("year"))
        if args.flag("json") {
            ctx.console.json(.array(items.map(FollowUpJSON.item)))
        } else if items.isEmpty {
            ctx.console.line(
                "Belum ada RTL. Tambahkan dengan: skm rtl add --year TAHUN --unsur U3 --program … --pj … --target TTTT-BB-HH")
        } else {
            ctx.console.out(FollowUpPrinter.items(items))
        }
        return 0
    }

    static let show = CommandSpec(
        ["rtl", "show"], summary: "Menampilkan RTL nomor N beserta riwayat perubahannya.", arguments: "N",
        options: [.flag("json", "keluaran JSON")]
    ) { args, ctx in
        let history = try ctx.service.rtlHistory(number: try number(args))
        if args.flag("json") {
            ctx.console.json(.array(history.map(FollowUpJSON.item)))
        } else {
            ctx.console.out(FollowUpPrinter.history(history))
        }
        return 0
    }

    static let summary = CommandSpec(
        ["rtl", "summary"],
        summary:
            "Capaian tindak lanjut per tahun dan per layanan: persentase selesai, tepat waktu, kecepatan, jumlah media publikasi.",
        options: [.value("year", "TAHUN", "tahun survei"), .flag("json", "keluaran JSON")],
        discussion: """
            Kecepatan = hari dari akhir periode survei (hari terakhir ada responden pada tahun itu, atau 31 Desember)
            sampai RTL selesai; RTL yang selesai sebelum periode survei berakhir dihitung 0 hari. RTL yang dibatalkan
            tidak dihitung.
            """
    ) { args, ctx in
        try args.requirePositionals([])
        let years = try ctx.service.rtlSummary(year: try args.int("year"))
        if args.flag("json") {
            ctx.console.json(FollowUpJSON.summary(years))
        } else if years.isEmpty {
            ctx.console.line("Belum ada RTL maupun publikasi yang dicatat.")
        } else {
            ctx.console.out(FollowUpPrinter.summary(years))
        }
        return 0
    }

    static let importProfile = CommandSpec(
        ["rtl", "import"], summary: "Mengimpor daftar \"rtl\" dari skm-report.json ke register RTL.", arguments: "BERKAS",
        options: [
            .value("year", "TAHUN", "tahun survei yang ditindaklanjuti (wajib)"),
            .value("questionnaire", "ID", "kuesioner (hanya bila tahun itu memakai beberapa)"), .flag("json", "keluaran JSON"),
        ],
        discussion: """
            Target tiap RTL = akhir triwulan terakhir pada "waktu" di tahun sesudah tahun survei (31 Desember bila
            kosong). Impor ulang berkas yang sama tidak menambah RTL yang sudah ada.
            """
    ) { args, ctx in
        try args.requirePositionals(["BERKAS"])
        let outcome = try ctx.service.importRTL(
            profilePath: args.positionals[0], year: try requiredYear(args), questionnaire: args.value("questionnaire"))
        if args.flag("json") {
            ctx.console.json(FollowUpJSON.importOutcome(outcome))
        } else {
            ctx.console.line(
                "\(outcome.added.count) RTL diimpor\(outcome.added.isEmpty ? "" : " (nomor \(outcome.added.map { String($0.number) }.joined(separator: ", ")))")\(outcome.alreadyThere > 0 ? "; \(outcome.alreadyThere) sudah ada sebelumnya" : "")."
            )
        }
        return 0
    }

    static let publishAdd = CommandSpec(
        ["publish", "add"], summary: "Mencatat publikasi hasil SKM satu tahun (media, tanggal, tautan).",
        options: [
            .value("year", "TAHUN", "tahun survei yang hasilnya dipublikasikan (wajib)"),
            .value("medium", "MEDIA", PublicationMedium.allCases.map(\.rawValue).joined(separator: "|") + " (wajib)"),
            .value("date", "TTTT-BB-HH", "tanggal publikasi (wajib)"), .value("link", "URL", "tautan http(s)"),
            .value("note", "TEKS", "catatan"), .flag("json", "keluaran JSON"),
        ]
    ) { args, ctx in
        try args.requirePositionals([])
        let (p, alreadyRecorded) = try ctx.service.addPublication(
            year: try requiredYear(args), medium: try required(args, "medium", "media publikasi"),
            date: try required(args, "date", "tanggal publikasi"), link: args.value("link"), note: args.value("note"))
        if args.flag("json") {
            ctx.console.json(FollowUpJSON.publicationAdded(p, alreadyRecorded: alreadyRecorded))
        } else if alreadyRecorded {
            ctx.console.line(
                "Publikasi ini sudah dicatat sebagai nomor \(p.number) (hasil SKM \(p.year) di \(p.medium.label), \(p.publishedOn.iso)); tidak dicatat dua kali."
            )
        } else {
            ctx.console.line("Publikasi \(p.number) dicatat: hasil SKM \(p.year) di \(p.medium.label), \(p.publishedOn.iso).")
        }
        return 0
    }

    static let publishList = CommandSpec(
        ["publish", "list"], summary: "Menampilkan log publikasi hasil SKM.",
        options: [.value("year", "TAHUN", "tahun survei"), .flag("json", "keluaran JSON")]
    ) { args, ctx in
        try args.requirePositionals([])
        let list = try ctx.service.publications(year: try args.int("year"))
        if args.flag("json") {
            ctx.console.json(.array(list.map(FollowUpJSON.publication)))
        } else if list.isEmpty {
            ctx.console.line("Belum ada publikasi. Catat dengan: skm publish add --year TAHUN --medium website --date TTTT-BB-HH")
        } else {
            ctx.console.out(FollowUpPrinter.publications(list))
        }
        return 0
    }

    static let publishVoid = CommandSpec(
        ["publish", "void"], summary: "Membatalkan catatan publikasi nomor N yang salah (tetap tersimpan sebagai batal).",
        arguments: "N", options: [.value("reason", "TEKS", "alasan (wajib)"), .flag("json", "keluaran JSON")]
    ) { args, ctx in
        let n = try number(args)
        let p = try ctx.service.voidPublication(number: n, reason: try required(args, "reason", "alasan"))
        if args.flag("json") {
            ctx.console.json(FollowUpJSON.publication(p))
        } else {
            ctx.console.line("Publikasi \(p.number) dibatalkan.")
        }
        return 0
    }
}
