import SKMStore

/// Reads a merge source's responses on a second thread while the merge writes on this one (as
/// the import does): batches pass through a bounded queue, so memory stays flat. Without a
/// second thread (a resource limit) it reads everything first, on this thread.
final class MergeRowReader: MergeRowFeed {
    let source: MergeSource
    let queue = BatchQueue<SourceRows>(capacity: 8)
    var thread: WorkerThread?
    var running = false

    init(source: MergeSource) {
        self.source = source
    }

    func start() {
        guard !running else { return }
        running = true
        let source = source
        let queue = queue
        let produce: @Sendable () -> Void = {
            source.readResponses(deliver: { queue.put([$0]) }, finished: { queue.close(failure: $0) })
        }
        thread = WorkerThread.start(produce)
        if thread == nil {
            queue.removeLimit()
            produce()
        }
    }

    func next() throws -> SourceRows? {
        try queue.take()?.first
    }

    func finish() {
        guard running else { return }
        queue.cancel()
        thread?.join()
        thread = nil
        running = false
    }
}
