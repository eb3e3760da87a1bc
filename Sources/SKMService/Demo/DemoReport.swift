import SKMCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension SKMService {
    /// An example office profile for the demo: the office name, the pelaksana, the population and
    /// an RTL for the three weakest unsur of the demo year. Head of office, NIP and address are
    /// left out on purpose, so the demo report shows what a missing field looks like.
    static let demoProfile = """
        {
          "office": {
            "name": "\(DemoData.unitName)",
            "position": "Camat Tomoni Timur",
            "city": "Tomoni Timur"
          },
          "pelaksana": "Tim SKM \(DemoData.unitName) (data contoh)",
          "population": \(DemoData.population),
          "rtl": [
            {"unsur": "U3", "program": "Menerapkan nomor antrean dan mengumumkan standar waktu penyelesaian setiap layanan", "waktu": ["TW I", "TW II"], "penanggungJawab": "Seksi Pelayanan Umum"},
            {"unsur": "U9", "program": "Menambah kursi ruang tunggu dan menjadwalkan kebersihan toilet setiap hari", "waktu": ["TW II", "TW III"], "penanggungJawab": "Sekretaris Kecamatan"},
            {"unsur": "U8", "program": "Memasang kotak pengaduan di tempat yang mudah terlihat dan menjawab setiap pengaduan paling lambat 5 hari kerja", "waktu": ["TW I"], "penanggungJawab": "Seksi Pelayanan Umum"}
          ]
        }

        """

    /// Writes the example `skm-report.json` beside the demo database (unless one is already
    /// there, so a person's edits survive a rerun) and the annual report of the demo year.
    public func writeDemoReport(_ summary: DemoSummary) throws -> GeneratedReport {
        let profilePath = ReportProfile.path(besideDatabase: databasePath)
        if access(profilePath, F_OK) != 0 {
            try AtomicFile.write(Self.demoProfile, to: profilePath, visibility: .publication, replacing: .nothing)
        }
        return try generateReport(ReportRequest(year: summary.year))
    }
}
