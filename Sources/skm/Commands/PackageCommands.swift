import SKMCore
import SKMJSON
import SKMService

/// Aggregate packages: `export --aggregates`, `import` of a package, `package list`.
enum PackageCommands {
    static let all: [CommandSpec] = [list]

    /// Options of `export` and `import` that mean nothing for a package.
    static let exportOnlyForResponses = [
        "format", "separator", "include-voided", "quarter", "semester", "month", "from", "to", "service", "questionnaire",
    ]
    static let importOnlyForResponses = ["format", "questionnaire", "skip-invalid", "create-missing", "dry-run", "again"]

    static func exportPackage(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        for name in exportOnlyForResponses where args.value(name) != nil || args.flag(name) {
            throw SKMError(.usage, "--\(name) tidak berlaku untuk --aggregates (paket memuat satu tahun, semua layanan).")
        }
        guard let year = try args.int("year") else { throw SKMError(.usage, "--aggregates perlu --year TAHUN.") }
        let unit = args.value("unit")
        if let unit, unit.contains(",") { throw SKMError(.usage, "--aggregates menerima satu --unit saja.") }
        let (text, summary) = try ctx.service.aggregatePackage(year: year, unit: unit)
        let what =
            "paket agregat tahun \(summary.year): \(summary.units) unit, \(IndonesianNumber.format(summary.rows)) baris, \(IndonesianNumber.format(summary.respondents)) responden"
        if let path = args.value("out") {
            let file = try OutputFile(
                path: path, visibility: .ownerOnly, replacing: args.flag("force") ? .userNamedFile : .nothing)
            try file.write(text)
            try file.close()
            ctx.console.err("Ditulis ke \(path): \(what) (paket \(summary.packageID)).")
        } else {
            ctx.console.out(text)
            ctx.console.flush()
            try ctx.console.checkOutput()
            ctx.console.err("Ditulis: \(what) (paket \(summary.packageID)).")
        }
        return 0
    }

    static func importPackage(_ args: ParsedArguments, _ ctx: CommandContext) throws -> Int32 {
        for name in importOnlyForResponses where args.value(name) != nil || args.flag(name) {
            throw SKMError(.usage, "--\(name) tidak berlaku untuk paket agregat (paket diimpor utuh atau tidak sama sekali).")
        }
        let report = try ctx.service.importPackage(path: args.positionals[0])
        if args.flag("json") {
            ctx.console.json(PackageJSON.report(report))
        } else {
            PackagePrinter.printImport(report, to: ctx.console)
        }
        return 0
    }

    static let list = CommandSpec(
        ["package", "list"], summary: "Menampilkan paket agregat yang sudah diimpor.",
        options: [.flag("json", "keluaran JSON")],
        discussion: """
            Setiap paket: tahun, unit yang dicakup (unit yang datanya sudah digantikan paket lebih baru
            ditandai), baris, responden, waktu dibuat, dan awal identitas basis data pengirimnya.
            """
    ) { args, ctx in
        try args.requirePositionals([])
        let packages = try ctx.service.packages()
        if args.flag("json") {
            ctx.console.json(.array(packages.map(PackageJSON.package)))
        } else if packages.isEmpty {
            ctx.console.line("Belum ada paket agregat yang diimpor.")
        } else {
            PackagePrinter.printList(packages, to: ctx.console)
        }
        return 0
    }
}
