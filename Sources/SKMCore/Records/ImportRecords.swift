/// One committed import, as `import_batches` records it.
public struct ImportBatch: Sendable, Equatable {
    /// The batch number (1, 2, …), named by `skm import undo N`.
    public let id: Int64
    /// The file name as given to `skm import` (`stdin` for standard input).
    public let fileName: String
    /// SHA-256 of the file's bytes, 64 lower-case hexadecimal digits.
    public let sha256: String
    /// `csv` or `jsonl`.
    public let format: String
    /// When it was committed (the store's timestamp format).
    public let importedAt: String
    /// Data rows read, good and bad.
    public let rowsRead: Int
    /// Responses stored by this batch.
    public let rowsStored: Int
    /// Rows left out because an earlier import had stored them (row fingerprint or client id).
    public let rowsSkipped: Int
    /// The earlier batch with the same content when this one was imported again on purpose.
    public let againOf: Int64?
    /// When `skm import undo` voided its responses; nil while it counts.
    public let undoneAt: String?
    /// The reason given to `skm import undo`.
    public let undoReason: String?

    /// A batch as recorded (or about to be).
    public init(
        id: Int64, fileName: String, sha256: String, format: String, importedAt: String, rowsRead: Int, rowsStored: Int,
        rowsSkipped: Int, againOf: Int64? = nil, undoneAt: String? = nil, undoReason: String? = nil
    ) {
        self.id = id
        self.fileName = fileName
        self.sha256 = sha256
        self.format = format
        self.importedAt = importedAt
        self.rowsRead = rowsRead
        self.rowsStored = rowsStored
        self.rowsSkipped = rowsSkipped
        self.againOf = againOf
        self.undoneAt = undoneAt
        self.undoReason = undoReason
    }
}

/// What voiding several responses at once did.
public struct VoidOutcome: Sendable, Equatable {
    /// The responses voided now, in id order.
    public var voided: [Int64] = []
    /// Named responses that were voided before (left as they were), in id order.
    public var alreadyVoided: [Int64] = []

    /// Nothing voided yet; the service fills it while voiding.
    public init() {}
}
