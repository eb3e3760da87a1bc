public import SKMCore
import SKMReport
import SKMStore

/// What `skm rtl import` did: the items it added and how many were there already.
public struct RTLImportOutcome: Sendable {
    /// The items added, by number.
    public var added: [RTLItem]
    /// Entries of the file already imported before (left as they are).
    public var alreadyThere: Int
}

extension SKMService {
    /// Imports the `rtl` list of a report profile (`skm-report.json`) into the register as items
    /// of survey year `year`. Each entry's target is the last day of its latest quarter (`waktu`)
    /// in the year after the survey (31 December when it names none), the year the report's RTL
    /// table plans for; it is set on 1 January of that year (or today, when earlier). Every
    /// entry is checked before any is stored; entries imported before are skipped, so the same
    /// file can be imported again. Entries of another questionnaire (`rtlEntries`) are left to
    /// that questionnaire's import.
    public func importRTL(profilePath path: String, year rawYear: Int, questionnaire named: String? = nil) throws
        -> RTLImportOutcome
    {
        let today = clock.today()
        let year = try FollowUpValues.year(rawYear, today: today)
        let profile = try profileFile(path)
        guard !profile.rtl.isEmpty else {
            throw SKMError(.missingField, "Berkas \(path) tidak memuat daftar \"rtl\"; tidak ada yang diimpor.", field: "rtl")
        }
        let unit = profile.units.count == 1 ? try resolveUnit(profile.units[0], field: "office.unit") : nil
        let q = try questionnaire(ofYear: year, unit: unit, named: named)
        let entries = try rtlEntries(of: profile, for: q, year: year, unit: unit)
        guard !entries.isEmpty else {
            throw SKMError(
                .missingField,
                "Daftar \"rtl\" di berkas \(path) tidak memuat RTL kuesioner \(q.id) (setiap RTL menyebut kuesioner lain); tidak ada yang diimpor.",
                field: "rtl")
        }
        let plannedOn = min(today, CivilDate(year: year + 1, month: 1, day: 1) ?? today)
        let at = clock.timestamp()
        var items: [(RTLItem, String)] = []
        for entry in entries {
            let lastQuarter = entry.quarters.max() ?? 4
            let target = CivilDate(year: year + 1, month: lastQuarter * 3, day: lastQuarter == 1 || lastQuarter == 4 ? 31 : 30)
            guard let target, let index = q.unsurIndex(of: entry.unsur) else { continue }
            let item = RTLItem(
                number: 0, version: 1, year: year, unsur: q.unsur[index].code, questionnaire: q.id, program: entry.program,
                penanggungJawab: entry.penanggungJawab, target: target, plannedOn: plannedOn, unitCode: unit?.code,
                serviceCode: nil, action: "import", recordedAt: at)
            let key = [
                String(year), item.unsur, entry.program, entry.quarters.map(String.init).joined(separator: ","),
                entry.penanggungJawab ?? "", unit?.code ?? "",
            ].joined(separator: "\u{1F}")
            items.append((item, key))
        }
        let added = try existingStore().addRTLItems(items)
        return RTLImportOutcome(added: added, alreadyThere: items.count - added.count)
    }
}
