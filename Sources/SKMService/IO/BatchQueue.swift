#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A bounded queue of batches between one producer thread and one consumer.
///
/// The import reads and validates rows on a second core while the database is written on the
/// first; the bound keeps memory flat however large the file is. Plain POSIX threads, so the
/// binary does not need Foundation (which costs every start of `skm` several milliseconds).
final class BatchQueue<Element: Sendable>: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var changed = pthread_cond_t()
    private var batches: [[Element]] = []
    private var closed = false
    private var cancelled = false
    private var failure: (any Error)?
    private var capacity: Int

    init(capacity: Int = 8) {
        self.capacity = capacity
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&changed, nil)
    }

    deinit {
        pthread_cond_destroy(&changed)
        pthread_mutex_destroy(&mutex)
    }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }

    /// Adds a batch, waiting while the queue is full; false when the consumer has cancelled.
    func put(_ batch: [Element]) -> Bool {
        locked {
            while batches.count >= capacity && !cancelled { pthread_cond_wait(&changed, &mutex) }
            if cancelled { return false }
            batches.append(batch)
            pthread_cond_broadcast(&changed)
            return true
        }
    }

    /// Lets the queue grow without bound: for a producer running on the consumer's own thread.
    func removeLimit() {
        locked { capacity = Int.max }
    }

    /// Marks the end of the input, with the error that ended it early, if any.
    func close(failure: (any Error)? = nil) {
        locked {
            closed = true
            self.failure = failure
            pthread_cond_broadcast(&changed)
        }
    }

    /// The next batch; nil at the end. Rethrows the producer's failure after the last batch.
    func take() throws -> [Element]? {
        let (batch, error): ([Element]?, (any Error)?) = locked {
            while batches.isEmpty && !closed { pthread_cond_wait(&changed, &mutex) }
            if !batches.isEmpty {
                pthread_cond_broadcast(&changed)
                return (batches.removeFirst(), nil)
            }
            return (nil, failure)
        }
        if let error { throw error }
        return batch
    }

    /// Tells the producer to stop (the consumer gave up).
    func cancel() {
        locked {
            cancelled = true
            pthread_cond_broadcast(&changed)
        }
    }
}

/// Runs a closure on a new POSIX thread, to be joined by whoever started it: the import must
/// not return while its reader still holds the source open.
package struct WorkerThread {
    final class Box {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    private let thread: pthread_t

    /// The running thread, or nil when none could be started (the caller runs `body` itself).
    package static func start(_ body: @escaping @Sendable () -> Void) -> WorkerThread? {
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(
            &thread, nil,
            { raw in
                guard let raw else { return nil }
                let box = Unmanaged<Box>.fromOpaque(raw).takeRetainedValue()
                box.body()
                return nil
            }, box)
        if started == 0 { return WorkerThread(thread: thread) }
        Unmanaged<Box>.fromOpaque(box).release()
        return nil
    }

    /// Waits for the thread to finish.
    package func join() {
        pthread_join(thread, nil)
    }
}
