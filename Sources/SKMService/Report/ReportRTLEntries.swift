import SKMCore
import SKMReport

extension SKMService {
    /// The profile's RTL entries that belong to the report (or register import) of questionnaire
    /// `q`. An entry naming a `questionnaire` belongs to that one; an entry naming none belongs
    /// to the questionnaire year `year` was measured with (of `unit`, when one; `q` when the
    /// year's data does not settle it). So the SKM's RTL stays out of the IPAK report of the
    /// same year, and the reverse. Every entry must name an unsur of its own questionnaire
    /// (`unknown_unsur`) and a questionnaire skm knows (`unknown_questionnaire`), whichever
    /// report is asked for, so a typo is found at once.
    func rtlEntries(of profile: ReportProfile, for q: Questionnaire, year: Int, unit: UnitRecord?) throws -> [RTLEntry] {
        let catalog = try catalog()
        var yearQuestionnaire: Questionnaire?
        var entries: [RTLEntry] = []
        let prefix = profile.origin.map { "Berkas profil \($0): " } ?? ""
        for ((entry, field), named) in zip(zip(profile.rtl, profile.rtlFields), profile.rtlQuestionnaires) {
            let owner: Questionnaire
            if let named {
                do {
                    owner = try catalog.questionnaire(named, field: field + ".questionnaire")
                } catch {
                    throw SKMError(error.code, prefix + error.message, field: error.field, details: error.details)
                }
            } else {
                if yearQuestionnaire == nil {
                    yearQuestionnaire = (try? questionnaire(ofYear: year, unit: unit, named: nil)) ?? q
                }
                owner = yearQuestionnaire ?? q
            }
            guard owner.unsurIndex(of: entry.unsur) != nil else {
                let codes = owner.unsur.map(\.code).joined(separator: ", ")
                throw SKMError(
                    .unknownUnsur,
                    "\(prefix)\(field).unsur \"\(entry.unsur.clipped(20))\" tidak ada di kuesioner \(owner.id) (\(codes)).",
                    field: field + ".unsur")
            }
            if owner.id == q.id { entries.append(entry) }
        }
        return entries
    }
}
