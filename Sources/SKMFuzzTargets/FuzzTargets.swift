import SKMCore
import SKMJSON
import SKMRPC
import SKMService

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The entry points fuzzers drive: one RPC input line, and one import file. Shared by the
/// deterministic mutation harness (`skm-fuzz`, run in CI), the libFuzzer drivers
/// (`Fuzz/run-libfuzzer.sh`) and the corpus replay tests, so all three exercise the same code.
public enum FuzzTargets {
    /// A scratch database with unit KEC and services KTP and SKET, one per process. Fuzzers run
    /// inputs one at a time on one thread, so the shared state needs no lock.
    nonisolated(unsafe) static let service: SKMService = {
        removeAbandonedScratchDirectories()
        let directory = scratchDirectory(getpid())
        mkdir(directory, 0o700)
        atexit { removeScratchDirectory(FuzzTargets.scratchDirectory(getpid())) }
        let service = SKMService(databasePath: directory + "/skm.sqlite")
        _ = try? service.addUnit(code: "KEC", name: "Kecamatan Fuzz")
        _ = try? service.addService(unit: "KEC", code: "KTP", name: "KTP")
        _ = try? service.addService(unit: "KEC", code: "SKET", name: "Surat")
        return service
    }()

    static func scratchDirectory(_ pid: pid_t) -> String { "/tmp/skm-fuzz-\(pid)" }

    /// Scratch folders of processes that are gone: a run stopped by a crash, a signal or a test
    /// runner that exits without `atexit` leaves its folder behind; the next run removes it.
    static func removeAbandonedScratchDirectories() {
        for name in Corpus.entries(of: "/tmp") {
            guard name.hasPrefix("skm-fuzz-"), let pid = pid_t(name.dropFirst(9)), pid > 0 else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { removeScratchDirectory("/tmp/" + name) }
        }
    }

    static func removeScratchDirectory(_ directory: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(directory + "/skm.sqlite" + suffix) }
        rmdir(directory)
    }

    nonisolated(unsafe) static let dispatcher = RPCDispatcher(context: RPCContext(service: service, openRPC: OpenRPC.document))
    static let writer = JSONWriter(asciiOnly: true)

    /// One line as `skm rpc` receives it. A broken answer is a defect worth a crash report, so
    /// fuzzers see it as a crash; tests call `rpcProblem` to get it as a message instead.
    public static func rpcLine(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let problem = rpcProblem(bytes) { preconditionFailure(problem) }
    }

    /// Runs one line and checks the answer as a client would: one ASCII line of JSON that parses
    /// back, with `jsonrpc` "2.0" and exactly one of `result` and `error`. Nil when all is well.
    public static func rpcProblem(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let answer = dispatcher.handle(line: bytes) else { return nil }
        var out: [UInt8] = []
        writer.write(answer, into: &out)
        if out.contains(0x0A) || out.contains(where: { $0 >= 0x80 }) { return "answer is not a single ASCII line" }
        guard let parsed = try? JSONParser(maxDepth: 512).parse(out) else { return "answer is not valid JSON" }
        for message in parsed.arrayValue ?? [parsed] {
            guard case .object(let fields) = message, fields["jsonrpc"] == .string("2.0") else {
                return "answer is not a JSON-RPC 2.0 response"
            }
            if (fields["result"] == nil) == (fields["error"] == nil) { return "answer has not exactly one of result/error" }
        }
        return nil
    }

    /// One import file. The first byte chooses the format and mode; most inputs are checked
    /// (dry run), one in eight is really imported (with --skip-invalid or all-or-nothing).
    public static func importFile(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let mode = bytes.first else { return }
        let data = Array(bytes.dropFirst())
        var options = ImportOptions()
        options.dryRun = mode & 0x07 != 0
        options.skipInvalid = mode & 0x08 != 0
        options.createMissing = mode & 0x40 != 0 && !options.dryRun
        let format: DataFormat = mode & 0x10 != 0 ? .jsonl : .csv
        guard let source = try? ByteSource(bytes: data) else { return }
        _ = try? service.importData(from: source, format: format, options: options)
    }

    /// One aggregate package. Whatever the reader accepts must keep the bounds the store and
    /// the scorer rely on (a package that passes with an impossible count is a defect, so it
    /// stops the fuzzer like a crash); accepted packages are then imported into the scratch
    /// database, where every claim on its own unit KEC must be refused.
    public static func package(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let problem = packageProblem(bytes) { preconditionFailure(problem) }
    }

    /// The broken promise of the package reader for this input, or nil when all is well.
    public static func packageProblem(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let package = try? AggregatePackageReader.read(Array(bytes)) else { return nil }
        for row in package.rows {
            guard let q = package.questionnaires.first(where: { $0.id == row.questionnaireID }) else {
                return "row of a questionnaire the package does not define"
            }
            guard row.tally.unsur.count == q.unsur.count, row.tally.respondents >= 1,
                (try? row.tally.checkBounds(scale: q.scale)) != nil
            else { return "row outside the bounds of real responses accepted: \(row)" }
        }
        guard let source = try? ByteSource(bytes: Array(bytes), name: "paket"), scratchUnitHasAResponse else { return nil }
        if let report = try? service.importPackage(from: source), report.package.unitCodes.contains("KEC") {
            return "a package claimed the scratch database's own unit KEC"
        }
        return nil
    }

    /// Gives the scratch unit KEC a response of its own (once), so it is this office's unit.
    nonisolated(unsafe) static let scratchUnitHasAResponse: Bool = {
        let draft = ResponseDraft(
            unit: "KEC", service: "KTP", date: "2025-01-02", answers: .byQuestion(AnswerText.parse("444444444")),
            clientID: "fuzz-package-owner")
        return (try? service.submit(draft)) != nil
    }()

    /// Whether the scratch database is still consistent (integrity, references, aggregates equal
    /// to the stored responses) after whatever the inputs did, with the problems when it is not.
    public static func storeProblems() -> [String] {
        do {
            let check = try service.check()
            if check.isHealthy { return [] }
            return check.findings.map(\.text)
        } catch {
            return ["\(error)"]
        }
    }

    /// How many responses the inputs stored: shows that the runs reach real writes, not only errors.
    public static func storedResponses() -> Int {
        (try? service.responseCounts().total) ?? -1
    }
}
