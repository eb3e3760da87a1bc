import Foundation

/// A bounded queue of batches between one producer thread and one consumer.
///
/// The import reads and validates rows on a second core while the database is written on the
/// first; the bound keeps memory flat however large the file is.
final class BatchQueue<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[Element]] = []
    private var closed = false
    private var cancelled = false
    private var failure: (any Error)?
    let capacity: Int

    init(capacity: Int = 8) {
        self.capacity = capacity
    }

    /// Adds a batch, waiting while the queue is full; false when the consumer has cancelled.
    func put(_ batch: [Element]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// Marks the end of the input, with the error that ended it early, if any.
    func close(failure: (any Error)? = nil) {
        condition.lock()
        closed = true
        self.failure = failure
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch; nil at the end. Rethrows the producer's failure after the last batch.
    func take() throws -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !closed { condition.wait() }
        if !batches.isEmpty {
            condition.broadcast()
            return batches.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    /// Tells the producer to stop (the consumer gave up).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
