import Foundation
import SKMQR
import Testing

/// Every symbol is decoded by a real decoder (zbarimg from Debian's zbar-tools); in CI a missing
/// decoder is a failure, not a skip.
@Suite struct QRCodeTests {
    /// Lengths that land on every version 1…10 at level M (byte-mode capacities 14, 26, 42, 62, 84,
    /// 106, 122, 152, 180, 213).
    static let lengths = [1, 14, 15, 26, 27, 42, 43, 62, 63, 84, 85, 106, 107, 122, 123, 152, 153, 180, 181, 213]

    @Test func versionsFollowTheCapacities() throws {
        let versions = try Self.lengths.map { try QRCode(bytes: Array(repeating: 0x41, count: $0)).version }
        #expect(versions == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10])
        #expect(throws: QRError.tooLong(bytes: 214, maximum: 213)) { try QRCode(bytes: Array(repeating: 0, count: 214)) }
    }

    @Test func zbarimgDecodesEveryVersion() throws {
        try Self.withDecoder { decode in
            let base = "http://192.168.1.10:8080/s/KEC-TOMONI/KTP?utm=poster&q="
            for length in Self.lengths {
                let text = String((base + String(repeating: "Ab9-", count: 60)).prefix(length))
                let code = try QRCode(text: text)
                #expect(try decode(code, 4) == text, "length \(length), version \(code.version), mask \(code.mask)")
            }
        }
    }

    @Test func everyMaskDecodes() throws {
        try Self.withDecoder { decode in
            for version in [1, 7] {
                for mask in 0..<8 {
                    // 14 bytes fill version 1; 115 bytes need version 7 (with version information).
                    let text =
                        version == 1 ? "skm.example/K1" : "https://skm.example/s/KEC01/KTP" + String(repeating: "-", count: 84)
                    let code = try QRCode(bytes: Array(text.utf8), mask: mask)
                    #expect(code.mask == mask && code.version == version)
                    #expect(try decode(code, 3) == text, "version \(version) mask \(mask)")
                }
            }
        }
    }

    @Test func svgHasOneRectanglePerDarkRun() throws {
        let code = try QRCode(text: "x")
        let svg = code.svg()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 29 29\""))
        // The top-left finder's first row is 7 dark modules from (4, 4).
        #expect(svg.contains("d=\"M4 4h7v1h-7z"))
    }

    /// Runs `body` with a function that writes a symbol as an image and returns what zbarimg reads
    /// from it (without the trailing newline). Without zbarimg: a failure in CI, else nothing runs.
    static func withDecoder(_ body: (_ decode: (QRCode, Int) throws -> String) throws -> Void) throws {
        guard let zbarimg = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first(where: FileManager.default.isExecutableFile)
        else {
            #expect(ProcessInfo.processInfo.environment["CI"] != "true", "zbarimg (zbar-tools) is missing in CI")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skm-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var count = 0
        try body { code, scale in
            count += 1
            let image = folder.appendingPathComponent("\(count).pgm")
            try Data(code.pgm(scale: scale)).write(to: image)
            let decoded = try run(zbarimg, ["--raw", "-q", image.path])
            return decoded.hasSuffix("\n") ? String(decoded.dropLast()) : decoded
        }
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
