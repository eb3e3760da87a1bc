#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A token bucket per client address: `capacity` requests at once, refilled at `perMinute` a
/// minute. Safe from several threads. At most `maximumClients` addresses are remembered; when more
/// arrive, the ones idle longest are forgotten (a forgotten client starts with a full bucket).
public final class RateLimiter: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var buckets: [String: (tokens: Double, updated: Double)] = [:]
    private let capacity: Double
    private let perSecond: Double
    private let maximumClients: Int

    /// A limiter; `perMinute` of 0 or less lets nothing through after the first `capacity`.
    public init(perMinute: Int, capacity: Int, maximumClients: Int = 10_000) {
        self.capacity = Double(max(1, capacity))
        self.perSecond = Double(max(0, perMinute)) / 60
        self.maximumClients = max(1, maximumClients)
        pthread_mutex_init(&mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(&mutex)
    }

    /// Takes one token for `client` at time `now` (seconds, any monotonic origin); false when the
    /// bucket is empty.
    public func allow(_ client: String, now: Double = RateLimiter.monotonicSeconds()) -> Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        var bucket = buckets[client] ?? (capacity, now)
        bucket.tokens = min(capacity, bucket.tokens + max(0, now - bucket.updated) * perSecond)
        bucket.updated = now
        let allowed = bucket.tokens >= 1
        if allowed { bucket.tokens -= 1 }
        if buckets[client] == nil && buckets.count >= maximumClients {
            let oldest = buckets.sorted { $0.value.updated < $1.value.updated }.prefix(maximumClients / 10 + 1)
            for (key, _) in oldest { buckets[key] = nil }
        }
        buckets[client] = bucket
        return allowed
    }

    /// Seconds on the monotonic clock.
    public static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
