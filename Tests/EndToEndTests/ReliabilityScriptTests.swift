import Foundation
import SKMJSON
import Testing

/// Short runs of the reliability scripts in Scripts/reliability/ against the built `skm`: the
/// same checks as the long runs in the closing notes, small enough for every CI run.
@Suite struct ReliabilityScriptTests {
    /// SIGKILL during acknowledged submits: every acknowledged response stored once, nothing half.
    @Test func crashSafetyUnderKill() throws {
        let report = try runScript("crash_safety.py", ["--trials", "15", "--seed", "7"])
        #expect(report["result"]?.stringValue == "ok", "\(report)")
        #expect((report["killsMidStream"]?.numberValue?.int ?? 0) >= 10, "few kills landed mid-stream: \(report)")
    }

    /// Four processes writing one database at once: exact count, no "locked" reaching anyone.
    @Test func fourWritersAtOnce() throws {
        let report = try runScript("concurrency.py", ["--submits", "100", "--rows", "3000", "--loop", "10"])
        #expect(report["stored"]?.numberValue?.int == 3210, "\(report)")
        #expect(report["problems"]?.arrayValue?.isEmpty == true, "\(report)")
    }

    /// Backup onto the live database, foreign and stale -wal files, `skm restore`, other
    /// programs' files, /dev/null, readers beside a held write lock, a read-only folder, and
    /// reads on a missing database (Scripts/reliability/store_safety.py).
    @Test func storeSafety() throws {
        let report = try runScript("store_safety.py", [])
        #expect(report["result"]?.stringValue == "ok", "\(report)")
        #expect((report["checks"]?.numberValue?.int ?? 0) >= 80, "\(report)")
    }

    /// Two clerks entering the same batch at once: every confirmed form its own row and number.
    @Test func twoEntrySessionsOnOneBatch() throws {
        let report = try runScript("entry_batch.py", ["--rounds", "4", "--forms", "10"])
        #expect(report["stored"]?.numberValue?.int == 28, "\(report)")
        #expect(report["acknowledged"]?.numberValue?.int == 28, "\(report)")
        #expect(report["problems"]?.arrayValue?.isEmpty == true, "\(report)")
    }

    /// Runs a script with python3 and returns the JSON report it prints last.
    func runScript(_ name: String, _ arguments: [String]) throws -> JSONValue {
        let python = try #require(PythonClientTests.python3(), "python3 tidak ditemukan di PATH; uji keandalan memerlukannya")
        let work = SKMProcess()
        defer { work.cleanUp() }
        let script = PythonClientTests.packageRoot.appendingPathComponent("Scripts/reliability/" + name).path
        let output = try PythonClientTests.run(
            python, [script, "--skm", SKMProcess.binary, "--workdir", work.directory] + arguments,
            in: PythonClientTests.packageRoot, environment: ["PYTHONDONTWRITEBYTECODE": "1"])
        #expect(output.status == 0, "\(name) exited \(output.status):\n\(output.text)")
        let last = output.text.split(separator: "\n").last.map(String.init) ?? ""
        return (try? JSONParser().parse(last)) ?? .null
    }
}
