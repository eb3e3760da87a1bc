import Foundation
import SKMJSON
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Files skm writes: never through a planted link, never over a file it did not create without
/// `--force`, owner-only for exports, whole sets for reports; and standard output that cannot be
/// written is an error, not a success.
@Suite struct OutputFileTests {
    func withData() throws -> SKMProcess {
        let skm = SKMProcess()
        try skm.registry()
        try skm.run(["submit", "--unit", "KEC", "--service", "KTP", "--answers", "434344343", "--comment", "'=1+1"])
        return skm
    }

    func mode(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & 0o777 : 0
    }

    @Test func aLinkPlantedAtTheTemporaryNameIsNeverFollowed() throws {
        let skm = try withData()
        defer { skm.cleanUp() }
        let victim = try skm.write("victim", "rahasia\n")
        try FileManager.default.createSymbolicLink(atPath: skm.directory + "/out.csv.tmp", withDestinationPath: victim)
        let out = try skm.run(["export", "--out", "out.csv"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "rahasia\n")
        #expect(try String(contentsOfFile: skm.directory + "/out.csv", encoding: .utf8).contains("434344343") == false)
        #expect(try String(contentsOfFile: skm.directory + "/out.csv", encoding: .utf8).contains("KEC"))
        let left = try FileManager.default.contentsOfDirectory(atPath: skm.directory).filter { $0.contains("tmp") }
        #expect(left == ["out.csv.tmp"], "temporary files left behind: \(left)")
    }

    @Test func anExportIsOwnerOnlyAndReplacesAFileOnlyWithForce() throws {
        let skm = try withData()
        defer { skm.cleanUp() }
        #expect(try skm.run(["export", "--out", "hasil.csv"]).status == 0)
        #expect(mode(skm.directory + "/hasil.csv") == 0o600)
        let own = try skm.write("milik-saya.csv", "jangan ditimpa\n")
        let refused = try skm.run(["export", "--out", "milik-saya.csv"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("sudah ada") && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: own, encoding: .utf8) == "jangan ditimpa\n")
        // A link the user names with --force is followed: the file it points to is replaced.
        try FileManager.default.createSymbolicLink(atPath: skm.directory + "/tautan.csv", withDestinationPath: own)
        #expect(try skm.run(["export", "--out", "tautan.csv", "--force"]).status == 0)
        #expect(try String(contentsOfFile: own, encoding: .utf8).contains("KEC"))
        #expect(mode(skm.directory + "/tautan.csv") == 0o777, "the link itself stays a link")
    }

    @Test func reportFilesFollowTheUmaskAndRefuseALinkAtTheirNames() throws {
        let skm = try withData()
        defer { skm.cleanUp() }
        let year = String(Calendar.current.component(.year, from: Date()))
        let first = try skm.run(["report", "--year", year, "--format", "html,md", "--out", "lap"])
        #expect(first.status == 0, "\(first.stderr)")
        let mask = umask(0o022)
        umask(mask)
        #expect(mode(skm.directory + "/lap/laporan-skm-\(year).html") == 0o666 & ~mask)
        // Re-running replaces skm's own files and leaves the person's files alone.
        let note = try skm.write("lap/catatan.txt", "catatan\n")
        #expect(try skm.run(["report", "--year", year, "--format", "html,md", "--out", "lap"]).status == 0)
        #expect(try String(contentsOfFile: note, encoding: .utf8) == "catatan\n")
    }

    @Test func aReRunLeavesNoStaleCSVTablesAndNoOneElsesFiles() throws {
        let skm = try withData()
        defer { skm.cleanUp() }
        let year = String(Calendar.current.component(.year, from: Date()))
        let folder = skm.directory + "/lap/tabel-csv"
        #expect(try skm.run(["report", "--year", year, "--format", "csv", "--out", "lap"]).status == 0)
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        // A population adds the sample-size table in BAB II: every later table's number shifts.
        let again = try skm.run(["report", "--year", year, "--format", "csv", "--out", "lap", "--population", "500"])
        #expect(again.status == 0, "\(again.stderr)")
        let after = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        let written = Set(again.stdout.split(separator: "\n").map { String($0.split(separator: "/").last ?? "") })
        #expect(after == written, "stale tables: \(after.subtracting(written).sorted())")
        #expect(before != after)
        // A person's file in the folder, and the HTML of an earlier run, stay.
        _ = try skm.write("lap/tabel-csv/laporan-skm-\(year)-99-catatan.txt", "milik saya\n")
        _ = try skm.write("lap/tabel-csv/laporan-skm-\(year)-01-salinan-saya.csv", "milik saya\n")
        #expect(try skm.run(["report", "--year", year, "--format", "html", "--out", "lap"]).status == 0)
        #expect(try skm.run(["report", "--year", year, "--format", "csv", "--out", "lap"]).status == 0)
        let last = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        #expect(last.contains("laporan-skm-\(year)-99-catatan.txt") && last.contains("laporan-skm-\(year)-01-salinan-saya.csv"))
        #expect(FileManager.default.fileExists(atPath: skm.directory + "/lap/laporan-skm-\(year).html"))
        #expect(last.count == before.count + 2, "\(last.sorted())")
    }

    @Test func theDemoReplacesOnlyItsOwnDatabase() throws {
        let skm = try withData()
        defer { skm.cleanUp() }
        // `skm demo --dir .` beside a real database: refused, the database untouched.
        let refused = try skm.run(["demo", "--dir", "."])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("tidak dibuat oleh skm demo") && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try skm.storedCount() == 1)
        // A second demo run replaces the first demo's database; --force replaces any.
        #expect(try skm.run(["demo", "--dir", "contoh"]).status == 0)
        let again = try skm.run(["demo", "--dir", "contoh"])
        #expect(again.status == 0, "\(again.stderr)")
        let forced = try skm.run(["demo", "--dir", ".", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try skm.storedCount() > 1)
    }

    @Test func aReportThatFailsMidwayLeavesNoPartialSet() throws {
        let skm = try withData()
        defer { skm.cleanUp() }
        let year = String(Calendar.current.component(.year, from: Date()))
        try FileManager.default.createDirectory(atPath: skm.directory + "/lap", withIntermediateDirectories: true)
        // The CSV tables' folder name is taken by a file: the CSV step fails after HTML and Markdown.
        _ = try skm.write("lap/tabel-csv", "bukan folder\n")
        let failed = try skm.run(["report", "--year", year, "--format", "html,md,csv", "--out", "lap"])
        #expect(failed.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: skm.directory + "/lap") == ["tabel-csv"])
        // A link at the Markdown name: refused, the linked file intact, no HTML written either.
        try FileManager.default.createDirectory(atPath: skm.directory + "/baru", withIntermediateDirectories: true)
        let victim = try skm.write("victim", "rahasia\n")
        try FileManager.default.createSymbolicLink(
            atPath: skm.directory + "/baru/laporan-skm-\(year).md", withDestinationPath: victim)
        let refused = try skm.run(["report", "--year", year, "--format", "html,md", "--out", "baru"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("tautan simbolik"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "rahasia\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: skm.directory + "/baru") == ["laporan-skm-\(year).md"])
    }

    /// Runs skm with standard output going to `path` (here /dev/full: every write fails ENOSPC).
    func run(
        _ skm: SKMProcess, _ arguments: [String], stdoutTo path: String, stdinFrom input: String? = nil
    ) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SKMProcess.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: skm.directory)
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": skm.directory, "LANG": "C.UTF-8"]
        process.standardOutput = try #require(FileHandle(forWritingAtPath: path))
        let err = Pipe()
        process.standardError = err
        process.standardInput = try input.map { try #require(FileHandle(forReadingAtPath: $0)) } ?? FileHandle.nullDevice
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    @Test func aFullDiskOnStandardOutputIsAnError() throws {
        let skm = try withData()
        defer { skm.cleanUp() }
        let export = try run(skm, ["export"], stdoutTo: "/dev/full")
        #expect(export.status == 1)
        #expect(export.stderr.contains("Keluaran standar tidak dapat ditulis: disk penuh"), "\(export.stderr)")
        #expect(!export.stderr.contains("diekspor"), "\(export.stderr)")
        let csv = try run(skm, ["ikm", "--csv"], stdoutTo: "/dev/full")
        #expect(csv.status == 1)
        #expect(csv.stderr.contains("disk penuh"), "\(csv.stderr)")
        let json = try run(skm, ["response", "list", "--json"], stdoutTo: "/dev/full")
        #expect(json.status == 1)
    }

    @Test func theRPCServerSaysWhenItsAnswersCannotBeWritten() throws {
        let skm = try withData()
        defer { skm.cleanUp() }
        let request = #"{"jsonrpc":"2.0","method":"sample.size","params":{"population":1000},"id":1}"#
        let input = try skm.write("permintaan.jsonl", String(repeating: request + "\n", count: 3))
        let full = try run(skm, ["rpc"], stdoutTo: "/dev/full", stdinFrom: input)
        #expect(full.status == 1)
        #expect(full.stderr.contains("keluaran standar tidak dapat ditulis: disk penuh"), "\(full.stderr)")
        // A client that closes its end is not an error: nobody is left to answer.
        let gone = try skm.run(["rpc"], input: request + "\n")
        #expect(gone.status == 0)
    }

    @Test func controlCharactersInMessagesReachTheTerminalEscaped() throws {
        let skm = try withData()
        defer { skm.cleanUp() }
        for arguments in [
            ["response", "show", "\u{1B}[2J\u{202E}7"], ["unit", "add", "\u{1B}]0;x\u{7}", "Nama"],
            ["ikm", "--unit", "A\u{9B}31m"],
        ] {
            let out = try skm.run(arguments)
            #expect(out.status != 0)
            #expect(
                !out.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\u{9B}" || $0 == "\u{7}" },
                "\(arguments)")
            #expect(out.stderr.contains("\\u{"), "\(out.stderr)")
        }
    }

    @Test func aReaderThatWentAwayEndsTheOutputQuietly() throws {
        let skm = try withData()
        defer { skm.cleanUp() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SKMProcess.binary)
        process.arguments = ["export"]
        process.currentDirectoryURL = URL(fileURLWithPath: skm.directory)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try out.fileHandleForReading.close()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(!stderr.contains("tidak dapat ditulis"), "\(stderr)")
    }
}
