import SKMCore
import SKMJSON
import SKMService

/// `init`, `unit add|list`, `service add|list`.
enum RegistryCommands {
    static let initialize = CommandSpec(
        ["init"], summary: "Membuat (atau memperbarui) berkas basis data.",
        discussion: "Berkas dibuat hanya dapat dibaca pemiliknya; skema diperbarui otomatis bila berkas dari versi lama."
    ) { args, ctx in
        try args.requirePositionals([])
        let existed = ctx.service.databaseExists
        let version = try ctx.service.initializeDatabase()
        ctx.console.line(
            existed
                ? "Basis data \(ctx.databasePath) siap (skema versi \(version))."
                : "Basis data baru dibuat: \(ctx.databasePath) (skema versi \(version)).")
        return 0
    }

    static let all: [CommandSpec] = [
        CommandSpec(
            ["unit", "add"], summary: "Mendaftarkan unit layanan.", arguments: "KODE NAMA…",
            discussion:
                "KODE: huruf, angka, titik, garis bawah atau tanda hubung (disimpan huruf besar). Contoh:\n  skm unit add KEC-TT Kantor Camat Tomoni Timur"
        ) { args, ctx in
            try args.requirePositionals(["KODE", "NAMA"], orMore: true)
            let unit = try ctx.service.addUnit(
                code: args.positionals[0], name: args.positionals.dropFirst().joined(separator: " "))
            ctx.console.line("Unit \(unit.code) (\(unit.name)) ditambahkan.")
            return 0
        },
        CommandSpec(
            ["unit", "list"], summary: "Menampilkan unit layanan.", options: [.flag("json", "keluaran JSON")]
        ) { args, ctx in
            try args.requirePositionals([])
            let units = try ctx.service.units()
            let services = try ctx.service.services()
            if args.flag("json") {
                ctx.console.json(RegistryJSON.units(units, services: services))
                return 0
            }
            if units.isEmpty {
                ctx.console.line("Belum ada unit. Tambahkan dengan: skm unit add KODE NAMA")
                return 0
            }
            var table = TextTable(["Kode", "Nama", "Layanan"], alignments: [.left, .left, .right])
            for u in units { table.add([u.code, u.name, String(services.filter { $0.unitID == u.id }.count)]) }
            ctx.console.out(table.rendered)
            return 0
        },
        CommandSpec(
            ["service", "add"], summary: "Mendaftarkan jenis layanan sebuah unit.", arguments: "UNIT KODE NAMA…",
            discussion: "Contoh:\n  skm service add KEC-TT KTP-KK Pengantar KTP-el dan Kartu Keluarga"
        ) { args, ctx in
            try args.requirePositionals(["UNIT", "KODE", "NAMA"], orMore: true)
            let service = try ctx.service.addService(
                unit: args.positionals[0], code: args.positionals[1], name: args.positionals.dropFirst(2).joined(separator: " "))
            ctx.console.line("Layanan \(service.code) (\(service.name)) ditambahkan ke unit \(service.unitCode).")
            return 0
        },
        CommandSpec(
            ["service", "list"], summary: "Menampilkan jenis layanan.",
            options: [.value("unit", "KODE", "hanya layanan unit ini"), .flag("json", "keluaran JSON")]
        ) { args, ctx in
            try args.requirePositionals([])
            let services = try ctx.service.services(unit: args.value("unit"))
            if args.flag("json") {
                ctx.console.json(.array(services.map(RegistryJSON.service)))
                return 0
            }
            if services.isEmpty {
                ctx.console.line("Belum ada layanan. Tambahkan dengan: skm service add UNIT KODE NAMA")
                return 0
            }
            var table = TextTable(["Unit", "Kode", "Nama"], alignments: [.left, .left, .left])
            for s in services { table.add([s.unitCode, s.code, s.name]) }
            ctx.console.out(table.rendered)
            return 0
        },
    ]
}
