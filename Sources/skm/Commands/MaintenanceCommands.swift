import SKMCore
import SKMJSON
import SKMService

/// `backup`, `restore` and `check`.
enum MaintenanceCommands {
    static let all: [CommandSpec] = [backup, restore, check]

    static let backup = CommandSpec(
        ["backup"], summary: "Membuat salinan cadangan basis data yang utuh (boleh sambil dipakai).", arguments: "BERKAS",
        options: [.flag("force", "ganti berkas BERKAS bila sudah ada")],
        discussion:
            "Memakai backup daring SQLite: salinannya konsisten walau program lain sedang menulis. Basis data diperiksa dulu (quick_check); salinan ditulis ke berkas sementara baru (hanya pemilik yang dapat membaca) lalu dipindahkan ke BERKAS. Pulihkan dengan 'skm restore BERKAS'. Contoh:\n  skm backup cadangan-2025-12-31.sqlite"
    ) { args, ctx in
        try args.requirePositionals(["BERKAS"])
        let pages = try ctx.service.backup(to: args.positionals[0], replacing: args.flag("force"))
        ctx.console.line(
            "Cadangan tersimpan: \(args.positionals[0]) (\(pages) halaman). Periksa dengan: skm check --db \(args.positionals[0])"
        )
        return 0
    }

    static let restore = CommandSpec(
        ["restore"], summary: "Memulihkan basis data dari berkas cadangan (basis data lama dipindahkan, tidak dihapus).",
        arguments: "CADANGAN",
        discussion:
            "Memeriksa cadangan (basis data skm, lolos integrity_check), memindahkan basis data sekarang beserta berkas -wal dan -shm-nya ke nama BASISDATA.sebelum-pulih-WAKTU di folder yang sama, lalu menaruh salinan cadangan di tempatnya. Basis data tidak boleh sedang dibuka program lain (mis. skm rpc). Contoh:\n  skm restore cadangan-2025-12-31.sqlite --db skm.sqlite"
    ) { args, ctx in
        try args.requirePositionals(["CADANGAN"])
        let outcome = try ctx.service.restore(from: args.positionals[0])
        for aside in outcome.movedAside { ctx.console.line("Dipindahkan (tidak dihapus): \(aside)") }
        ctx.console.line(
            "Dipulihkan: \(ctx.databasePath) sekarang salinan \(args.positionals[0]) (\(IndonesianNumber.format(Int(outcome.responses))) respons). Periksa dengan: skm check --db \(ctx.databasePath)"
        )
        return 0
    }

    static let check = CommandSpec(
        ["check"], summary: "Memeriksa keutuhan basis data dan menghitung ulang agregat.",
        options: [
            .flag("repair", "bila agregat berbeda: hitung ulang agregat dari respons (respons tidak diubah)"),
            .flag("json", "keluaran JSON"),
        ],
        discussion:
            "Menjalankan pemeriksaan integritas SQLite, memeriksa rujukan unit/layanan, membandingkan catatan basis data (jumlah respons, nomor respons terakhir) dengan tabel respons, dan membandingkan agregat berjalan dengan hitungan ulang dari respons."
    ) { args, ctx in
        try args.requirePositionals([])
        var result = try ctx.service.check()
        if args.flag("repair") && !result.isHealthy && result.responsesAreSound {
            result = try ctx.service.repairAggregates()
            if !args.flag("json") { ctx.console.line("Agregat dihitung ulang dari respons.") }
        }
        let findings = result.findings
        if args.flag("json") {
            ctx.console.json(CheckJSON.check(result))
        } else if result.isHealthy {
            let active = (try? ctx.service.responseCounts().active) ?? 0
            ctx.console.line(
                "Basis data sehat: integritas SQLite baik, rujukan lengkap, catatan jumlah respons cocok, agregat sama dengan hitungan ulang \(IndonesianNumber.format(active)) respons aktif."
            )
        } else {
            ctx.console.line("MASALAH DITEMUKAN di \(ctx.databasePath):")
            for finding in findings.prefix(20) { ctx.console.line("- " + finding.text) }
            if findings.count > 20 { ctx.console.line("  … dan \(findings.count - 20) masalah lain.") }
            if result.responsesAreSound {
                ctx.console.line("Respons tersimpan utuh; agregat dapat dihitung ulang dengan: skm check --repair")
            } else {
                ctx.console.line(
                    "Pulihkan dari cadangan terakhir dengan 'skm restore BERKAS-CADANGAN' (basis data sekarang dipindahkan, tidak dihapus) atau laporkan ke pengelola. Pemeriksaan ini tidak mengubah apa pun."
                )
            }
        }
        return result.isHealthy ? 0 : 1
    }
}
