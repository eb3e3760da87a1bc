public import SKMCore
import SKMStore

extension SKMService {
    /// Logs a publication of year `year`'s SKM results: a known medium, a date in or after the
    /// survey year and not in the future, an optional http(s) link and note. The same entry again
    /// (year, medium, date, link and note all equal to one not voided) stores nothing and returns
    /// the earlier entry with `alreadyRecorded` true.
    public func addPublication(year rawYear: Int, medium rawMedium: String, date: String, link: String?, note: String?) throws
        -> (record: PublicationRecord, alreadyRecorded: Bool)
    {
        let today = clock.today()
        let year = try FollowUpValues.year(rawYear, today: today)
        let medium = try FollowUpValues.medium(rawMedium)
        let publishedOn = try FollowUpValues.date(date, field: "date", what: "Tanggal publikasi")
        if publishedOn > today {
            throw SKMError(.futureDate, "Tanggal publikasi \(publishedOn.iso) belum tiba (hari ini \(today.iso)).", field: "date")
        }
        if publishedOn.year < year {
            throw SKMError(
                .dateOrder, "Tanggal publikasi \(publishedOn.iso) sebelum tahun survei \(year) dimulai.", field: "date")
        }
        let record = PublicationRecord(
            number: 0, version: 1, year: year, medium: medium, publishedOn: publishedOn, link: try FollowUpValues.link(link),
            note: try FollowUpValues.optionalText(note, field: "note", what: "Catatan", limit: Self.rtlTextLimit),
            recordedAt: clock.timestamp())
        let (stored, isNew) = try existingStore().addPublication(record)
        return (stored, !isNew)
    }

    /// Voids publication entry `number` with a reason (a new version; the entry stays listed as voided).
    public func voidPublication(number: Int, reason rawReason: String) throws -> PublicationRecord {
        let reason = try TextRules.reason(rawReason)
        let at = clock.timestamp()
        let voided = try existingStore().changePublication(number: number) { current in
            if current.voidReason != nil {
                throw SKMError(.alreadyVoided, "Publikasi \(number) sudah dibatalkan.", field: "number")
            }
            var next = current
            next.voidReason = reason
            next.recordedAt = at
            return next
        }
        guard let voided else {
            throw SKMError(
                .publicationNotFound, "Publikasi nomor \(number) tidak ada. Lihat daftarnya dengan 'skm publish list'.",
                field: "number")
        }
        return voided
    }

    /// The current state of every publication entry (of one year), by number; voided ones included.
    public func publications(year: Int? = nil) throws -> [PublicationRecord] {
        FollowUpSummary.current(try existingStore().publicationVersions()).filter { year == nil || $0.year == year }
    }
}
