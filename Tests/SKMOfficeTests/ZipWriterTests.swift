import Foundation
import SKMOffice
import Testing

/// The archive ZipWriter builds is read back by Python's zipfile (an independent reader): names,
/// contents, stored and deflated entries, and a large streamed entry.
@Suite struct ZipWriterTests {
    @Test func pythonZipfileReadsWhatWeWrite() throws {
        let zip = ZipWriter()
        try zip.add("mimetype", text: "application/test", compress: false)
        try zip.add("xl/worksheets/sheet1.xml", text: "<sheet>Sangat baik — ü</sheet>")
        try zip.beginEntry("big.txt")
        for row in 0..<50_000 { try zip.write("baris \(row)\n") }
        try zip.endEntry()
        try zip.add("empty", bytes: [])
        let bytes = try zip.finish()

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skm-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = folder.appendingPathComponent("t.zip")
        try Data(bytes).write(to: archive)
        let script = """
            import sys, zipfile, hashlib
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            print([(i.filename, i.compress_type, i.file_size) for i in z.infolist()])
            print(z.read("xl/worksheets/sheet1.xml").decode("utf-8"))
            big = z.read("big.txt").decode()
            print(big.count("\\n"), big.splitlines()[-1])
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, archive.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("[('mimetype', 0, 16), ('xl/worksheets/sheet1.xml', 8, ") == true)
        #expect(lines.first?.hasSuffix("('empty', 8, 0)]") == true)
        #expect(lines.dropFirst().first == "<sheet>Sangat baik — ü</sheet>")
        #expect(lines.last == "50000 baris 49999")
    }

    @Test func theSameContentGivesTheSameBytes() throws {
        func archive() throws -> [UInt8] {
            let zip = ZipWriter()
            try zip.add("a.xml", text: String(repeating: "<r>1</r>", count: 1000))
            return try zip.finish()
        }
        let first = try archive()
        #expect(first == (try archive()))
        #expect(first.count < 200)
    }

    @Test(arguments: ["", "/etc/passwd", "../x", "a/../../x", "a//b", "a\\b", "./a"])
    func unsafeNamesAreRefused(_ name: String) {
        let zip = ZipWriter()
        #expect(throws: OfficeError.unsafeEntryName(name)) { try zip.beginEntry(name) }
    }

    @Test func misuseIsAnErrorNotATrap() throws {
        let zip = ZipWriter()
        #expect(throws: OfficeError.writerMisuse("no entry is open")) { try zip.write("x") }
        try zip.add("a", text: "1")
        #expect(throws: OfficeError.duplicateEntry("a")) { try zip.add("a", text: "2") }
        _ = try zip.finish()
        #expect(throws: OfficeError.self) { try zip.add("b", text: "1") }
    }
}
