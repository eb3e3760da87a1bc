#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small, thread-safe memo of JSON texts that recur in every answer of a busy server (the
/// same weights and weighted NRRs), so they are formatted once instead of thousands of times a
/// second. Bounded: when full it starts over.
final class TextCache<Key: Hashable>: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    // Guarded by `mutex`, so Swift's own per-access exclusivity check is redundant (and costly).
    @exclusivity(unchecked) private var entries: [Key: [UInt8]] = [:]
    let limit: Int

    init(limit: Int) {
        self.limit = limit
        pthread_mutex_init(&mutex, nil)
    }

    deinit { pthread_mutex_destroy(&mutex) }

    func text(for key: Key, make: () -> [UInt8]) -> [UInt8] {
        pthread_mutex_lock(&mutex)
        if let known = entries[key] {
            pthread_mutex_unlock(&mutex)
            return known
        }
        pthread_mutex_unlock(&mutex)
        let made = make()
        pthread_mutex_lock(&mutex)
        if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
        entries[key] = made
        pthread_mutex_unlock(&mutex)
        return made
    }
}
