import Testing

@testable import SKMCore

/// The date forms an import reads (`DateText`), each against the date a person reads in it.
@Suite struct DateTextTests {
    func date(_ y: Int, _ m: Int, _ d: Int) -> DateText.Reading {
        CivilDate(year: y, month: m, day: d).map(DateText.Reading.date) ?? .invalid
    }

    @Test func yearFirstWithOrWithoutATime() {
        #expect(DateText.read("2025-03-14") == date(2025, 3, 14))
        #expect(DateText.read("2025/03/14") == date(2025, 3, 14))
        #expect(DateText.read("2025/3/4") == date(2025, 3, 4))
        // Google Forms' own CSV download.
        #expect(DateText.read("2025/03/14 9:05:12 AM GMT+7") == date(2025, 3, 14))
        #expect(DateText.read("2025/03/14 11:59:59 pm GMT+07:00") == date(2025, 3, 14))
        #expect(DateText.read("2025/03/14 9:05:12 AM UTC") == date(2025, 3, 14))
        #expect(DateText.read("2025-03-14 09:05") == date(2025, 3, 14))
        #expect(DateText.read("2025-03-14 09:05:12 WIB") == date(2025, 3, 14))
        #expect(DateText.read("2025-03-14T09:05:12Z") == date(2025, 3, 14))
        #expect(DateText.read("2025-03-14T09:05:12.250+07:00") == date(2025, 3, 14))
        #expect(DateText.read("2025-03-14T09:05:12-0300") == date(2025, 3, 14))
    }

    @Test func dayFirstAsIndonesianLocalesWriteIt() {
        #expect(DateText.read("14/03/2025") == date(2025, 3, 14))
        #expect(DateText.read("3/4/2025") == date(2025, 4, 3))
        #expect(DateText.read("14/03/2025 09:05:12") == date(2025, 3, 14))
        #expect(DateText.read("03/04/2025 9:05") == date(2025, 4, 3))
        #expect(DateText.read("14/03/2025 23:59:59 WITA") == date(2025, 3, 14))
        #expect(DateText.read("14/03/2025 09.05.12") == date(2025, 3, 14))
        #expect(DateText.read("2025-03-14 09:05:12-03:00") == date(2025, 3, 14))
    }

    /// A 12-hour clock comes from an English locale, month first or day first: only unambiguous dates.
    @Test func twelveHourClocksOnlyWhenTheOrderCannotMatter() {
        #expect(DateText.read("3/14/2025 9:05:12 AM") == date(2025, 3, 14))
        #expect(DateText.read("14/3/2025 9:05:12 PM") == date(2025, 3, 14))
        #expect(DateText.read("4/4/2025 9:05:12 PM") == date(2025, 4, 4))
        #expect(DateText.read("3/4/2025 9:05:12 AM") == .ambiguous)
        #expect(DateText.read("12/11/2025 12:00 PM GMT+7") == .ambiguous)
    }

    @Test func otherTextIsNotADate() {
        for text in [
            "", "2025", "14-03-2025", "2025.03.14", "31/02/2025", "2025/02/30", "2025-03-14 25:00", "2025-03-14 9:60",
            "2025-03-14 13:00 PM", "2025-03-14 0:30 AM", "2025-03-14 9:05:12 AM GMT+7 extra", "2025-03-14 pagi",
            "2025-03-14T", "2025/03/14 9:05:12 AM GMT+abc", "14/03/25", "1/2/3/2025", "20250/03/14", "2025//14",
            "2025-03-14 9:05:123", "2025-03-14 09:05 XYZ", "14/03/2025 09.05.12.5", "14/03/2025 09:05.12", "٢٠٢٥-03-14",
        ] {
            #expect(DateText.read(text) == .invalid, "\(text)")
        }
    }

    /// The import validator uses the rule; a plain submit keeps `YYYY-MM-DD` only.
    @Test func theImportValidatorUsesItAndNamesTheForms() throws {
        let today = CivilDate(year: 2026, month: 1, day: 1) ?? CivilDate(dayNumber: 0)
        #expect(
            try ResponseValidator.validateDate("2025/03/14 9:05:12 AM GMT+7", today: today, dayFirst: true).iso == "2025-03-14")
        #expect(throws: SKMError.self) {
            try ResponseValidator.validateDate("2025/03/14 9:05:12 AM GMT+7", today: today, dayFirst: false)
        }
        do {
            _ = try ResponseValidator.validateDate("3/4/2025 9:05:12 AM", today: today, dayFirst: true)
            Issue.record("an ambiguous timestamp was accepted")
        } catch {
            #expect(error.code == .invalidDate)
            #expect(error.message.contains("ambigu"))
            #expect(error.message.contains("2025/03/14 9:05:12 AM"))
        }
    }
}
