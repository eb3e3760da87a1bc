import Foundation
import SKMCore
import SKMJSON
import SKMService
import SKMTestSupport
import Testing

/// The RTL register and the publication log: every command's rule, every bad input (with its
/// code, and nothing stored), and the figures against numbers counted by hand. Today is 2026-11-22.
@Suite struct FollowUpServiceTests {
    static func request(
        _ unsur: String = "U3", target: String = "2026-06-30", plannedOn: String? = "2026-01-05", service: String? = nil,
        year: Int = 2025, program: String = "Pelatihan petugas loket", pj: String = "Sekretaris Camat"
    ) -> RTLAddRequest {
        var r = RTLAddRequest(year: year, unsur: unsur, program: program, penanggungJawab: pj, target: target)
        r.plannedOn = plannedOn
        r.unit = service == nil ? nil : "KEC"
        r.service = service
        return r
    }

    /// A fixture with two 2025 responses, the last on 2025-11-30 (the end of the survey period).
    static func fixture() throws -> ServiceFixture {
        let f = try ServiceFixture()
        _ = try f.service.submitMany([f.draft("444444443", date: "2025-03-14"), f.draft("333333333", date: "2025-11-30")])
        return f
    }

    @Test func anItemIsAddedDoneAndListed() throws {
        let f = try Self.fixture()
        let item = try f.service.addRTL(Self.request("u3", service: "ktp"))
        #expect(item.number == 1 && item.version == 1 && item.unsur == "U3" && item.questionnaire == "permenpanrb-14-2017")
        #expect(item.unitCode == "KEC" && item.serviceCode == "KTP" && item.target.iso == "2026-06-30")
        let second = try f.service.addRTL(Self.request("U9", target: "2026-12-31", plannedOn: nil))
        #expect(second.number == 2 && second.plannedOn.iso == "2026-11-22")
        let done = try f.service.completeRTL(number: 1, date: "2026-05-04", evidence: "Daftar hadir pelatihan")
        #expect(done.version == 2 && done.doneOn?.iso == "2026-05-04" && done.doneOnTime && done.action == "done")
        let listed = try f.service.rtlItems(year: 2025)
        #expect(listed.map(\.number) == [1, 2] && listed[0].evidence == "Daftar hadir pelatihan" && listed[1].doneOn == nil)
        #expect(try f.service.rtlItems(year: 2024).isEmpty)
    }

    @Test func everyBadItemIsRefusedWithItsCodeAndNothingStored() throws {
        let f = try Self.fixture()
        let cases: [(RTLAddRequest, ErrorCode, String)] = [
            (Self.request("U12"), .unknownUnsur, "unsur"),
            (Self.request(""), .missingField, "unsur"),
            (Self.request(target: "2026-02-30"), .invalidDate, "target"),
            (Self.request(target: "besok"), .invalidDate, "target"),
            (Self.request(target: "2026-01-04"), .dateOrder, "target"),
            (Self.request(plannedOn: "2026-12-01"), .futureDate, "date"),
            (Self.request(plannedOn: "2024-12-31"), .dateOrder, "date"),
            (Self.request(year: 2027), .futureDate, "year"),
            (Self.request(year: 1999), .invalidFilter, "year"),
            (Self.request(program: "  "), .missingField, "program"),
            (Self.request(pj: "Kasi\nPelayanan"), .invalidText, "pj"),
            (Self.request(pj: String(repeating: "x", count: 301)), .textTooLong, "pj"),
            (Self.request(service: "NIKAH"), .unknownService, "service"),
        ]
        for (request, code, field) in cases {
            let error = skmError { _ = try f.service.addRTL(request) }
            #expect(error?.code == code, "\(request)")
            #expect(error?.field == field, "\(request)")
        }
        var unknownUnit = Self.request()
        unknownUnit.unit = "DESA"
        #expect(skmError { _ = try f.service.addRTL(unknownUnit) }?.code == .unknownUnit)
        #expect(try f.service.rtlItems().isEmpty)
    }

    @Test func theUnsurIsCheckedAgainstTheQuestionnaireOfThatYear() throws {
        let f = try Self.fixture()
        // 2004 has 14 unsur: U12 (Kepastian jadwal) exists there, not in the 2017 questionnaire.
        var draft = f.draft("44444444444444", date: "2023-05-02")
        draft.questionnaire = "kepmenpan-25-2004"
        _ = try f.service.submit(draft)
        let item = try f.service.addRTL(Self.request("U12", plannedOn: "2024-01-10", year: 2023))
        #expect(item.questionnaire == "kepmenpan-25-2004")
        #expect(skmError { _ = try f.service.addRTL(Self.request("U12")) }?.code == .unknownUnsur)
    }

    @Test func completionRulesAndCorrections() throws {
        let f = try Self.fixture()
        _ = try f.service.addRTL(Self.request())
        let before = try f.service.rtlHistory(number: 1)
        let cases: [(Int, String, String, ErrorCode)] = [
            (1, "2026-12-01", "bukti", .futureDate),
            (1, "2026-01-04", "bukti", .dateOrder),
            (1, "1-13-2026", "bukti", .invalidDate),
            (1, "2026-05-04", " ", .missingField),
            (9, "2026-05-04", "bukti", .rtlNotFound),
        ]
        for (number, date, evidence, code) in cases {
            #expect(skmError { _ = try f.service.completeRTL(number: number, date: date, evidence: evidence) }?.code == code)
        }
        #expect(try f.service.rtlHistory(number: 1) == before)

        _ = try f.service.completeRTL(number: 1, date: "2026-07-04", evidence: "Foto kegiatan")
        #expect(skmError { _ = try f.service.completeRTL(number: 1, date: "2026-07-05", evidence: "x") }?.code == .rtlAlreadyDone)
        #expect(skmError { _ = try f.service.correctRTL(number: 1, RTLCorrection(reason: "")) }?.code == .missingField)
        #expect(skmError { _ = try f.service.correctRTL(number: 1, RTLCorrection(reason: "tidak ada")) }?.code == .missingField)
        #expect(
            skmError { _ = try f.service.correctRTL(number: 1, RTLCorrection(reason: "x", target: "2025-12-01")) }?.code
                == .dateOrder)
        let corrected = try f.service.correctRTL(
            number: 1, RTLCorrection(reason: "tanggal salah ketik", doneOn: "2026-06-29"))
        #expect(corrected.version == 3 && corrected.doneOnTime && corrected.reason == "tanggal salah ketik")
        #expect(corrected.evidence == "Foto kegiatan" && corrected.action == "correct")

        _ = try f.service.addRTL(Self.request("U9"))
        #expect(
            skmError { _ = try f.service.correctRTL(number: 2, RTLCorrection(reason: "x", evidence: "bukti")) }?.code
                == .missingField)
        let cancelled = try f.service.correctRTL(number: 2, RTLCorrection(reason: "digabung ke RTL 1", cancel: true))
        #expect(cancelled.cancelled && cancelled.action == "cancel")
        #expect(skmError { _ = try f.service.completeRTL(number: 2, date: "2026-05-04", evidence: "x") }?.code == .rtlCancelled)
        #expect(
            skmError { _ = try f.service.correctRTL(number: 2, RTLCorrection(reason: "x", cancel: true)) }?.code == .rtlCancelled)
        // Every version stays: add, done, correct for item 1.
        #expect(try f.service.rtlHistory(number: 1).map(\.action) == ["add", "done", "correct"])
        #expect(try f.service.rtlHistory(number: 1).map(\.doneOn?.iso) == [nil, "2026-07-04", "2026-06-29"])
    }

    /// The same items as the core test, through the service: the period ends on the last survey
    /// day (2025-11-30); 4 items count, 3 done, 2 on time; days 90, 131 and 0.
    @Test func theSummaryMatchesTheHandCountedFigures() throws {
        let f = try Self.fixture()
        _ = try f.service.addRTL(Self.request("U3", target: "2026-03-31", plannedOn: "2025-11-01"))
        _ = try f.service.addRTL(Self.request("U9", target: "2026-03-31", plannedOn: "2025-11-01", service: "KTP"))
        _ = try f.service.addRTL(Self.request("U5", target: "2026-06-30", plannedOn: "2025-11-01", service: "KTP"))
        _ = try f.service.addRTL(Self.request("U1", target: "2026-06-30", plannedOn: "2025-11-01"))
        _ = try f.service.addRTL(Self.request("U7", target: "2025-12-31", plannedOn: "2025-11-01"))
        _ = try f.service.completeRTL(number: 1, date: "2026-02-28", evidence: "a")
        _ = try f.service.completeRTL(number: 2, date: "2026-04-10", evidence: "b")
        _ = try f.service.completeRTL(number: 4, date: "2026-01-10", evidence: "c")
        _ = try f.service.correctRTL(number: 4, RTLCorrection(reason: "ganda", cancel: true))
        _ = try f.service.completeRTL(number: 5, date: "2025-11-15", evidence: "d")
        _ = try f.service.addPublication(
            year: 2025, medium: "website", date: "2026-01-20", link: "https://kec.go.id/skm", note: nil)
        _ = try f.service.addPublication(year: 2025, medium: "Papan Pengumuman", date: "2026-01-21", link: nil, note: "Lobi")
        _ = try f.service.addPublication(year: 2025, medium: "website", date: "2026-02-01", link: nil, note: nil)
        _ = try f.service.addPublication(year: 2025, medium: "media_sosial", date: "2026-02-01", link: nil, note: nil)
        _ = try f.service.voidPublication(number: 4, reason: "belum terbit")

        let years = try f.service.rtlSummary()
        #expect(years.map(\.year) == [2025])
        let y = years[0]
        #expect(y.total.periodEnd.iso == "2025-11-30")
        let t = y.total.figures
        #expect(t.items == 4 && t.done == 3 && t.doneOnTime == 2 && t.shareDone == 75 && t.shareOnTime == 50)
        #expect(t.daysSum == 221 && t.maxDays == 131)
        let ktp = y.services.first { $0.serviceCode == "KTP" }?.figures
        #expect(ktp?.items == 2 && ktp?.done == 1 && ktp?.shareDone == 50 && ktp?.shareOnTime == 0 && ktp?.meanDays == 131)
        #expect(y.media == [.website, .papanPengumuman] && y.publications == 3)

        let json = FollowUpJSON.summary(years)
        let first = json.arrayValue?.first
        #expect(first?["mediaCount"]?.numberValue?.int == 2)
        #expect(first?["shareDone"]?.numberValue?.double == 75)
        #expect(first?["services"]?.arrayValue?.first?["unit"]?.stringValue == "KEC")
        #expect(try f.service.rtlSummary(year: 2024).isEmpty)
    }

    @Test func aYearWithoutResponsesEndsOn31December() throws {
        let f = try Self.fixture()
        _ = try f.service.addRTL(Self.request(target: "2026-03-31", plannedOn: "2026-01-02", year: 2025))
        _ = try f.service.addPublication(year: 2024, medium: "radio", date: "2025-01-10", link: nil, note: nil)
        let years = try f.service.rtlSummary()
        #expect(years.map { $0.total.periodEnd.iso } == ["2024-12-31", "2025-11-30"])
    }

    @Test func badPublicationsAreRefusedAndNothingIsStored() throws {
        let f = try Self.fixture()
        let cases: [(Int, String, String, String?, ErrorCode, String)] = [
            (2025, "koran", "2026-01-20", nil, .invalidMedium, "medium"),
            (2025, "website", "2026-13-01", nil, .invalidDate, "date"),
            (2025, "website", "2026-12-01", nil, .futureDate, "date"),
            (2025, "website", "2024-12-31", nil, .dateOrder, "date"),
            (2027, "website", "2026-01-20", nil, .futureDate, "year"),
            (2025, "website", "2026-01-20", "kec.go.id/skm", .invalidLink, "link"),
            (2025, "website", "2026-01-20", "https://", .invalidLink, "link"),
            (2025, "website", "2026-01-20", "https://kec.go.id/a b", .invalidLink, "link"),
            (2025, "website", "2026-01-20", "javascript:alert(1)", .invalidLink, "link"),
        ]
        for (year, medium, date, link, code, field) in cases {
            let error = skmError {
                _ = try f.service.addPublication(year: year, medium: medium, date: date, link: link, note: nil)
            }
            #expect(error?.code == code, "\(medium) \(date) \(link ?? "")")
            #expect(error?.field == field)
        }
        #expect(try f.service.publications().isEmpty)
        _ = try f.service.addPublication(year: 2025, medium: "website", date: "2026-01-20", link: nil, note: nil)
        #expect(skmError { _ = try f.service.voidPublication(number: 2, reason: "x") }?.code == .publicationNotFound)
        #expect(skmError { _ = try f.service.voidPublication(number: 1, reason: " ") }?.code == .missingField)
        _ = try f.service.voidPublication(number: 1, reason: "salah tahun")
        #expect(skmError { _ = try f.service.voidPublication(number: 1, reason: "lagi") }?.code == .alreadyVoided)
        let listed = try f.service.publications()
        #expect(listed.count == 1 && listed[0].voidReason == "salah tahun" && listed[0].version == 2)
    }

    static let profile = """
        {"office": {"name": "Kecamatan Uji"},
         "rtl": [{"unsur": "u3", "program": "Papan alur layanan", "waktu": ["TW I", "TW II"], "penanggungJawab": "Kasi Pelayanan"},
                 {"unsur": "U9", "program": "Ruang tunggu", "waktu": []}]}
        """

    @Test func theProfileRTLIsImportedOnce() throws {
        let f = try Self.fixture()
        let path = try f.file("skm-report.json", Self.profile)
        let first = try f.service.importRTL(profilePath: path, year: 2025)
        #expect(first.added.map(\.number) == [1, 2] && first.alreadyThere == 0)
        // The latest quarter named in 2026 (TW II ends 30 June); none named: 31 December.
        #expect(first.added.map(\.target.iso) == ["2026-06-30", "2026-12-31"])
        #expect(first.added.map(\.plannedOn.iso) == ["2026-01-01", "2026-01-01"])
        #expect(first.added[0].unsur == "U3" && first.added[0].penanggungJawab == "Kasi Pelayanan")
        #expect(first.added[1].penanggungJawab == nil && first.added[1].action == "import")
        let again = try f.service.importRTL(profilePath: path, year: 2025)
        #expect(again.added.isEmpty && again.alreadyThere == 2)
        #expect(try f.service.rtlItems().count == 2)
    }

    @Test func aBadProfileImportsNothing() throws {
        let f = try Self.fixture()
        let bad = try f.file(
            "bad.json",
            #"{"rtl": [{"unsur": "U3", "program": "A"}, {"unsur": "U99", "program": "B"}]}"#)
        #expect(skmError { _ = try f.service.importRTL(profilePath: bad, year: 2025) }?.code == .unknownUnsur)
        let empty = try f.file("empty.json", #"{"office": {"name": "X"}}"#)
        #expect(skmError { _ = try f.service.importRTL(profilePath: empty, year: 2025) }?.code == .missingField)
        #expect(skmError { _ = try f.service.importRTL(profilePath: bad, year: 2027) }?.code == .futureDate)
        #expect(try f.service.rtlItems().isEmpty)
    }
}
