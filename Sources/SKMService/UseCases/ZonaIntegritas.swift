public import SKMCore
import SKMReport

/// Which questionnaires `skm zi` scores as the two Zona Integritas surveys.
public enum ZISurveys {
    /// The built-in IPKP questionnaire (the nine SKM unsur, IPKP wording).
    public static let ipkp = "ipkp-90-2021"
    /// The built-in IPAK questionnaire (five anti-corruption unsur).
    public static let ipak = "ipak-90-2021"
}

extension SKMService {
    /// The IPKP and IPAK results of `year` (optionally for some units) per quarter, semester and
    /// year. Each survey is scored separately on its own questionnaire by `computeIKM`, so its
    /// numbers are those of `skm ikm --year Y --questionnaire ID --by quarter,semester`.
    public func zonaIntegritas(
        year: Int, units: [String] = [], ipkp: String = ZISurveys.ipkp, ipak: String = ZISurveys.ipak
    ) throws -> ZISummary {
        var surveys: [ZISummary.Survey] = []
        var description = ""
        try checkZISurveys(ipkp: ipkp, ipak: ipak)
        for (name, id) in [("ipkp", ipkp), ("ipak", ipak)] {
            let report = try computeIKM(
                IKMRequest(
                    filter: SurveyFilter(year: year, units: units, questionnaire: id), breakdowns: [.quarter, .semester]))
            let q = report.questionnaire
            description = report.filter.indonesianDescription
            let quarterGroups = report.breakdowns.first { $0.breakdown == .quarter }?.groups ?? []
            let semesterGroups = report.breakdowns.first { $0.breakdown == .semester }?.groups ?? []
            let quarters = YearQuarter.all(of: year).map { quarter in
                GroupResult(
                    .quarter(quarter), label: "Triwulan \(Roman.numeral(quarter.quarter))",
                    result: quarterGroups.first { $0.group == .quarter(quarter) }?.result ?? Self.empty(q))
            }
            let semesters = YearSemester.all(of: year).map { semester in
                GroupResult(
                    .semester(semester), label: "Semester \(Roman.numeral(semester.semester))",
                    result: semesterGroups.first { $0.group == .semester(semester) }?.result ?? Self.empty(q))
            }
            surveys.append(
                ZISummary.Survey(
                    name: name, questionnaire: q, quarters: quarters, semesters: semesters,
                    year: GroupResult(.year(year), label: "Tahun \(year)", result: report.result)))
        }
        return ZISummary(year: year, scopeDescription: description, generatedOn: clock.today(), surveys: surveys)
    }

    /// The one-page printable HTML of a summary (SKMReport's renderer), written to `path` as a new
    /// file; an existing file is replaced only when `replacing` (the user's `--force`).
    public func writeZonaIntegritasPage(_ summary: ZISummary, to path: String, replacing: Bool) throws {
        try AtomicFile.write(
            HTMLReport.renderPage(ZIPage.document(summary)), to: path, visibility: .publication,
            replacing: replacing ? .userNamedFile : .nothing)
    }
}

extension SKMService {
    /// `--ipkp` and `--ipak` must name two different Zona Integritas perception surveys
    /// (questionnaires whose bands carry LKE values): an SKM form scored as IPAK would be reported
    /// without its LKE value, and one survey twice is a typo.
    func checkZISurveys(ipkp: String, ipak: String) throws {
        let catalog = try catalog()
        for (field, id) in [("ipkp", ipkp), ("ipak", ipak)] where !(try catalog.questionnaire(id).isIntegrityPerceptionSurvey) {
            throw SKMError(
                .invalidFilter,
                "Kuesioner \(id) bukan survei persepsi Zona Integritas (tabel mutunya tanpa nilai LKE); pilih mis. \(ZISurveys.ipkp) atau \(ZISurveys.ipak).",
                field: field)
        }
        guard try catalog.questionnaire(ipkp).id != catalog.questionnaire(ipak).id else {
            throw SKMError(.invalidFilter, "IPKP dan IPAK tidak boleh kuesioner yang sama (\(ipkp)).", field: "ipak")
        }
    }
}
