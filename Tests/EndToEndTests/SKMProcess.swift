import Foundation
import SKMJSON

/// Runs the built `skm` binary as a subprocess, the way a user or a script does.
struct SKMProcess {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String

        /// stdout parsed as JSON (null when it is not JSON).
        var json: JSONValue { (try? JSONParser().parse(stdout)) ?? .null }
    }

    /// The `skm` executable built next to the test bundle.
    static var binary: String {
        Bundle.main.bundleURL.appendingPathComponent("skm").path
    }

    let directory: String

    /// A fresh working folder for one test.
    init() {
        directory = NSTemporaryDirectory() + "skm-e2e-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    var database: String { directory + "/skm.sqlite" }

    @discardableResult
    func run(_ arguments: [String], input: String? = nil, environment extra: [String: String] = [:]) throws -> Output {
        try run(arguments, bytes: input.map { Array($0.utf8) }, environment: extra)
    }

    /// With `python`, runs `python3 arguments[1...]` instead of skm (for pseudo-terminal tests).
    @discardableResult
    func run(_ arguments: [String], input: String?, environment extra: [String: String], python: Bool) throws -> Output {
        try run(arguments, bytes: input.map { Array($0.utf8) }, environment: extra, python: python)
    }

    @discardableResult
    func run(_ arguments: [String], bytes input: [UInt8]?, environment extra: [String: String] = [:], python: Bool = false) throws
        -> Output
    {
        let process = Process()
        if python {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3"] + arguments.dropFirst()
        } else {
            process.executableURL = URL(fileURLWithPath: Self.binary)
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ["PATH": "/usr/bin:/bin", "HOME": directory, "LANG": "C.UTF-8"]
        for (k, v) in extra { environment[k] = v }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        let inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input)) }
        try inPipe.fileHandleForWriting.close()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A database with unit KEC and services KTP and SKET.
    func registry() throws {
        try run(["unit", "add", "KEC", "Kecamatan", "Uji"])
        try run(["service", "add", "KEC", "KTP", "KTP-el"])
        try run(["service", "add", "KEC", "SKET", "Surat", "Keterangan"])
    }

    /// How many responses are stored (voided included), read through the CLI.
    func storedCount() throws -> Int {
        try run(["response", "list", "--json", "--limit", "1000"]).json.arrayValue?.count ?? -1
    }
}
