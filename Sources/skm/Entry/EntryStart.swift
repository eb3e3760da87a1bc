import SKMCore
import SKMService

/// Where a session starts: the unit and service named, else those of the last response,
/// else chosen from a numbered list; nil when the input ended before a service was chosen.
enum EntryStart {
    static func place(
        _ args: ParsedArguments, service: SKMService, console: Console, input: EntryInput
    ) throws -> (UnitRecord, ServiceRecord)? {
        if let verify = args.value("verify"), let first = try service.response(clientID: "\(verify.uppercased())/1") {
            let unit = try service.resolveUnit(first.content.unitCode)
            return (unit, try service.resolveService(first.content.serviceCode, in: unit))
        }
        if let rawUnit = args.value("unit") {
            let unit = try service.resolveUnit(rawUnit)
            if let rawService = args.value("service") { return (unit, try service.resolveService(rawService, in: unit)) }
            let offered = try service.services(unit: unit.code)
            if offered.count == 1, let only = offered.first { return (unit, only) }
            return try pick(from: offered, service: service, console: console, input: input)
        }
        if let rawService = args.value("service") {
            let matches = try service.services().filter { $0.code == rawService.trimmingSpaces().uppercased() }
            guard let first = matches.first else {
                throw SKMError(.unknownService, "Layanan \"\(rawService.clipped(30))\" tidak terdaftar.", field: "service")
            }
            if matches.count == 1 { return (try service.resolveUnit(first.unitCode), first) }
            return try pick(from: matches, service: service, console: console, input: input)
        }
        if let last = try service.latestResponse(),
            let unit = try? service.resolveUnit(last.content.unitCode),
            let target = try? service.resolveService(last.content.serviceCode, in: unit)
        {
            return (unit, target)
        }
        return try pick(from: try service.services(), service: service, console: console, input: input)
    }

    static func pick(
        from list: [ServiceRecord], service: SKMService, console: Console, input: EntryInput
    ) throws -> (UnitRecord, ServiceRecord)? {
        guard !list.isEmpty else {
            throw SKMError(
                .unknownService,
                "Belum ada layanan terdaftar. Daftarkan dulu: skm unit add KODE NAMA, lalu skm service add UNIT KODE NAMA.")
        }
        console.line("Pilih layanan:")
        for (i, s) in list.enumerated() { console.line("  \(i + 1) \(s.unitCode) / \(s.code) — \(s.name)") }
        while true {
            console.out("Nomor layanan: ")
            console.flush()
            let read = input.readText(echo: {
                console.out($0)
                console.flush()
            })
            if !input.raw { console.out("\n") }
            guard let text = read else { return nil }
            if let n = Int(text), (1...list.count).contains(n) {
                let chosen = list[n - 1]
                return (try service.resolveUnit(chosen.unitCode), chosen)
            }
            console.line("Ketik nomor 1–\(list.count).")
        }
    }
}
