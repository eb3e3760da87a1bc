import SKMCore
import SKMJSON
import SKMReport
import SKMService
import Testing

/// The numbers of the report are the numbers of `skm ikm --json` (same computation, same rounding).
@Suite struct ReportNumbersTests {
    @Test func htmlAndMarkdownShowTheIKMJSONNumbers() throws {
        let f = try ReportFixture()
        try f.typicalYear()
        let json = IKMJSON.report(
            try f.service.computeIKM(IKMRequest(filter: SurveyFilter(year: 2025), breakdowns: [.service, .quarter, .semester])))
        let request = ReportRequest(year: 2025)
        let html = try f.html(request)
        let markdown = try f.markdown(request)

        let unsur = json["unsur"]?.arrayValue ?? []
        #expect(unsur.count == 9)
        let htmlUnsur = ReadBack.htmlRows(html, table: "nrr-unsur")
        let mdUnsur = ReadBack.markdownRows(markdown, caption: "Nilai rata-rata (NRR) per unsur")
        #expect(htmlUnsur.count == 9)
        #expect(mdUnsur == htmlUnsur)
        for (i, u) in unsur.enumerated() where i < htmlUnsur.count {
            let row = htmlUnsur[i]
            #expect(row[1] == "\(u["code"]?.stringValue ?? "") \(u["name"]?.stringValue ?? "")")
            #expect(row[2] == String(u["answered"]?.numberValue?.int ?? -1))
            #expect(row[4] == ReadBack.id(u["nrr"], 4))
            #expect(row[5] == ReadBack.id(u["weighted"], 4))
            #expect(row[6] == ReadBack.id(u["ikm"], 2))
            #expect(row[7] == u["mutu"]?.stringValue)
        }

        let overall = ReadBack.htmlRows(html, table: "ikm-unit")
        #expect(overall.first { $0.first == "IKM (indeks × 25)" }?.last == ReadBack.id(json["ikmDisplay"], 2))
        #expect(overall.first { $0.first == "Indeks (Σ NRR tertimbang)" }?.last == ReadBack.id(json["indeks"], 4))
        #expect(overall.first { $0.first == "Mutu pelayanan" }?.last == json["mutu"]?.stringValue)
        #expect(html.contains("<strong>\(ReadBack.id(json["ikmDisplay"], 2))</strong>"))
        #expect(markdown.contains("**\(ReadBack.id(json["ikmDisplay"], 2))**"))

        // Services: the JSON lists those with respondents; the report lists every registered one.
        let names = Dictionary(uniqueKeysWithValues: try f.service.services().map { ("\($0.unitCode)/\($0.code)", $0.name) })
        let htmlServices = ReadBack.htmlRows(html, table: "ikm-layanan")
        #expect(htmlServices.count == 3)
        #expect(ReadBack.markdownRows(markdown, caption: "IKM per jenis layanan") == htmlServices)
        for group in json["breakdowns"]?["service"]?.arrayValue ?? [] {
            let name = names[group["key"]?.stringValue ?? ""]
            let row = htmlServices.first { $0[1] == name }
            #expect(row?[2] == String(group["respondents"]?.numberValue?.int ?? -1))
            #expect(row?[3] == ReadBack.id(group["ikm"], 2))
            #expect(row?[4] == group["mutu"]?.stringValue)
        }
        #expect(
            htmlServices.first { $0[1] == "Perizinan" } == ["1", "Perizinan", "0", "–", "–", "Belum ada responden", "–", "–"])

        let quarters = json["breakdowns"]?["quarter"]?.arrayValue ?? []
        let htmlQuarters = ReadBack.htmlRows(html, table: "ikm-triwulan")
        #expect(htmlQuarters.map { $0[1] } == ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"])
        for (i, label) in ["I", "II", "III"].enumerated() {
            let group = quarters.first { $0["key"]?.stringValue == "2025-Q\(i + 1)" }
            #expect(group != nil, "Triwulan \(label)")
            #expect(htmlQuarters[i][2] == String(group?["respondents"]?.numberValue?.int ?? -1))
            #expect(htmlQuarters[i][3] == ReadBack.id(group?["ikm"], 2))
        }
        #expect(htmlQuarters[3][2...5] == ["0", "–", "–", "Belum ada responden"])

        // Semesters: the same numbers as `skm ikm --by semester`, both always shown.
        let semesters = json["breakdowns"]?["semester"]?.arrayValue ?? []
        let htmlSemesters = ReadBack.htmlRows(html, table: "ikm-semester")
        #expect(htmlSemesters.map { $0[1] } == ["Semester I", "Semester II"])
        for (i, row) in htmlSemesters.enumerated() {
            let group = semesters.first { $0["key"]?.stringValue == "2025-S\(i + 1)" }
            #expect(row[2] == String(group?["respondents"]?.numberValue?.int ?? 0))
            #expect(row[3] == (group.map { ReadBack.id($0["ikm"], 2) } ?? "–"))
        }
        #expect(semesters.count >= 1)

        // The computation appendix carries the same indeks and IKM.
        let appendix = ReadBack.htmlRows(html, table: "olah-data")
        #expect(appendix.last?.last == ReadBack.id(json["ikm"], 2))
        #expect(appendix.dropLast().last?.last == ReadBack.id(json["indeks"], 4))
    }

    @Test func respondentsAreCountedPerFieldOverTheYear() throws {
        let f = try ReportFixture()
        try f.typicalYear()
        try f.typicalYear(2024)
        let data = try f.data(ReportRequest(year: 2025))
        #expect(data.overall.respondents == 12)
        for table in data.demographics {
            #expect(table.total == 12, "\(table.title)")
        }
        let gender = data.demographics.first { $0.id == "jenis-kelamin" }
        #expect(gender?.rows.map(\.label) == ["Laki-laki", "Perempuan"])
        #expect(gender?.rows.map(\.count) == [4, 8])
        let education = data.demographics.first { $0.id == "pendidikan" }
        #expect(education?.rows.first { $0.label == "Tidak diisi" }?.count == 3)
        #expect(education?.rows.first { $0.label == "S3" }?.count == 0)
        let age = data.demographics.first { $0.id == "usia" }
        #expect(age?.rows.first { $0.label == "Tidak diisi" }?.count == 3)
        #expect(age?.rows.first { $0.label == "20–29 tahun" }?.count == 2)
        let time = data.demographics.first { $0.id == "waktu" }
        #expect(time?.rows.map(\.count) == [9, 3])
        let services = data.demographics.first { $0.id == "layanan" }
        #expect(services?.rows.map(\.count) == [0, 7, 5])
        #expect(data.surveySpan?.first.iso == "2025-01-10")
        #expect(data.surveySpan?.last.iso == "2025-09-19")
    }

    @Test func theTrendComparesWithEarlierYearsAndTheIKUTarget() throws {
        let f = try ReportFixture()
        try f.typicalYear(2024)
        try f.submit("444444444", date: "2025-02-03")
        try f.submit("443444444", date: "2025-02-04")
        _ = try f.service.putPlan(
            json: try JSONParser().parse(
                #"{"id":"contoh-2024-2026","organisation":"Kecamatan Uji","period":{"from":2024,"to":2026},"indicators":[{"code":"IKU-1","name":"Nilai IKM","satuan":"nilai","targets":{"2025":78,"2026":79},"realisasi":{"source":"skm"}}]}"#
            ))
        let html = try f.html(ReportRequest(year: 2025))
        let years = ReadBack.htmlRows(html, table: "ikm-tahunan")
        let y2024 = try f.service.computeIKM(IKMRequest(filter: SurveyFilter(year: 2024))).result
        let y2025 = try f.service.computeIKM(IKMRequest(filter: SurveyFilter(year: 2025))).result
        #expect(years.map { $0[0] } == ["2024", "2025"])
        #expect(years[0][3] == IndonesianNumber.format(y2024.ikm ?? 0, decimals: 2))
        #expect(years[1][3] == IndonesianNumber.format(y2025.ikm ?? 0, decimals: 2))
        let change = (y2025.ikmDisplayed ?? 0) - (y2024.ikmDisplayed ?? 0)
        #expect(years[1][5] == IndonesianNumber.format(change, decimals: 2))
        #expect(html.contains("id=\"grafik-ikm-tahunan\""))
        #expect(html.contains("IKM tahun 2025 (\(IndonesianNumber.format(y2025.ikm ?? 0, decimals: 2))) naik"))
        let iku = ReadBack.htmlRows(html, table: "iku")
        #expect(iku.count == 1)
        #expect(iku.first?[2] == "78,00")
        #expect(iku.first?[3] == IndonesianNumber.format(y2025.ikmDisplayed ?? 0, decimals: 2))
        #expect(iku.first?[5] == "Sangat Tinggi")
        #expect(html.contains("Target IKU-1 sebesar 78,00 tercapai"))
    }
}
