import SKMCore
import Testing

/// The follow-up figures against numbers counted by hand.
@Suite struct FollowUpSummaryTests {
    static func date(_ text: String) -> CivilDate { CivilDate(iso: text) ?? CivilDate(dayNumber: 0) }

    static func item(
        _ number: Int, _ unsur: String, target: String, done: String? = nil, service: String? = nil, cancelled: Bool = false,
        year: Int = 2025
    ) -> RTLItem {
        RTLItem(
            number: number, version: 1, year: year, unsur: unsur, questionnaire: "permenpanrb-14-2017",
            program: "Program \(number)",
            penanggungJawab: "Kasi", target: date(target), plannedOn: date("2025-11-01"), unitCode: service == nil ? nil : "KEC",
            serviceCode: service, doneOn: done.map(date), cancelled: cancelled, action: "add", recordedAt: "t")
    }

    /// Period end 2025-11-30. Done 2026-02-28 is 31 + 31 + 28 = 90 days later, 2026-04-10 is
    /// 90 + 31 + 10 = 131; done 2025-11-15 (before the end) counts 0.
    static let items = [
        item(1, "U3", target: "2026-03-31", done: "2026-02-28"),
        item(2, "U9", target: "2026-03-31", done: "2026-04-10", service: "KTP"),
        item(3, "U5", target: "2026-06-30", service: "KTP"),
        item(4, "U1", target: "2026-06-30", done: "2026-01-10", cancelled: true),
        item(5, "U7", target: "2025-12-31", done: "2025-11-15"),
    ]

    static func publication(_ number: Int, _ medium: PublicationMedium, year: Int = 2025, voided: Bool = false)
        -> PublicationRecord
    {
        PublicationRecord(
            number: number, version: 1, year: year, medium: medium, publishedOn: date("2026-01-20"), link: nil, note: nil,
            voidReason: voided ? "salah" : nil, recordedAt: "t")
    }

    @Test func sharesAndSpeedOfAYearAndItsServices() throws {
        let publications = [
            Self.publication(1, .website), Self.publication(2, .papanPengumuman), Self.publication(3, .website),
            Self.publication(4, .mediaSosial, voided: true), Self.publication(5, .radio, year: 2024),
        ]
        let years = FollowUpSummary.years(items: Self.items, publications: publications) { year in
            year == 2025 ? Self.date("2025-11-30") : Self.date("\(year)-12-31")
        }
        #expect(years.map(\.year) == [2024, 2025])
        let y2024 = years[0]
        #expect(y2024.total.figures.items == 0 && y2024.total.figures.shareDone == nil && y2024.total.figures.meanDays == nil)
        #expect(y2024.media == [.radio])

        let y = years[1]
        let f = y.total.figures
        // Item 4 is cancelled: 4 items count, 3 done (1, 2, 5), 2 by their target (1, 5).
        #expect(f.items == 4 && f.done == 3 && f.doneOnTime == 2)
        #expect(f.shareDone == 75)
        #expect(f.shareOnTime == 50)
        #expect(f.daysSum == 221 && f.maxDays == 131)
        #expect(abs((f.meanDays ?? 0) - 221.0 / 3) < 1e-12)
        #expect(y.total.periodEnd == Self.date("2025-11-30"))

        #expect(y.services.count == 1)
        let ktp = y.services[0]
        #expect(ktp.unitCode == "KEC" && ktp.serviceCode == "KTP")
        #expect(ktp.figures.items == 2 && ktp.figures.done == 1 && ktp.figures.doneOnTime == 0)
        #expect(ktp.figures.shareDone == 50 && ktp.figures.shareOnTime == 0 && ktp.figures.meanDays == 131)

        // Website twice and a board; the voided social-media entry does not count.
        #expect(y.media == [.website, .papanPengumuman])
        #expect(y.publications == 3)
    }

    @Test func daysCountFromThePeriodEndAndNeverBelowZero() {
        #expect(RTLFigures.days(from: Self.date("2025-12-31"), to: Self.date("2026-01-01")) == 1)
        #expect(RTLFigures.days(from: Self.date("2024-02-28"), to: Self.date("2024-03-01")) == 2)
        #expect(RTLFigures.days(from: Self.date("2025-12-31"), to: Self.date("2025-12-01")) == 0)
    }

    @Test func theHighestVersionOfAnItemIsCurrent() {
        var corrected = Self.items[0]
        corrected.version = 2
        corrected.program = "Dikoreksi"
        let current = FollowUpSummary.current([Self.items[1], corrected, Self.items[0]])
        #expect(current.map(\.number) == [1, 2])
        #expect(current[0].program == "Dikoreksi")
    }
}
