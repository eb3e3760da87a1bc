public import SKMCore
import SKMStore

/// The acknowledgement of one stored response.
public struct SubmitResult: Sendable, Equatable {
    /// The stored response's id (the earlier one's for a duplicate).
    public let id: Int64
    /// True when the client id was seen before with the same content (nothing new stored).
    public let duplicate: Bool

    /// An acknowledgement as the store reported it.
    public init(id: Int64, duplicate: Bool) {
        self.id = id
        self.duplicate = duplicate
    }
}

/// The outcome of one item of a batch.
public enum BatchItemResult: Sendable {
    case stored(SubmitResult)
    case failed(SKMError)
    /// Valid, but not stored because another item failed in an all-or-nothing batch.
    case notStored
}

extension SKMService {
    /// Validates a draft completely (questionnaire, answers, profile, registry) into a storable response.
    /// With `createMissing`, an unknown unit or service is registered (named by its code).
    func prepare(_ draft: ResponseDraft, createMissing: Bool = false) throws -> NewResponse {
        try resolve(try validate(draft), createMissing: createMissing)
    }

    /// Everything about a draft that needs no database: questionnaire, answers, dates, profile.
    public func validate(_ draft: ResponseDraft) throws -> ValidatedResponse {
        try validator(for: catalog().questionnaire(draft.questionnaire)).validate(draft)
    }

    /// The registry part: the unit and service must exist (or, with `createMissing`, are created).
    func resolve(_ valid: ValidatedResponse, createMissing: Bool = false) throws -> NewResponse {
        let content = valid.content
        let unit: UnitRecord
        do {
            unit = try resolveUnit(content.unitCode)
        } catch let error as SKMError where error.code == .unknownUnit && createMissing {
            unit = try addUnit(code: content.unitCode, name: content.unitCode)
        }
        let service: ServiceRecord
        do {
            service = try resolveService(content.serviceCode, in: unit)
        } catch let error as SKMError where error.code == .unknownService && createMissing {
            service = try addService(unit: unit.code, code: content.serviceCode, name: content.serviceCode)
        }
        return NewResponse(
            content: content, unitID: unit.id, serviceID: service.id, clientID: valid.clientID, score: valid.score)
    }

    /// Stores one response durably; returns only after the commit reached the disk.
    public func submit(_ draft: ResponseDraft) throws -> SubmitResult {
        let response = try prepare(draft)
        let writer = try store().writer(createdAt: clock.timestamp())
        let outcome = try writer.add(response)
        try writer.commit()
        return SubmitResult(outcome)
    }

    /// Stores several responses in one transaction. With `atomic` (the default) either all are
    /// stored or none; otherwise each valid item is stored and each invalid one reported.
    public func submitMany(_ drafts: [ResponseDraft], atomic: Bool = true) throws -> [BatchItemResult] {
        try submitMany(drafts.map { .success($0) }, atomic: atomic)
    }

    /// The same, for items a front end could not even read (their error is that item's result).
    public func submitMany(_ drafts: [Result<ResponseDraft, SKMError>], atomic: Bool = true) throws -> [BatchItemResult] {
        var prepared: [Result<NewResponse, SKMError>] = []
        for (index, item) in drafts.enumerated() {
            switch item {
            case .failure(let error):
                prepared.append(.failure(error))
            case .success(let draft):
                do {
                    prepared.append(.success(try prepare(draft)))
                } catch let error as SKMError where error.isAboutTheInput {
                    prepared.append(.failure(error.prefixingField("responses[\(index)].")))
                }
            }
        }
        let anyInvalid = prepared.contains { if case .failure = $0 { return true } else { return false } }
        if atomic && anyInvalid {
            return prepared.map { if case .failure(let e) = $0 { return .failed(e) } else { return .notStored } }
        }
        let writer = try store().writer(createdAt: clock.timestamp())
        var results: [BatchItemResult] = []
        var failedInWriter = false
        for (index, item) in prepared.enumerated() {
            switch item {
            case .failure(let error):
                results.append(.failed(error))
            case .success(let response):
                do {
                    results.append(.stored(SubmitResult(try writer.add(response))))
                } catch let error as SKMError where error.kind == .conflict {
                    results.append(.failed(error.prefixingField("responses[\(index)].")))
                    failedInWriter = true
                }
            }
        }
        if atomic && failedInWriter {
            writer.rollback()
            return results.map { if case .failed = $0 { return $0 } else { return .notStored } }
        }
        try writer.commit()
        return results
    }
}

extension SubmitResult {
    init(_ outcome: InsertOutcome) {
        switch outcome {
        case .stored(let id): self.init(id: id, duplicate: false)
        case .duplicate(let id): self.init(id: id, duplicate: true)
        }
    }
}
