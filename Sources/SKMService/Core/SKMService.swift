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
    public let databasePath: String
    public let clock: any SKMClock
    var openedStore: Store?
    var cachedCatalog: QuestionnaireCatalog?
    var unitCache: [String: UnitRecord] = [:]
    var serviceCache: [String: ServiceRecord] = [:]

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

    public var databaseExists: Bool { access(databasePath, F_OK) == 0 }

    /// The store, created (with its schema) when the file does not exist yet.
    public func store() throws -> Store {
        if let openedStore { return openedStore }
        let store = try Store(path: databasePath)
        openedStore = store
        return store
    }

    /// The store for reading: a missing file is an error rather than a new empty database.
    public func existingStore() throws -> Store {
        if let openedStore { return openedStore }
        guard databaseExists else {
            throw SKMError(
                .fileError,
                "Basis data \(databasePath) belum ada. Jalankan 'skm init' untuk membuatnya, atau pilih berkas lain dengan --db.")
        }
        return try store()
    }

    /// Built-in questionnaires plus the custom ones stored in the database (when it exists).
    public func catalog() throws -> QuestionnaireCatalog {
        if let cachedCatalog { return cachedCatalog }
        var custom: [Questionnaire] = []
        if openedStore != nil || databaseExists {
            for stored in try store().customQuestionnaires() {
                if let q = QuestionnaireDecoder.decode(text: stored.definition).questionnaire { custom.append(q) }
            }
        }
        let catalog = QuestionnaireCatalog(custom: custom)
        cachedCatalog = catalog
        return catalog
    }

    func invalidateCaches() {
        cachedCatalog = nil
        unitCache = [:]
        serviceCache = [:]
    }
}
