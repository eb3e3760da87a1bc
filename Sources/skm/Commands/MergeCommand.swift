import SKMCore
import SKMJSON
import SKMService

/// `skm merge SUMBER…`.
enum MergeCommand {
    static let spec = CommandSpec(
        ["merge"], summary: "Menggabungkan basis data skm lain (loket/kantor lain) ke basis data ini.",
        arguments: "SUMBER [SUMBER…]",
        options: [
            .value("unit-map", "SUMBER=TUJUAN", "data unit SUMBER masuk ke unit TUJUAN di sini (boleh berulang)"),
            .value(
                "keep-name", "target|source",
                "bila nama unit/layanan berbeda: pakai nama di sini (target) atau dari sumber (source)"),
            .flag("json", "keluaran JSON"),
        ],
        discussion:
            "Membawa unit, layanan, kuesioner khusus, batch impor, respons dan pembatalan, kunjungan, register RTL dan catatan publikasi dari setiap SUMBER, satu transaksi per sumber. SUMBER dibuka hanya-baca dan tidak diubah. Respons dikenali dari id globalnya, jadi menggabungkan berkas yang sama lagi tidak mengubah apa pun, dan pembatalan yang dibuat kemudian di sumber ikut terbawa pada penggabungan berikutnya. Unit, layanan atau kuesioner dengan kode sama tetapi nama/isi lain menghentikan sumber itu tanpa menyimpan apa pun, kecuali --keep-name atau --unit-map menentukan caranya. Contoh:\n  skm merge loket2.sqlite loket3.sqlite --db kecamatan.sqlite"
    ) { args, ctx in
        try args.requirePositionals(["SUMBER"], orMore: true)
        let options = try MergeOptions.parse(unitMaps: args.values["unit-map"] ?? [], keepName: args.value("keep-name"))
        let json = args.flag("json")
        let summaries = try ctx.service.merge(sources: args.positionals, options: options) { summary in
            if !json { ctx.console.line(MergeJSON.text(summary)) }
        }
        if json { ctx.console.json(.array(summaries.map(MergeJSON.summary))) }
        return 0
    }
}
