import CSQLite
import SKMCore
import SKMJSON

/// Writes responses inside one write transaction, keeping the aggregates in step.
///
/// Rows are inserted in batches of `batchSize` (one multi-row INSERT), with ids assigned here
/// from the table's maximum (safe: the transaction holds the write lock from its first
/// statement). Aggregate changes are summed in memory per (questionnaire, day, unit, service)
/// and applied just before COMMIT. Nothing is visible to other processes, and nothing may be
/// acknowledged, until `commit()` returns.
public final class ResponseWriter {
    static let batchSize = 64
    static let columns = """
        id, questionnaire, unit_id, service_id, day, time_slot, answers, score, gender, education, occupation, age,
        comment, client_id, created_at, import_batch, import_key, occupation_as_written, uuid, voided_at, void_reason,
        void_uuid
        """
    static let columnCount: Int32 = 22
    /// The INSERT of one row and of a full batch, built once (the statements are cached by text).
    static let insertOne = insert(rows: 1)
    static let insertBatch = insert(rows: batchSize)

    static func insert(rows: Int) -> String {
        let placeholders = "(" + Array(repeating: "?", count: Int(columnCount)).joined(separator: ",") + ")"
        return "INSERT INTO responses(\(columns)) VALUES " + Array(repeating: placeholders, count: rows).joined(separator: ",")
    }

    let store: Store
    let createdAt: String
    /// The import batch the responses belong to (`import_batches.id`); nil outside an import.
    public var importBatch: Int64?
    // Used from one thread, never re-entrantly: the per-access exclusivity check (a tenth of a
    // million-row import) is switched off for this hot state.
    @exclusivity(unchecked) var deltas: [AggregateKey: Tally] = [:]
    @exclusivity(unchecked) var finished = false
    @exclusivity(unchecked) var nextID: Int64
    @exclusivity(unchecked) var pending: [PendingRow] = []
    @exclusivity(unchecked) var pendingByClientID: [String: PendingRow] = [:]
    /// The text values of the pending rows, and where each one is.
    @exclusivity(unchecked) var arena: [UInt8] = []
    @exclusivity(unchecked) var texts: [Range<Int>] = []
    @exclusivity(unchecked) var numbers: [RowNumbers] = []
    /// One row's answers, decoded (reused row after row).
    @exclusivity(unchecked) var answers: [UInt8] = []
    /// Units filled by aggregate packages of another office: they take no responses here.
    let packageUnits: Set<Int64>

    init(store: Store, createdAt: String) throws {
        self.store = store
        self.createdAt = createdAt
        try store.db.execute("BEGIN IMMEDIATE")
        do {
            nextID = try store.statement("SELECT COALESCE(MAX(id), 0) + 1 FROM responses").first { $0.int64(0) } ?? 1
            packageUnits = Set(try store.statement("SELECT DISTINCT unit_id FROM package_units").rows { $0.int64(0) })
        } catch {
            try? store.db.execute("ROLLBACK")
            throw error
        }
        pending.reserveCapacity(Self.batchSize)
    }

    deinit {
        if !finished { try? store.db.execute("ROLLBACK") }
    }

    /// Adds one response. A client id seen before returns `.duplicate` when the content is the
    /// same and throws `client_id_conflict` when it differs; either way nothing new is written.
    /// A unit filled by a package (`package_conflict`) takes none: its respondents are in the
    /// package's rows, and a response here (typed, imported or merged) would count them twice.
    public func add(_ response: __owned NewResponse) throws -> InsertOutcome {
        try refuseIfPackageFilled(unitID: response.unitID, unitCode: response.content.unitCode)
        if let clientID = response.clientID {
            if let earlier = pendingByClientID[clientID] {
                return try Self.repeated(clientID, existingID: earlier.id, same: Self.sameContent(earlier.response, response))
            }
            if let existingID = try store.responseID(clientID: clientID), let existing = try store.response(id: existingID) {
                let same =
                    existing.content == response.content && existing.unitID == response.unitID
                    && existing.serviceID == response.serviceID
                return try Self.repeated(clientID, existingID: existing.id, same: same)
            }
        }
        let id = nextID
        nextID += 1
        if let clientID = response.clientID { pendingByClientID[clientID] = PendingRow(id: id, response: response) }
        if response.carried?.void == nil {
            let key = AggregateKey(
                questionnaire: response.content.questionnaireID, date: response.content.date, unitID: response.unitID,
                serviceID: response.serviceID)
            deltas[key, default: Tally(unsurCount: response.content.answers.count)]
                .add(answers: response.content.answers, score: response.score)
        }
        // The row's last use: moved into `pending`, not copied.
        pending.append(PendingRow(id: id, response: response))
        if pending.count == Self.batchSize { try flush() }
        return .stored(id)
    }

    /// Throws `package_conflict` when `unitID` is filled by a package (every route that writes a
    /// response checks it: `add`, and a merge before it chooses a row to carry).
    func refuseIfPackageFilled(unitID: Int64, unitCode: String) throws {
        guard !packageUnits.isEmpty, packageUnits.contains(unitID) else { return }
        throw Self.packageFilled(unitCode)
    }

    static func packageFilled(_ unitCode: String) -> SKMError {
        SKMError(
            .packageConflict,
            "Unit \(unitCode) di sini diisi paket agregat dari kantor lain (skm package list); respons untuk unit itu tidak dicatat di sini karena respondennya sudah terhitung di paket.",
            field: "unit", details: ["unit": .string(unitCode)])
    }

    static func sameContent(_ a: NewResponse, _ b: NewResponse) -> Bool {
        a.content == b.content && a.unitID == b.unitID && a.serviceID == b.serviceID
    }

    static func repeated(_ clientID: String, existingID: Int64, same: Bool) throws -> InsertOutcome {
        guard same else {
            throw SKMError(
                .clientIDConflict,
                "Client id \"\(clientID.clipped(60))\" sudah dipakai respons #\(existingID) dengan isi lain; respons ini tidak disimpan.",
                field: "clientId", details: ["existingId": .int(Int(existingID))])
        }
        return .duplicate(existingID)
    }

    /// Inserts the pending rows (through `insert(_:texts:arena:)`, like every other write).
    func flush() throws {
        guard !pending.isEmpty else { return }
        arena.removeAll(keepingCapacity: true)
        texts.removeAll(keepingCapacity: true)
        numbers.removeAll(keepingCapacity: true)
        for index in pending.indices {
            let r = pending[index].response
            numbers.append(
                RowNumbers(
                    id: pending[index].id, unitID: r.unitID, serviceID: r.serviceID, score: r.score,
                    age: r.content.respondent.age.map(Int64.init),
                    importBatch: r.carried == nil ? importBatch : r.carried?.importBatch, importKey: r.importKey,
                    firstText: texts.count))
            collectTexts(r)
        }
        try texts.withUnsafeBufferPointer { texts in
            try arena.withUnsafeBufferPointer { bytes in try insert(numbers, texts: texts, arena: bytes) }
        }
        pending.removeAll(keepingCapacity: true)
        pendingByClientID.removeAll(keepingCapacity: true)
    }

    /// The parameter positions (within a row) of the text columns, in `collectTexts` order.
    static let textColumns: [Int32] = [2, 5, 6, 7, 9, 10, 11, 13, 14, 15, 18, 19, 20, 21, 22]

    /// Appends a row's text values to the arena, recording where each is (-1..<-1 for NULL).
    func collectTexts(_ r: NewResponse) {
        let c = r.content
        append(c.questionnaireID)
        append(c.date.iso)
        append(c.timeSlot)
        appendAnswers(c.answers)
        append(c.respondent.gender)
        append(c.respondent.education)
        append(c.respondent.occupation)
        append(c.comment)
        append(r.clientID)
        append(r.carried?.createdAt ?? createdAt)
        append(c.respondent.occupationAsWritten)
        if let carried = r.carried {
            appendID(carried.uuid)
            append(carried.void?.at)
            append(carried.void?.reason)
            append(carried.void?.uuid)
        } else {
            appendRandomID()
            append(nil)
            append(nil)
            append(nil)
        }
    }

    /// Appends a new global id (`GlobalIDs`): 128 random bits as 32 lowercase hex digits.
    func appendRandomID() {
        var generator = SystemRandomNumberGenerator()
        appendID(GlobalID(high: generator.next(), low: generator.next()))
    }

    /// Appends a carried global id's 32 hex digits.
    func appendID(_ id: GlobalID) {
        let start = arena.count
        id.appendHex(to: &arena)
        texts.append(start..<arena.count)
    }

    /// Appends answers in their stored form (`AnswerCoding`), without building a string.
    func appendAnswers(_ answers: [UInt8]) {
        let start = arena.count
        AnswerCoding.append(answers, to: &arena)
        texts.append(start..<arena.count)
    }

    func append(_ value: String?) {
        guard var value else {
            texts.append(-1 ..< -1)
            return
        }
        let start = arena.count
        value.withUTF8 { arena.append(contentsOf: $0) }
        texts.append(start..<arena.count)
    }

    /// Applies the aggregate changes and commits: after this returns, every `.stored` is durable.
    public func commit() throws {
        guard !finished else { return }
        do {
            try flush()
            try store.applyAggregateDeltas(deltas)
            try store.db.stampWrite()
            try store.db.execute("COMMIT")
            finished = true
        } catch {
            rollback()
            throw error
        }
    }

    /// Discards everything added.
    public func rollback() {
        guard !finished else { return }
        try? store.db.execute("ROLLBACK")
        finished = true
        deltas = [:]
        pending = []
        pendingByClientID = [:]
    }
}

/// A response waiting for the next multi-row INSERT, with the id it gets (a struct, not a tuple:
/// its copies and destruction are specialised code, not the runtime's generic tuple witnesses).
struct PendingRow {
    let id: Int64
    let response: NewResponse
}

struct AggregateKey: Hashable {
    let questionnaire: String
    let date: CivilDate
    let unitID: Int64
    let serviceID: Int64
}

extension Store {
    /// Starts a write transaction. Call `commit()`; anything not committed is rolled back.
    public func writer(createdAt: String) throws -> ResponseWriter {
        try ResponseWriter(store: self, createdAt: createdAt)
    }
}
