import SKMCore
import SKMService

/// `skm entry`: type in paper questionnaires at the front desk.
enum EntryCommand {
    static let spec = CommandSpec(
        ["entry"], summary: "Layar entri cepat untuk memasukkan formulir kertas (hanya papan ketik).",
        options: [
            .value("unit", "KODE", "unit layanan (bawaan: unit respons terakhir, atau pilih dari daftar)"),
            .value("service", "KODE", "jenis layanan (bawaan: layanan respons terakhir, atau pilih dari daftar)"),
            .value("questionnaire", "ID", "kuesioner (bawaan: permenpanrb-14-2017)"),
            .value(
                "set", "SET",
                "satu responden mengisi beberapa kuesioner berurutan sebagai satu kunjungan, mis. zi (SKM, IPKP, IPAK)"),
            .value(
                "date", "TTTT-BB-HH",
                "tanggal survei formulir (bawaan: hari ini; tanggal mundur tanpa jam kecuali dipilih dengan j)"),
            .value("batch", "NAMA", "beri nomor tiap formulir dalam batch (NAMA/1, NAMA/2, …) untuk entri ganda"),
            .value("verify", "NAMA", "entri kedua batch NAMA: dibandingkan dengan entri pertama, tidak disimpan"),
        ],
        discussion: """
            Tiap pertanyaan dijawab satu tombol (1–4, - bila kosong); di pertanyaan 1 semua jawaban bisa diketik
            sekaligus (434344343). Lalu jenis kelamin, pendidikan, pekerjaan (satu tombol, Enter lewati) dan usia.
            Ringkasan: Enter menyimpan, nomor pertanyaan mengubah jawaban, x membuang. Respons tersimpan di disk
            sebelum konfirmasi tampil. Di pertanyaan 1: q selesai, u batalkan respons terakhir, l ganti layanan,
            t ganti tanggal, j ganti jam. Ctrl-C membuang formulir yang sedang diketik saja. Formulir bertanggal
            mundur tidak diberi jam kecuali jam dipilih dengan j.
            Satu batch berisi formulir satu tanggal survei: nama batch yang sudah dipakai untuk tanggal lain
            ditolak (pakai nama baru). --verify juga membandingkan tanggal dan menyebut formulir batch yang
            belum diverifikasi.
            Masukan boleh dari berkas atau program lain (satu jawaban atau satu perintah per baris); bila
            masukan berakhir di tengah formulir, formulir itu tidak disimpan dan status keluar 1.
            Dengan --set zi: formulir SKM, IPKP lalu IPAK satu responden diketik berurutan, profil sekali di
            akhir, dan disimpan sebagai satu kunjungan (semua atau tidak sama sekali; skm visit void N).
            """
    ) { args, ctx in
        try args.requirePositionals([])
        if args.value("batch") != nil && args.value("verify") != nil {
            throw SKMError(.usage, "Pilih salah satu: --batch atau --verify.")
        }
        let service = ctx.service
        let questionnaire = try service.catalog().questionnaire(args.value("questionnaire"))
        let input = EntryInput()
        defer { input.restore() }
        let batch = try args.value("batch").map { raw throws(SKMError) in try TextRules.code(raw, field: "batch", what: "batch") }
        let verify = try args.value("verify").map { raw throws(SKMError) in
            try TextRules.code(raw, field: "verify", what: "batch")
        }
        let today = service.clock.today()
        let date =
            try args.value("date").map { raw throws(SKMError) in try ResponseValidator.validateDate(raw, today: today) } ?? today
        // A batch name reused on another survey date is refused before any form is typed.
        if let batch { try service.checkBatchDate(batch, date: date) }
        let set = try args.value("set").map { raw in try SurveySet.named(raw).validated() }
        if set != nil && (batch != nil || verify != nil || args.value("questionnaire") != nil) {
            throw SKMError(.usage, "--set tidak dapat digabung dengan --batch, --verify atau --questionnaire.")
        }
        let members = try set.map { try $0.members.map { try service.catalog().questionnaire($0.questionnaire) } } ?? []
        guard let (unit, target) = try EntryStart.place(args, service: service, console: ctx.console, input: input) else {
            ctx.console.line("Masukan berakhir sebelum layanan dipilih: tidak ada yang disimpan.")
            return 0
        }
        if let set {
            let sessions = members.map { q in
                EntrySession(
                    service: service, console: ctx.console, input: input, questionnaire: q, unit: unit, target: target,
                    date: date, batch: nil, verify: nil)
            }
            let visits = VisitEntry(set: set, sessions: sessions)
            do {
                return try visits.run()
            } catch EntryEnd.endOfInput {
                return visits.finish()
            }
        }
        let session = EntrySession(
            service: service, console: ctx.console, input: input, questionnaire: questionnaire, unit: unit, target: target,
            date: date, batch: batch, verify: verify)
        do {
            return try session.run()
        } catch EntryEnd.endOfInput {
            return session.exitStatus
        }
    }
}
