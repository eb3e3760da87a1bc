public import SKMCore

// The readings of the follow-up register's values (dates, media, links, texts), shared by
// `skm rtl`, `skm publish` and the `rtl.*` / `publish.*` methods.

/// Dates, texts and links of the RTL register and the publication log.
public enum FollowUpValues {
    /// A date written `TTTT-BB-HH` (or `HH-BB-TTTT`, `HH/BB/TTTT`); anything else is `invalid_date`.
    public static func date(_ raw: String, field: String, what: String) throws(SKMError) -> CivilDate {
        let text = raw.trimmingSpaces()
        if let date = CivilDate(iso: text) ?? CivilDate(dayMonthYear: text) { return date }
        throw SKMError(
            .invalidDate, "\(what) \"\(raw.clipped(40))\" tidak sah: tulis TTTT-BB-HH, mis. 2026-03-31.", field: field)
    }

    /// A survey year of the register: 2000–9999 and not after the current year.
    public static func year(_ year: Int, today: CivilDate, field: String = "year") throws(SKMError) -> Int {
        guard (2000...9999).contains(year) else {
            throw SKMError(.invalidFilter, "Tahun \(year) tidak sah; tulis empat angka, mis. 2025.", field: field)
        }
        guard year <= today.year else {
            throw SKMError(
                .futureDate, "Tahun survei \(year) belum dimulai (hari ini \(today.iso)).", field: field)
        }
        return year
    }

    /// A required one-line or multi-line text of at most `limit` characters.
    public static func text(_ raw: String?, field: String, what: String, limit: Int, multiline: Bool = false) throws(SKMError)
        -> String
    {
        guard let clean = try optionalText(raw, field: field, what: what, limit: limit, multiline: multiline) else {
            throw SKMError(.missingField, "\(what) wajib diisi.", field: field)
        }
        return clean
    }

    /// An optional text: trimmed, empty means absent, no control characters, at most `limit` characters.
    public static func optionalText(_ raw: String?, field: String, what: String, limit: Int, multiline: Bool = false)
        throws(SKMError) -> String?
    {
        guard let clean = try TextRules.comment(raw, field: field) else { return nil }
        if clean.count > limit {
            throw SKMError(.textTooLong, "\(what) terlalu panjang (\(clean.count) karakter, maksimal \(limit)).", field: field)
        }
        if !multiline && clean.contains(where: { $0 == "\n" || $0 == "\r" }) {
            throw SKMError(.invalidText, "\(what) harus satu baris.", field: field)
        }
        return clean
    }

    /// A publication medium by its name (`website`, `papan-pengumuman`, `media-sosial`,
    /// `media-cetak`, `radio`, `televisi`, `aplikasi`, `forum`, `lainnya`; case, spaces and `_`
    /// forgiven); anything else is `invalid_medium`.
    public static func medium(_ raw: String, field: String = "medium") throws(SKMError) -> PublicationMedium {
        let name = String(
            raw.trimmingSpaces().lowercased().map { $0 == " " || $0 == "_" ? "-" : $0 })
        if let medium = PublicationMedium(rawValue: name) { return medium }
        throw SKMError(
            .invalidMedium,
            "Media \"\(raw.clipped(40))\" tidak dikenal; pilih \(PublicationMedium.allCases.map(\.rawValue).joined(separator: ", ")).",
            field: field)
    }

    /// An optional link: an `http://` or `https://` address with a host, no spaces, at most 500 characters.
    public static func link(_ raw: String?, field: String = "link") throws(SKMError) -> String? {
        guard let raw else { return nil }
        let text = raw.trimmingSpaces()
        guard !text.isEmpty else { return nil }
        let lower = text.lowercased()
        let rest = lower.hasPrefix("https://") ? text.dropFirst(8) : (lower.hasPrefix("http://") ? text.dropFirst(7) : nil)
        guard let rest, let host = rest.split(separator: "/", omittingEmptySubsequences: false).first, !host.isEmpty,
            text.count <= 500, !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F })
        else {
            throw SKMError(
                .invalidLink, "Tautan \"\(text.clipped(60))\" tidak sah: tulis alamat lengkap http:// atau https://.",
                field: field)
        }
        return text
    }
}
