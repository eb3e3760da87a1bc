import SKMCore
import SKMJSON
import SKMService
import SKMStore

/// `backup` and `check`.
enum MaintenanceCommands {
    static let all: [CommandSpec] = [backup, check]

    static let backup = CommandSpec(
        ["backup"], summary: "Membuat salinan cadangan basis data yang utuh (boleh sambil dipakai).", arguments: "BERKAS",
        discussion: "Memakai backup daring SQLite: salinannya konsisten walau program lain sedang menulis. Contoh:\n  skm backup cadangan-2025-12-31.sqlite"
    ) { args, ctx in
        try args.requirePositionals(["BERKAS"])
        let pages = try ctx.service.backup(to: args.positionals[0])
        ctx.console.line("Cadangan tersimpan: \(args.positionals[0]) (\(pages) halaman). Periksa dengan: skm check --db \(args.positionals[0])")
        return 0
    }

    static let check = CommandSpec(
        ["check"], summary: "Memeriksa keutuhan basis data dan menghitung ulang agregat.",
        options: [
            .flag("repair", "bila agregat berbeda: hitung ulang agregat dari respons (respons tidak diubah)"),
            .flag("json", "keluaran JSON"),
        ],
        discussion: "Menjalankan pemeriksaan integritas SQLite, memeriksa rujukan unit/layanan, dan membandingkan agregat berjalan dengan hitungan ulang dari respons."
    ) { args, ctx in
        try args.requirePositionals([])
        var result = try ctx.service.check()
        if args.flag("repair") && !result.aggregates.isEmpty && result.integrity == ["ok"] {
            result = try ctx.service.repairAggregates()
            if !args.flag("json") { ctx.console.line("Agregat dihitung ulang dari respons.") }
        }
        if args.flag("json") {
            ctx.console.json([
                "healthy": .bool(result.isHealthy), "integrity": .array(result.integrity.map { .string($0) }),
                "foreignKeys": .array(result.foreignKeys.map { .string($0) }),
                "aggregates": .array(result.aggregates.map { .string($0) }),
            ])
        } else if result.isHealthy {
            let active = (try? ctx.service.responseCounts().active) ?? 0
            ctx.console.line("Basis data sehat: integritas SQLite baik, rujukan lengkap, agregat sama dengan hitungan ulang \(IndonesianNumber.format(active)) respons aktif.")
        } else {
            ctx.console.line("MASALAH DITEMUKAN di \(ctx.databasePath):")
            if result.integrity != ["ok"] {
                ctx.console.line("- Integritas SQLite: " + result.integrity.prefix(20).joined(separator: "; "))
            }
            for problem in result.foreignKeys.prefix(20) { ctx.console.line("- Rujukan: \(problem)") }
            for problem in result.aggregates.prefix(20) { ctx.console.line("- Agregat berbeda: \(problem)") }
            if result.aggregates.count > 20 { ctx.console.line("  … dan \(result.aggregates.count - 20) baris agregat lain.") }
            if result.integrity == ["ok"] && result.foreignKeys.isEmpty {
                ctx.console.line("Respons tersimpan utuh; agregat dapat dihitung ulang dengan: skm check --repair")
            } else {
                ctx.console.line("Pulihkan dari cadangan terakhir (skm backup) atau laporkan ke pengelola. Pemeriksaan ini tidak mengubah apa pun.")
            }
        }
        return result.isHealthy ? 0 : 1
    }
}
