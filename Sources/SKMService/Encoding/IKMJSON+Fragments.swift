import SKMCore
import SKMJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension IKMJSON {
    /// The parts of a result object that depend only on the questionnaire, written once per
    /// questionnaire and output mode by the same functions `write` uses for them otherwise.
    /// A class: handing it out costs one retain, not one per member.
    final class Fragments: Sendable {
        let questionnaire: JSONFragment
        let unsurNames: [JSONFragment]
        /// The questionnaire's bands (as they are and by mutu and kinerja) and their members,
        /// index for index.
        let bands: [Band]
        let bandMutu: [String]
        let bandKinerja: [String]
        let bandMembers: [JSONFragment]
        let ciMethod: JSONFragment

        init(_ q: Questionnaire, asciiOnly: Bool) {
            questionnaire = JSONFragment(asciiOnly: asciiOnly) { IKMJSON.writeQuestionnaire(q, into: &$0) }
            unsurNames = q.unsur.map { u in
                JSONFragment(asciiOnly: asciiOnly) { IKMJSON.writeNames(code: u.code, name: u.name, into: &$0) }
            }
            bands = q.bands.bands
            bandMutu = q.bands.bands.map(\.mutu)
            bandKinerja = q.bands.bands.map(\.kinerja)
            bandMembers = q.bands.bands.map { band in
                JSONFragment(asciiOnly: asciiOnly) { IKMJSON.writeBand(mutu: band.mutu, kinerja: band.kinerja, into: &$0) }
            }
            ciMethod = JSONFragment(asciiOnly: asciiOnly) { $0.member("method", IKMJSON.ciMethod) }
        }

        /// Writes the members for unsur `index` when they are the questionnaire's own (they always
        /// are for results scored from it); false, with nothing written, otherwise.
        func writeNames(_ index: Int, code: String, name: String, of q: Questionnaire, into s: inout JSONStream) -> Bool {
            guard index < unsurNames.count, index < q.unsur.count, q.unsur[index].code == code, q.unsur[index].name == name
            else { return false }
            s.members(unsurNames[index])
            return true
        }

        /// Writes the members of the questionnaire's band with this mutu and kinerja; false, with
        /// nothing written, when it has none.
        func writeBand(_ band: Band, into s: inout JSONStream) -> Bool {
            // Results scored from the questionnaire hold copies of its bands: found without
            // comparing strings.
            for index in bands.indices where index < bandMembers.count && bands[index].isCopy(of: band) {
                s.members(bandMembers[index])
                return true
            }
            let mutu = band.mutu
            let kinerja = band.kinerja
            for index in bandMutu.indices where bandMutu[index] == mutu && bandKinerja[index] == kinerja {
                s.members(bandMembers[index])
                return true
            }
            return false
        }
    }

    static let fragmentCache = FragmentCache()

    /// The last few questionnaires' fragments. Entries hold their questionnaire, so an object
    /// compared by identity cannot have been freed and its address reused by another.
    final class FragmentCache: @unchecked Sendable {
        private var mutex = pthread_mutex_t()
        // Guarded by `mutex`.
        @exclusivity(unchecked) private var entries: [(questionnaire: Questionnaire, asciiOnly: Bool, fragments: Fragments)] = []
        static let limit = 8

        init() { pthread_mutex_init(&mutex, nil) }
        deinit { pthread_mutex_destroy(&mutex) }

        func fragments(for q: Questionnaire, asciiOnly: Bool) -> Fragments {
            pthread_mutex_lock(&mutex)
            for entry in entries where entry.questionnaire === q && entry.asciiOnly == asciiOnly {
                pthread_mutex_unlock(&mutex)
                return entry.fragments
            }
            pthread_mutex_unlock(&mutex)
            let made = Fragments(q, asciiOnly: asciiOnly)
            pthread_mutex_lock(&mutex)
            if entries.count >= Self.limit { entries.removeFirst() }
            entries.append((q, asciiOnly, made))
            pthread_mutex_unlock(&mutex)
            return made
        }
    }
}
