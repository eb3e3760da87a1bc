import SKMCore
import SKMJSON
import SKMService

/// `questionnaire list|show|check|add|print`.
enum QuestionnaireCommands {
    static let all: [CommandSpec] = [
        CommandSpec(
            ["questionnaire", "list"], summary: "Menampilkan kuesioner yang dikenal (bawaan dan kustom).",
            options: [.flag("json", "keluaran JSON")]
        ) { args, ctx in
            try args.requirePositionals([])
            let list = try ctx.service.questionnaires()
            let catalog = try ctx.service.catalog()
            if args.flag("json") {
                ctx.console.json(QuestionnaireJSON.summaries(list, catalog: catalog))
                return 0
            }
            var table = TextTable(["ID", "Judul", "Unsur", "Status"], alignments: [.left, .left, .right, .left])
            for q in list {
                let origin = catalog.isBuiltIn(q.id) ? "bawaan" : "kustom"
                let marker = q.id == QuestionnaireCatalog.defaultID ? " (utama)" : ""
                table.add([q.id + marker, q.title, String(q.unsur.count), "\(q.statusLabel), \(origin)"])
            }
            ctx.console.out(table.rendered)
            return 0
        },
        CommandSpec(
            ["questionnaire", "show"], summary: "Menampilkan isi sebuah kuesioner.", arguments: "ID",
            options: [.flag("json", "definisi lengkap sebagai JSON")]
        ) { args, ctx in
            try args.requirePositionals(["ID"])
            let q = try ctx.service.questionnaire(id: args.positionals[0])
            if args.flag("json") {
                ctx.console.json(q.json)
            } else {
                ctx.console.out(QuestionnairePrinter.text(q))
            }
            return 0
        },
        CommandSpec(
            ["questionnaire", "check"], summary: "Memeriksa berkas definisi kuesioner dan menjelaskan setiap masalah.",
            arguments: "BERKAS", options: [.flag("json", "keluaran JSON")]
        ) { args, ctx in
            try args.requirePositionals(["BERKAS"])
            let outcome = ctx.service.checkQuestionnaire(text: try TextFile.read(args.positionals[0]))
            if args.flag("json") {
                ctx.console.json(DefinitionCheckJSON.outcome(id: outcome.questionnaire?.id, problems: outcome.problems))
            } else {
                for problem in outcome.problems { ctx.console.line(problem.description) }
                if let q = outcome.questionnaire {
                    ctx.console.line(
                        "Kuesioner \(q.id) sah: \(q.unsur.count) unsur, \(q.questions.count) pertanyaan, skala \(q.scale.lowerBound)–\(q.scale.upperBound)."
                            + (outcome.problems.isEmpty ? "" : " Periksa peringatan di atas."))
                } else {
                    ctx.console.line("Kuesioner tidak sah: \(outcome.errors.count) kesalahan.")
                }
            }
            return outcome.questionnaire == nil ? 1 : 0
        },
        CommandSpec(
            ["questionnaire", "add"], summary: "Menyimpan kuesioner kustom ke basis data agar dapat dipakai.",
            arguments: "BERKAS",
            discussion:
                "Definisi diperiksa lebih dulu (lihat 'skm questionnaire check'). Kuesioner yang sudah tersimpan tidak dapat diganti isinya; beri id baru untuk versi baru."
        ) { args, ctx in
            try args.requirePositionals(["BERKAS"])
            let (q, added) = try ctx.service.addQuestionnaire(text: try TextFile.read(args.positionals[0]))
            ctx.console.line(added ? "Kuesioner \(q.id) disimpan." : "Kuesioner \(q.id) sudah tersimpan dengan isi yang sama.")
            return 0
        },
        CommandSpec(
            ["questionnaire", "print"], summary: "Membuat formulir kuesioner kertas untuk dibagikan (HTML atau Word).",
            arguments: "[ID]",
            options: [
                .value("format", "html|docx", "format (bawaan: docx bila --out berakhiran .docx, selain itu html)"),
                .value("out", "BERKAS", "berkas baru (bawaan: kuesioner-ID.html atau .docx di folder ini)"),
                .flag("force", "timpa BERKAS yang sudah ada"),
                .value("profile", "BERKAS", "profil kantor (bawaan: skm-report.json di samping basis data atau di folder ini)"),
            ],
            discussion: """
                Formulir memuat nama kantor dari skm-report.json, kotak profil responden, dan pertanyaan
                menurut urutan formulir dengan pilihan jawabannya sebagai kotak centang; kuesioner 2017
                muat pada satu halaman A4. Tanpa ID dipakai kuesioner utama.
                """
        ) { args, ctx in
            // The ID is optional: the default questionnaire without one.
            try args.requirePositionals(args.positionals.isEmpty ? [] : ["ID"])
            let printed = try ctx.service.printQuestionnaire(
                id: args.positionals.first,
                format: try PaperFormFormat.parse(args.value("format"), field: "format", outPath: args.value("out")),
                path: args.value("out"), replacing: args.flag("force"),
                profile: args.value("profile").map { .file($0) } ?? .automatic)
            ctx.console.line(printed.path)
            for note in printed.notes { ctx.console.err("Catatan: \(note)") }
            return 0
        },
    ]
}
