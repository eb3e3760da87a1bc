import SKMCore
import SKMService

/// `skm template --xlsx FILE`: a blank entry workbook for a questionnaire.
enum TemplateCommand {
    static let spec = CommandSpec(
        ["template"], summary: "Membuat templat isian Excel (xlsx) kosong untuk diimpor kembali.",
        options: [
            .value("xlsx", "BERKAS", "berkas templat yang dibuat (wajib)"),
            .value("questionnaire", "ID", "kuesioner (bawaan: permenpanrb-14-2017)"),
            .value("rows", "N", "jumlah baris yang diberi validasi data (bawaan: 1000)"),
            .flag("force", "timpa BERKAS yang sudah ada"),
        ],
        discussion: """
            Lembar Isian: satu baris per responden, kolom pertanyaan berurutan seperti formulir kertas dengan
            kode unsur sebagai judul (pertanyaan 8 = U9 sarana, 9 = U8 pengaduan pada formulir 2017), validasi
            data (jawaban 1–4 atau kosong; daftar pilihan jam, jenis kelamin, pendidikan, pekerjaan). Lembar
            Petunjuk menjelaskan cara mengisi dan pemetaan pertanyaan ke unsur. Contoh:
              skm template --xlsx isian-skm-2025.xlsx
            """
    ) { args, ctx in
        try args.requirePositionals([])
        guard let path = args.value("xlsx") else { throw SKMError(.usage, "--xlsx BERKAS wajib diisi.") }
        let rows = try args.int("rows") ?? 1000
        guard (1...100_000).contains(rows) else { throw SKMError(.usage, "--rows harus 1–100.000; diterima \(rows).") }
        try ctx.service.writeEntryTemplate(
            questionnaire: args.value("questionnaire"), rows: rows, to: path,
            replacing: args.flag("force") ? .userNamedFile : .nothing)
        ctx.console.line("Templat isian ditulis ke \(path).")
        return 0
    }
}
