import SKMCore
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
        }
    }
}
