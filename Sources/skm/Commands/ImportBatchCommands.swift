import SKMCore
import SKMJSON
import SKMService

/// `import list`, `import undo`: the batches every import is recorded as.
enum ImportBatchCommands {
    static let all: [CommandSpec] = [list, undo]

    static let list = CommandSpec(
        ["import", "list"], summary: "Menampilkan setiap impor yang tercatat (batch).",
        options: [.flag("json", "keluaran JSON")],
        discussion: "Setiap impor yang tersimpan dicatat: nama berkas, sidik SHA-256 isinya, waktu, baris disimpan dan dilewati."
    ) { args, ctx in
        try args.requirePositionals([])
        let batches = try ctx.service.importBatches()
        if args.flag("json") {
            ctx.console.json(.array(batches.map(ImportBatchJSON.batch)))
            return 0
        }
        if batches.isEmpty {
            ctx.console.line("Belum ada impor yang tercatat.")
            return 0
        }
        ImportBatchPrinter.printList(batches, to: ctx.console)
        return 0
    }

    static let undo = CommandSpec(
        ["import", "undo"], summary: "Membatalkan semua respons satu batch impor (tetap tersimpan dengan alasannya).",
        arguments: "N", options: [.value("reason", "TEKS", "alasan pembatalan (wajib)"), .flag("json", "keluaran JSON")],
        discussion: """
            Semua respons batch N dibatalkan dalam satu transaksi; jejak audit tetap ada. Sesudahnya isi berkas
            itu boleh diimpor lagi. Contoh: skm import undo 3 --reason "Berkas yang sama terimpor dua kali"
            """
    ) { args, ctx in
        try args.requirePositionals(["N"])
        guard let number = Int64(args.positionals[0].trimmingSpaces().trimmingPrefix("#")) else {
            throw SKMError(.usage, "Nomor batch harus angka, diterima \"\(args.positionals[0].clipped(30))\".")
        }
        guard let reason = args.value("reason") else { throw SKMError(.usage, "--reason wajib diisi.") }
        let (batch, outcome) = try ctx.service.undoImport(batch: number, reason: reason)
        if args.flag("json") {
            ctx.console.json(["batch": ImportBatchJSON.batch(batch), "void": ImportBatchJSON.voidOutcome(outcome)])
        } else {
            let already =
                outcome.alreadyVoided.isEmpty
                ? "" : " \(IndonesianNumber.format(outcome.alreadyVoided.count)) respons sudah dibatalkan sebelumnya."
            ctx.console.line(
                "Batch impor #\(batch.id) (\(batch.fileName)) dibatalkan: \(IndonesianNumber.format(outcome.voided.count)) respons dibatalkan.\(already) Alasan: \(reason.trimmingSpaces())."
            )
        }
        return 0
    }
}

/// Import batches and multi-response voids as a person reads them.
enum ImportBatchPrinter {
    static func printList(_ batches: [ImportBatch], to console: Console) {
        var table = TextTable(
            ["Batch", "Waktu", "Berkas", "Baris", "Disimpan", "Dilewati", "Status", "SHA-256"],
            alignments: [.right, .left, .left, .right, .right, .right, .left, .left])
        for b in batches {
            var status = b.undoneAt.map { "dibatalkan \(ImportBatchText.time($0))" } ?? ""
            if let again = b.againOf { status += (status.isEmpty ? "" : "; ") + "impor ulang batch #\(again)" }
            table.add([
                String(b.id), ImportBatchText.time(b.importedAt), b.fileName.clipped(40), IndonesianNumber.format(b.rowsRead),
                IndonesianNumber.format(b.rowsStored), IndonesianNumber.format(b.rowsSkipped), status,
                String(b.sha256.prefix(12)),
            ])
        }
        console.out(table.rendered)
    }

    static func printVoid(_ o: VoidOutcome, reason: String, to console: Console) {
        console.line(
            "\(IndonesianNumber.format(o.voided.count)) respons dibatalkan (\(IDRuns.text(o.voided))). Alasan: \(reason.trimmingSpaces())."
        )
        if !o.alreadyVoided.isEmpty {
            console.line(
                "\(IndonesianNumber.format(o.alreadyVoided.count)) respons sudah dibatalkan sebelumnya, tidak diubah (\(IDRuns.text(o.alreadyVoided)))."
            )
        }
    }
}
