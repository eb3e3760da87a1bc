import SKMCore
import SKMStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The application layer: every use case skm offers, used by both the command line and the
/// JSON-RPC server so that no rule is written twice.
///
/// One instance serves one database file and is used from one thread at a time.
public final class SKMService {
    /// The SQLite file this service reads and writes; it need not exist until a write creates it.
    public let databasePath: String
    /// Where today's date and timestamps come from; fixed in tests.
    public let clock: any SKMClock
    // Used from one thread, never re-entrantly: the per-access exclusivity check (a tenth of a
    // million-row import) is switched off for this hot state.
    @exclusivity(unchecked) var openedStore: Store?
    @exclusivity(unchecked) var cachedCatalog: QuestionnaireCatalog?
    /// The stored custom questionnaire ids the cached catalog was built from.
    @exclusivity(unchecked) var cachedCatalogCustomIDs: [String] = []
    /// `PRAGMA data_version` when other processes' changes were last looked for.
    @exclusivity(unchecked) var seenDataVersion: Int?
    /// Set at each request of a long-running front end: the catalog looks for other processes'
    /// changes before its next use.
    @exclusivity(unchecked) var catalogRecheckDue = false
    /// How many times the database was asked whether another process changed it (tests count them).
    @exclusivity(unchecked) var lookupsForChangesElsewhere = 0
    @exclusivity(unchecked) var unitCache: [String: UnitRecord] = [:]
    @exclusivity(unchecked) var serviceCache: [ServiceKey: ServiceRecord] = [:]
    @exclusivity(unchecked) var validators: [String: ResponseValidator] = [:]

    /// The version of skm, reported by `skm --version` and `skm.info`.
    public static let version = "0.1.0"

    /// A service for one database file; nothing is opened until a use case needs the store.
    public init(databasePath: String, clock: any SKMClock = SystemClock()) {
        self.databasePath = databasePath
        self.clock = clock
    }

    /// The database path from `--db`, else `SKM_DB`, else `./skm.sqlite`.
    public static func resolveDatabasePath(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment["SKM_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        return "skm.sqlite"
    }

    /// Whether the database file exists now; read paths check it so that they never create one.
    public var databaseExists: Bool { access(databasePath, F_OK) == 0 }

    /// The store, created (with its schema) when the file does not exist yet: only for commands
    /// that write something of their own (a unit, a questionnaire, a plan…). Reads go through
    /// `existingStore()`, so no read creates a database.
    func store() throws -> Store {
        try openStore(creating: true)
    }

    /// The store for reading (and for writes that need existing records): a missing file is an
    /// error rather than a new empty database.
    func existingStore() throws -> Store {
        if let openedStore { return openedStore }
        guard databaseExists else {
            throw SKMError(
                .fileError,
                "Basis data \(databasePath) belum ada. Jalankan 'skm init' untuk membuatnya, atau pilih berkas lain dengan --db.")
        }
        return try openStore(creating: false)
    }

    /// `skm init`: creates the database, or gives an existing empty file its schema.
    func initializedStore() throws -> Store {
        try openStore(creating: true, acceptingEmptyFile: true)
    }

    func openStore(creating: Bool, acceptingEmptyFile: Bool = false) throws -> Store {
        if let openedStore { return openedStore }
        let store = try Store(path: databasePath, creating: creating, acceptingEmptyFile: acceptingEmptyFile)
        openedStore = store
        return store
    }

    /// Built-in questionnaires plus the custom ones stored in the database (when it exists).
    public func catalog() throws -> QuestionnaireCatalog {
        if catalogRecheckDue {
            catalogRecheckDue = false
            dropCatalogIfChangedElsewhere()
        }
        if let cachedCatalog { return cachedCatalog }
        var catalog = QuestionnaireCatalog()
        var customIDs: [String] = []
        if openedStore != nil || databaseExists {
            (catalog, customIDs) = try Self.catalog(of: existingStore())
        }
        cachedCatalog = catalog
        cachedCatalogCustomIDs = customIDs
        return catalog
    }

    /// Built-in questionnaires plus the custom ones `store` holds now (inside an open transaction:
    /// with those it added), not cached; with the stored custom ids.
    static func catalog(of store: Store) throws -> (catalog: QuestionnaireCatalog, customIDs: [String]) {
        var custom: [Questionnaire] = []
        var customIDs: [String] = []
        for stored in try store.customQuestionnaires() {
            customIDs.append(stored.id)
            if let q = QuestionnaireDecoder.decode(text: stored.definition).questionnaire { custom.append(q) }
        }
        return (QuestionnaireCatalog(custom: custom), customIDs)
    }

    struct ServiceKey: Hashable {
        let unitID: Int64
        let code: String
    }

    func invalidateCaches() {
        cachedCatalog = nil
        unitCache = [:]
        serviceCache = [:]
        validators = [:]
    }

    /// The validator for a questionnaire and today's date, kept while both stay the same.
    func validator(for q: Questionnaire) -> ResponseValidator {
        let today = clock.today()
        if let known = validators[q.id], known.questionnaire === q, known.today == today { return known }
        let validator = ResponseValidator(questionnaire: q, today: today)
        validators[q.id] = validator
        return validator
    }
}
