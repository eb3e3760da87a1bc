import SKMCore
import SKMJSON
import SKMService

/// `skm rekap`: the consolidated IKM of many units for one year, with the method named.
enum RekapCommand {
    static let spec = CommandSpec(
        ["rekap"], summary: "Rekap IKM banyak unit setahun (per unit, matriks unsur, peringkat, cakupan, IKM gabungan).",
        options: [
            .value("year", "TAHUN", "tahun survei (wajib), mis. 2025"),
            .value("parent", "KODE", "bandingkan unit di bawah unit ini (bawaan: unit puncak)"),
            .value("method", "METODE", "pooled (bawaan: semua jawaban digabung) atau mean-of-units (rata-rata IKM unit)"),
            .value("questionnaire", "ID", "kuesioner, bila data setahun memakai beberapa"),
            .flag("json", "keluaran JSON"),
            .flag("csv", "keluaran CSV (satu baris per unit lalu baris REKAP; kolom metode di tiap baris)"),
            .value("separator", ", atau ;", "pemisah CSV; dengan ; angka memakai koma desimal"),
        ],
        discussion: """
            Angka tiap unit mencakup unit itu dan semua unit di bawahnya. Tidak ada peraturan yang
            menetapkan IKM gabungan: pooled menggabungkan semua jawaban (unit besar berbobot lebih),
            mean-of-units merata-rata IKM unit tanpa bobot. Metode disebut di setiap keluaran.
            Contoh:
              skm rekap --year 2025
              skm rekap --year 2025 --parent DINKES --method mean-of-units --csv
            """
    ) { args, ctx in
        try args.requirePositionals([])
        guard let year = try args.int("year") else {
            throw SKMError(.usage, "--year wajib diisi, mis. skm rekap --year 2025.", field: "year")
        }
        if args.flag("json") && args.flag("csv") { throw SKMError(.usage, "Pilih salah satu: --json atau --csv.") }
        let rekap = try ctx.service.rekap(
            RekapRequest(
                year: year, parent: args.value("parent"), method: try RekapMethod.parse(args.value("method")),
                questionnaire: args.value("questionnaire")))
        if args.flag("json") {
            ctx.console.json(RekapJSON.report(rekap))
        } else if args.flag("csv") {
            ctx.console.out(RekapCSV.text(rekap, separator: try CSVSeparator.parse(args.value("separator"))))
        } else {
            ctx.console.out(RekapPrinter.text(rekap))
        }
        return 0
    }
}
