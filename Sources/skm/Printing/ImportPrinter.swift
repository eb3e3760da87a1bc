import SKMCore
import SKMService

/// The import report as a person reads it.
enum ImportPrinter {
    static func print(_ r: ImportReport, to console: Console) {
        let read = IndonesianNumber.format(r.rowsRead)
        if r.dryRun {
            console.line(
                "Pemeriksaan saja (tidak ada yang disimpan): \(read) baris dibaca, \(IndonesianNumber.format(r.rowsRead - r.invalidRows)) sah, \(IndonesianNumber.format(r.invalidRows)) tidak sah.")
        } else if r.committed {
            console.line(
                "Dibaca \(read) baris: \(IndonesianNumber.format(r.stored)) disimpan, \(IndonesianNumber.format(r.duplicates)) sudah ada (client id sama), \(IndonesianNumber.format(r.invalidRows)) tidak sah."
            )
        } else {
            console.line(
                "Tidak ada yang diimpor: \(IndonesianNumber.format(r.invalidRows)) dari \(read) baris tidak sah. Perbaiki baris di bawah lalu impor ulang, atau pakai --skip-invalid untuk menyimpan baris yang sah saja."
            )
        }
        let shown = r.errors.prefix(100)
        for e in shown {
            let column = e.column.map { ", kolom \($0)" } ?? ""
            console.line("  baris \(e.row)\(column): \(e.error.message)")
        }
        let hidden = r.invalidRows - shown.count
        if hidden > 0 {
            console.line("  … dan \(IndonesianNumber.format(hidden)) baris lain tidak sah (--json menampilkan hingga 1.000 baris).")
        }
    }
}
