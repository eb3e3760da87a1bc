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
            options: [
                .value("parent", "KODE", "unit induk (mis. dinas di atas puskesmas, kabupaten di atas dinas)"),
                .value("population", "N", "jumlah penerima layanan setahun, untuk memeriksa kecukupan sampel di rekap"),
            ],
            discussion:
                "KODE: huruf, angka, titik, garis bawah atau tanda hubung (disimpan huruf besar). Contoh:\n  skm unit add KEC-TT Kantor Camat Tomoni Timur\n  skm unit add PKM-01 Puskesmas Tomoni --parent DINKES --population 4200"
        ) { args, ctx in
            try args.requirePositionals(["KODE", "NAMA"], orMore: true)
            let unit = try ctx.service.addUnit(
                code: args.positionals[0], name: args.positionals.dropFirst().joined(separator: " "),
                parent: args.value("parent"), population: try args.int("population"))
            let under = unit.parentID.flatMap { id in (try? ctx.service.unitTree())?.unit(id: id) }
            ctx.console.line("Unit \(unit.code) (\(unit.name)) ditambahkan\(under.map { " di bawah \($0.code)" } ?? "").")
            return 0
        },
        CommandSpec(
            ["unit", "move"], summary: "Memindahkan unit ke bawah unit induk lain (atau ke puncak).", arguments: "KODE",
            options: [.value("parent", "KODE", "unit induk baru"), .flag("top", "jadikan unit puncak (tanpa induk)")],
            discussion:
                "Unit tidak dapat dipindah ke bawah dirinya sendiri atau ke bawah unit bawahannya. Contoh:\n  skm unit move PKM-01 --parent DINKES"
        ) { args, ctx in
            try args.requirePositionals(["KODE"])
            let parent = args.value("parent")
            guard (parent != nil) != args.flag("top") else {
                throw SKMError(.usage, "Pilih salah satu: --parent KODE atau --top.", field: "parent")
            }
            let unit = try ctx.service.moveUnit(args.positionals[0], parent: parent)
            ctx.console.line(
                parent == nil
                    ? "Unit \(unit.code) sekarang unit puncak."
                    : "Unit \(unit.code) sekarang di bawah \(unit.parentID.flatMap { (try? ctx.service.unitTree())?.unit(id: $0)?.code } ?? "")."
            )
            return 0
        },
        CommandSpec(
            ["unit", "population"], summary: "Mencatat jumlah penerima layanan setahun sebuah unit.", arguments: "KODE N",
            discussion: "Dipakai rekap untuk memeriksa kecukupan sampel (Krejcie–Morgan). N = 0 menghapus catatannya."
        ) { args, ctx in
            try args.requirePositionals(["KODE", "N"])
            guard let n = Int(args.positionals[1].trimmingSpaces().replacingDots()), n >= 0 else {
                throw SKMError(
                    .invalidPopulation, "Populasi harus bilangan bulat, diterima \"\(args.positionals[1].clipped(30))\".",
                    field: "population")
            }
            let unit = try ctx.service.setUnitPopulation(args.positionals[0], population: n == 0 ? nil : n)
            ctx.console.line(
                unit.population.map { "Populasi unit \(unit.code): \(IndonesianNumber.format($0))." }
                    ?? "Populasi unit \(unit.code) dihapus.")
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
            var table = TextTable(["Kode", "Nama", "Layanan", "Populasi"], alignments: [.left, .left, .right, .right])
            for (u, depth) in UnitTree(units).outline {
                let indent = String(repeating: "  ", count: depth) + (depth > 0 ? "└ " : "")
                table.add([
                    indent + u.code, u.name, String(services.filter { $0.unitID == u.id }.count),
                    u.population.map { IndonesianNumber.format($0) } ?? "-",
                ])
            }
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
