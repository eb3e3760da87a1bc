import SKMCore
import SKMService

/// Text output of package imports and the package list.
enum PackagePrinter {
    static func printImport(_ r: PackageImportReport, to console: Console) {
        let p = r.package
        if r.alreadyStored {
            console.line(
                "Paket \(p.uuid) sudah diimpor sebelumnya (#\(p.id), \(p.importedAt)); tidak ada yang berubah.")
            return
        }
        console.line(
            "Paket agregat #\(p.id) tahun \(p.year) diimpor: \(IndonesianNumber.format(p.rowCount)) baris, \(IndonesianNumber.format(p.respondents)) responden, unit \(p.unitCodes.joined(separator: ", "))."
        )
        if !r.unitsRegistered.isEmpty { console.line("Unit baru terdaftar: \(r.unitsRegistered.joined(separator: ", ")).") }
        if !r.servicesRegistered.isEmpty {
            console.line("Layanan baru terdaftar: \(r.servicesRegistered.joined(separator: ", ")).")
        }
        for old in r.replaced {
            console.line(
                "Menggantikan paket #\(old.id) (\(old.uuid), dibuat \(old.createdAt)) untuk unit yang sama tahun \(old.year); datanya tidak dihitung lagi."
            )
        }
    }

    static func printList(_ packages: [StoredPackage], to console: Console) {
        var table = TextTable(
            ["#", "Tahun", "Unit (aktif)", "Baris", "Responden", "Dibuat", "Sumber"],
            alignments: [.right, .right, .left, .right, .right, .left, .left])
        for p in packages {
            let units = p.unitCodes.map { p.activeUnitCodes.contains($0) ? $0 : "\($0) (diganti)" }
            table.add([
                String(p.id), String(p.year), units.joined(separator: ", "), IndonesianNumber.format(p.rowCount),
                IndonesianNumber.format(p.respondents), p.createdAt, String(p.source.prefix(8)),
            ])
        }
        console.out(table.rendered)
    }
}
