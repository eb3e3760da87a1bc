import SKMCore
import SKMJSON
import SKMService

/// `skm visit show N`, `skm visit void N --reason …`: visits (several questionnaires answered by one
/// respondent in one sitting, entered with `skm entry --set zi`, a file of visits or `visit.submit`).
enum VisitCommands {
    static let all: [CommandSpec] = [show, void]

    static func number(_ args: ParsedArguments) throws -> Int64 {
        try args.requirePositionals(["N"])
        guard let id = Int64(args.positionals[0].trimmingSpaces()), id > 0 else {
            throw SKMError(
                .usage, "Nomor kunjungan harus bilangan bulat positif, diterima \"\(args.positionals[0].clipped(20))\".")
        }
        return id
    }

    static func text(_ v: VisitRecord) -> String {
        var out = "Kunjungan #\(v.id) (set \(v.surveySet)), disimpan \(ImportBatchText.time(v.createdAt))\n"
        out += "Respons: " + v.responseIDs.map { "#\($0)" }.joined(separator: ", ") + "\n"
        if let voidedAt = v.voidedAt { out += "Dibatalkan \(ImportBatchText.time(voidedAt)). Alasan: \(v.voidReason ?? "-")\n" }
        return out
    }

    static let show = CommandSpec(
        ["visit", "show"], summary: "Menampilkan satu kunjungan (beberapa kuesioner satu responden).", arguments: "N",
        options: [.flag("json", "keluaran JSON")]
    ) { args, ctx in
        let visit = try ctx.service.visit(id: try number(args))
        if args.flag("json") { ctx.console.json(VisitJSON.visit(visit)) } else { ctx.console.out(text(visit)) }
        return 0
    }

    static let void = CommandSpec(
        ["visit", "void"], summary: "Membatalkan satu kunjungan beserta semua responsnya.", arguments: "N",
        options: [.value("reason", "TEKS", "alasan pembatalan (wajib)"), .flag("json", "keluaran JSON")],
        discussion: "Setiap respons kunjungan itu dibatalkan dengan alasan yang sama (tetap tersimpan), dalam satu transaksi."
    ) { args, ctx in
        let id = try number(args)
        guard let reason = args.value("reason") else { throw SKMError(.usage, "--reason wajib diisi.") }
        let visit = try ctx.service.voidVisit(id: id, reason: reason)
        if args.flag("json") { ctx.console.json(VisitJSON.visit(visit)) } else { ctx.console.out(text(visit)) }
        return 0
    }
}
