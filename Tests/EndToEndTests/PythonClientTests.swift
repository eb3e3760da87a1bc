import Foundation
import SKMTestSupport
import Testing

/// The Python clients in Protocol/clients/ tested against the built `skm`, through python3's unittest.
@Suite struct PythonClientTests {
    static let packageRoot = URL(fileURLWithPath: PackagePaths.root)

    @Test func pythonClient() throws {
        try runUnittest(folder: "Protocol/clients/python", module: "test_skm_client")
    }

    /// The Excel module's JSON parser and selection reading, mirrored in Python (VBA cannot run
    /// here), and the facts about skm's answers that the module relies on.
    @Test func excelModuleMirror() throws {
        try runUnittest(folder: "Protocol/clients/excel", module: "test_vba_mirror")
    }

    /// The Calc macro's logic, and the macros run by a real headless LibreOffice (one start),
    /// through a python3 that has LibreOffice's `uno` module (Debian's, when the PATH's lacks
    /// it). Under CI=true a missing LibreOffice fails the test instead of skipping it.
    @Test func libreOfficeMacroLogic() throws {
        try runUnittest(folder: "Protocol/clients/libreoffice", module: "test_skm_calc", python: Self.python3(importing: "uno"))
    }

    func runUnittest(folder: String, module: String, python chosen: String? = nil) throws {
        let python = try #require(chosen ?? Self.python3(), "python3 tidak ditemukan di PATH; uji klien Python memerlukannya")
        let directory = Self.packageRoot.appendingPathComponent(folder)
        let output = try Self.run(
            python, ["-m", "unittest", "-v", module], in: directory,
            environment: ["SKM_BINARY": SKMProcess.binary, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8"])
        #expect(output.status == 0, "python3 -m unittest \(module) in \(folder) exited \(output.status):\n\(output.text)")
    }

    /// python3 from PATH, as a shell would find it.
    static func python3() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The first python3 (PATH's, then the system's) that can import `module`.
    static func python3(importing module: String) -> String? {
        let candidates = [python3(), "/usr/bin/python3"].compactMap { $0 }
        return candidates.first { candidate in
            FileManager.default.isExecutableFile(atPath: candidate)
                && (try? run(candidate, ["-c", "import \(module)"], in: packageRoot, environment: [:], limit: 60).status) == 0
        }
    }

    /// Runs a program to its end with stdout and stderr merged; stopped after `limit` seconds.
    static func run(
        _ executable: String, _ arguments: [String], in directory: URL, environment extra: [String: String],
        limit: Double = 300
    ) throws -> (status: Int32, text: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: watchdog)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
