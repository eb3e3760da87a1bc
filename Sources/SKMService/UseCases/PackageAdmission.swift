public import SKMCore
import SKMJSON
import SKMStore

extension SKMService {
    /// The one check between a package's text and `Store.storePackage`, shared by `skm import
    /// PAKET.json` and `skm merge` (which carries the packages a source imported): the document is
    /// read and checked whole (`AggregatePackageReader`: format, hostile counts, unit claims of
    /// the document itself), each questionnaire it uses must be known in `catalog` with the same
    /// definition (`unknown_questionnaire`, `questionnaire_conflict`), and it must not come from
    /// this database itself (`package_conflict`: its responses would count twice). `catalog` and
    /// `here` (this database's identity uuid) are asked only once the document is read.
    func packageWrite(
        document bytes: [UInt8], importedAt: String, catalog: () throws -> QuestionnaireCatalog, here: () throws -> String?
    ) throws -> PackageWrite {
        let package = try AggregatePackageReader.read(bytes)
        let catalog = try catalog()
        for q in package.questionnaires {
            guard let known = catalog.all.first(where: { $0.id == q.id }) else {
                throw SKMError(
                    .unknownQuestionnaire,
                    "Paket memakai kuesioner \"\(q.id)\" yang tidak dikenal di sini. Tambahkan definisinya lebih dulu (skm questionnaire add BERKAS), lalu impor lagi. Tidak ada yang disimpan.",
                    field: "questionnaires")
            }
            guard known == q else {
                throw SKMError(
                    .questionnaireConflict,
                    "Definisi kuesioner \"\(q.id)\" di paket berbeda dengan definisi di basis data ini; angka IKM-nya tidak dapat digabung. Tidak ada yang disimpan.",
                    field: "questionnaires")
            }
        }
        var digest = SHA256()
        digest.update(bytes)
        let write = PackageWrite(
            uuid: package.packageID, source: package.sourceDatabase, sourceGeneration: package.sourceGeneration,
            year: package.year, createdAt: package.createdAt, importedAt: importedAt, sha256: digest.hexDigest(),
            units: package.units, rows: package.rows, respondents: package.respondents,
            profiles: JSONWriter.compact.string(package.profiles), document: String(decoding: bytes, as: UTF8.self))
        if let identity = try here(), identity == package.sourceDatabase {
            throw SKMError(
                .packageConflict,
                "Paket ini dibuat dari basis data ini sendiri; mengimpornya akan menghitung data dua kali. Tidak ada yang disimpan."
            )
        }
        return write
    }
}
