import Foundation
import Testing

/// Runs Python readers over files SKMOffice wrote: python3's standard library, or python-docx from
/// the virtual environment `.ci/run` makes (`.build/ci-venv`, or `SKM_CI_VENV`).
enum OfficePython {
    static let mustRun = ProcessInfo.processInfo.environment["CI"] == "true"

    /// The package root: this file is Tests/SKMOfficeTests/OfficePython.swift.
    static let root: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
        return path
    }()

    /// A python3 that can import `docx`, if any.
    static let docx: String? = {
        let venv = ProcessInfo.processInfo.environment["SKM_CI_VENV"] ?? (root + "/.build/ci-venv")
        return [venv + "/bin/python3", "/usr/bin/python3"].first { candidate in
            FileManager.default.isExecutableFile(atPath: candidate) && (try? run(candidate, "import docx", []).status) == 0
        }
    }()

    static let skipDocx: Comment = "python-docx tidak terpasang; uji dilewati (di CI uji ini gagal, tidak dilewati)"

    /// Writes `bytes` to a temporary file and runs `script` with its path as `sys.argv[1]`.
    static func check(_ bytes: [UInt8], suffix: String, script: String, python: String = "/usr/bin/python3") throws -> (
        status: Int32, output: String
    ) {
        let path = NSTemporaryDirectory() + "skm-office-\(UUID().uuidString)" + suffix
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try run(python, script, [path])
    }

    static func run(_ python: String, _ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script] + arguments
        process.environment = ["PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8", "PATH": "/usr/bin:/bin"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
