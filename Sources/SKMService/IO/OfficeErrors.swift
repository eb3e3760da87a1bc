import SKMCore
import SKMJSON
import SKMOffice

extension SKMError {
    /// The error a front end shows when an Office file (`.xlsx`, `.docx`) at `path` cannot be
    /// written or read: SKMOffice's survey-agnostic reasons, in Indonesian, under skm's codes.
    static func office(_ error: OfficeError, path: String) -> SKMError {
        switch error {
        case .unsafeEntryName(let name):
            return SKMError(.fileError, "Berkas \(path) memuat nama bagian yang tidak aman (\(name)).", field: "file")
        case .duplicateEntry(let name):
            return SKMError(.internal, "Bagian \(name) tertulis dua kali di \(path).", field: "file")
        case .archiveTooLarge:
            return SKMError(.fileError, "Berkas \(path) melebihi 4 GiB; bagi datanya per tahun atau per unit.", field: "file")
        case .compressionFailed(let name):
            return SKMError(.fileError, "Gagal memampatkan bagian \(name) dari \(path) (memori habis?).", field: "file")
        case .writerMisuse(let what):
            return SKMError(.internal, "Kesalahan internal saat menulis \(path): \(what).", field: "file")
        case .invalidSheetName(let name):
            return SKMError(.internal, "Nama lembar \"\(name)\" tidak diterima Excel (\(path)).", field: "file")
        case .tooManyColumns(let count):
            return SKMError(
                .fileError, "Baris dengan \(count) kolom melebihi batas Excel (16.384 kolom) di \(path).", field: "file")
        case .tooManyRows:
            return SKMError(
                .fileError,
                "Data melebihi batas Excel (1.048.576 baris per lembar) di \(path); bagi datanya per tahun atau per unit.",
                field: "file")
        default:
            return officeRead(error, path: path)
        }
    }

    /// The error for an Office file skm was given to read (`skm import FILE.xlsx`): the file's
    /// fault, never skm's, so every case is about the input.
    static func officeRead(_ error: OfficeError, path: String) -> SKMError {
        let resave = "Buka di Excel atau LibreOffice dan simpan ulang sebagai Excel Workbook (.xlsx)."
        switch error {
        case .unsafeEntryName(let name):
            return SKMError(
                .xlsxInvalid, "Berkas \(path) memuat nama bagian yang tidak aman (\(name.clipped(60))); berkas ditolak.",
                field: "file")
        case .duplicateEntry(let name):
            return SKMError(
                .xlsxInvalid, "Berkas \(path) memuat bagian \(name.clipped(60)) dua kali; berkas ditolak.", field: "file")
        case .notAnArchive:
            return SKMError(.xlsxInvalid, "Berkas \(path) bukan buku kerja Excel (.xlsx). \(resave)", field: "file")
        case .truncated:
            return SKMError(
                .xlsxInvalid, "Berkas \(path) terpotong atau rusak (arsip tidak lengkap). Salin ulang berkasnya.", field: "file")
        case .zip64, .multiDisk, .archiveTooLarge:
            return SKMError(
                .xlsxUnsupported, "Berkas \(path) memakai format arsip yang tidak didukung (ZIP64 atau terbagi). \(resave)",
                field: "file")
        case .tooManyEntries(let count):
            return SKMError(
                .xlsxInvalid, "Berkas \(path) memuat \(count) bagian, terlalu banyak untuk buku kerja.", field: "file")
        case .encrypted, .passwordProtected:
            return SKMError(
                .xlsxUnsupported,
                "Berkas \(path) dilindungi kata sandi. Buka di Excel, hapus kata sandinya (File → Info → Protect Workbook), simpan, lalu impor lagi.",
                field: "file")
        case .notAWorkbook(let mainPart):
            let kind =
                mainPart.hasPrefix("word/")
                ? "dokumen Word" : mainPart.hasPrefix("ppt/") ? "presentasi PowerPoint" : "dokumen Office lain"
            return SKMError(
                .xlsxInvalid,
                "Berkas \(path) adalah \(kind), bukan buku kerja Excel (.xlsx). Pilih berkas Excel berisi data survei.",
                field: "file")
        case .legacyBinaryWorkbook:
            return SKMError(
                .xlsxUnsupported,
                "Berkas \(path) adalah buku kerja Excel lama (.xls). Buka di Excel atau LibreOffice dan simpan sebagai .xlsx (Excel Workbook), lalu impor lagi.",
                field: "file")
        case .unsupportedCompression(let name):
            return SKMError(
                .xlsxUnsupported,
                "Bagian \(name.clipped(60)) dari \(path) dimampatkan dengan cara yang tidak didukung. \(resave)", field: "file")
        case .corrupt(let name):
            return SKMError(
                .xlsxInvalid, "Bagian \(name.clipped(60)) dari \(path) rusak (isi atau CRC tidak cocok). Salin ulang berkasnya.",
                field: "file")
        case .entryTooLarge(let name):
            return SKMError(
                .xlsxTooLarge,
                "Bagian \(name.clipped(60)) dari \(path) mengembang melebihi batas (512 MiB, atau pemampatan tidak wajar seperti bom zip); berkas ditolak.",
                field: "file")
        case .xmlInvalid(let part, let reason):
            return SKMError(
                .xlsxInvalid, "Bagian \(part.clipped(60)) dari \(path) bukan XML yang sah: \(reason). \(resave)", field: "file")
        case .xmlDoctype(let part):
            return SKMError(
                .xlsxInvalid,
                "Bagian \(part.clipped(60)) dari \(path) memuat deklarasi DOCTYPE/ENTITY; skm tidak menguraikan entitas, berkas ditolak.",
                field: "file")
        case .missingPart(let part):
            return SKMError(
                .xlsxInvalid, "Berkas \(path) tidak memuat bagian \(part.clipped(60)); bukan buku kerja yang lengkap. \(resave)",
                field: "file")
        case .sheetNotFound(let name, let available):
            return SKMError(
                .xlsxSheetNotFound,
                "Lembar \"\(name.clipped(40))\" tidak ada di \(path). Lembar yang ada: \(available.map { "\"\($0.clipped(40))\"" }.joined(separator: ", ")).",
                field: "sheet", details: ["sheets": .array(available.prefix(100).map { .string($0) })])
        case .cellReference(let part, let reference):
            return SKMError(
                .xlsxInvalid,
                "Bagian \(part.clipped(60)) dari \(path) memuat rujukan sel \(reference.clipped(30)) di luar batas lembar (kolom XFD = 16.384, baris 1.048.576) atau tidak urut.",
                field: "file")
        default:
            // A writer's error (compression, misuse) never comes from reading; named as it is.
            return SKMError(.xlsxInvalid, "Berkas \(path) tidak dapat dibaca (\(error)).", field: "file")
        }
    }
}
