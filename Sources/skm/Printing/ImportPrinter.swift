import SKMCore
import SKMService

/// The import report as a person reads it.
enum ImportPrinter {
    static func print(_ r: ImportReport, to console: Console) {
        let read = IndonesianNumber.format(r.rowsRead)
        if !r.identityColumns.isEmpty {
            console.line(
                "Kolom \(names(r.identityColumns)) diabaikan: skm tidak menyimpan identitas responden (nama, NIK, nomor telepon)."
            )
        }
        if !r.ignoredColumns.isEmpty {
            console.line("Kolom \(names(r.ignoredColumns)) diabaikan: skm tidak menyimpannya.")
        }
        if r.dryRun {
            console.line(
                "Pemeriksaan saja (tidak ada yang disimpan): \(read) baris dibaca, \(IndonesianNumber.format(r.rowsRead - r.invalidRows)) sah, \(IndonesianNumber.format(r.invalidRows)) tidak sah."
            )
        } else if r.committed && r.rowsRead == 0 {
            console.line("Berkas tidak memuat baris data: tidak ada yang disimpan dan tidak ada batch yang dicatat.")
        } else if r.committed {
            let batch = r.batch.map { " (batch #\($0))" } ?? ""
            console.line(
                "Dibaca \(read) baris\(batch): \(IndonesianNumber.format(r.stored)) disimpan, \(IndonesianNumber.format(r.duplicates)) sudah ada (client id atau ID global sama), \(IndonesianNumber.format(r.invalidRows)) tidak sah."
            )
            if r.visits > 0 {
                console.line(
                    "Berkas kunjungan: \(IndonesianNumber.format(r.visits)) kunjungan baru, masing-masing satu respons per kuesioner setnya."
                )
            }
            if let again = r.againOf {
                console.line("Isi berkas ini sama dengan batch #\(again); diimpor lagi dengan sengaja (--again).")
            }
        } else {
            console.line(
                "Tidak ada yang diimpor: \(IndonesianNumber.format(r.invalidRows)) dari \(read) baris tidak sah. Perbaiki baris di bawah lalu impor ulang, atau pakai --skip-invalid untuk menyimpan baris yang sah saja."
            )
        }
        if r.skipped > 0 && r.skippedFrom.isEmpty {
            // A file of visits: rows without clientId are recognised by their content, not by a batch.
            console.line(
                "\(IndonesianNumber.format(r.skipped)) baris dilewati: isinya sama persis dengan baris yang sudah diimpor sebelumnya (baris tanpa clientId dikenali dari isinya); kunjungannya sudah tersimpan."
            )
        } else if r.skipped > 0 {
            let from = r.skippedFrom.map { "#\($0)" }.joined(separator: ", ")
            let verb = r.dryRun || !r.committed ? "akan dilewati" : "dilewati"
            console.line(
                "\(IndonesianNumber.format(r.skipped)) baris \(verb): sudah diimpor sebelumnya (batch \(from)). Bila baris itu memang respons lain yang kebetulan sama persis, batalkan batch ini (skm import undo) lalu impor dengan --again."
            )
        }
        let shown = r.errors.prefix(100)
        for e in shown {
            let column = e.column.map { ", kolom \($0)" } ?? ""
            console.line("  baris \(e.row)\(column): \(e.error.message)")
        }
        let hidden = r.errors.count - shown.count
        let uncounted = r.invalidRows - Set(r.errors.map(\.row)).count
        if hidden > 0 || uncounted > 0 {
            console.line(
                "  … dan \(IndonesianNumber.format(hidden)) masalah lain\(uncounted > 0 ? " (\(IndonesianNumber.format(uncounted)) baris tidak sah lagi)" : "") (--json menampilkan hingga 1.000 masalah)."
            )
        }
    }

    static func names(_ columns: [String]) -> String {
        columns.map { "\"\($0.clipped(30))\"" }.joined(separator: ", ")
    }
}
