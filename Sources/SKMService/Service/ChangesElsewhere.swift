import SKMCore
import SKMStore

extension SKMService {
    /// Marks the start of a request in a long-running front end (`skm rpc`): before its next use
    /// in this request, the questionnaire catalog checks whether another process changed the
    /// database meanwhile, so a questionnaire stored by `skm questionnaire add` is seen.
    ///
    /// The check costs one `PRAGMA data_version` (no page read; about 4 µs, most of it the read
    /// lock's system calls), paid only by requests that use the catalog, and, only after another
    /// process committed, one query of the stored questionnaire ids. Units and services need no
    /// check: their caches keep only codes that were found, and registry rows never change.
    /// `RPCServer.run` calls this once per read of its input, not once per request: requests
    /// that arrived in one read were all sent before it, so one check serves them all.
    public func startRequest() {
        catalogRecheckDue = true
    }

    /// Drops the cached catalog when the stored custom questionnaires may differ from those it
    /// was built from. Never fails: when the database cannot be asked, the catalog is dropped
    /// and its rebuild reports the error.
    func dropCatalogIfChangedElsewhere() {
        guard cachedCatalog != nil else { return }
        guard let store = openedStore else {
            // Nothing opened yet: a catalog built before the file existed lacks its questionnaires.
            if databaseExists { cachedCatalog = nil }
            return
        }
        do {
            lookupsForChangesElsewhere &+= 1
            let version = try store.dataVersion()
            guard version != seenDataVersion else { return }
            seenDataVersion = version
            if try store.customQuestionnaireIDs() != cachedCatalogCustomIDs { cachedCatalog = nil }
        } catch {
            seenDataVersion = nil
            cachedCatalog = nil
        }
    }
}
