import Foundation
import Testing

/// Prints the HTML report to PDF with headless Chromium (`.ci/run` installs it; LibreOffice is not used
/// here because the Calc-only install the client tests need cannot open HTML).
enum PDFPrinter {
    static let programs = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The first printer found on PATH (or the usual folders).
    static let found: String? = {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/bin:/usr/local/bin:/snap/bin"
        for program in programs {
            for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(program)") {
                return "\(dir)/\(program)"
            }
        }
        return nil
    }()

    static let skipMessage: Comment = "Chromium tidak terpasang; uji PDF dilewati (di CI uji ini gagal, tidak dilewati)"

    /// In CI a missing printer is a failure, not a skip: `.ci/run` installs Chromium.
    static let mustRun = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Prints `html` to a PDF in `directory`; returns the PDF's path.
    static func print(_ html: String, into directory: String) throws -> String {
        guard let program = found else { return "" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        let pdf = directory + "/laporan.pdf"
        process.arguments = [
            "--headless", "--disable-gpu", "--no-sandbox", "--no-pdf-header-footer", "--print-to-pdf=\(pdf)",
            URL(fileURLWithPath: html).absoluteString,
        ]
        process.environment = ["HOME": directory, "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return pdf
    }

    /// The number of page objects in a PDF.
    static func pageCount(_ path: String) -> Int {
        guard let data = FileManager.default.contents(atPath: path) else { return 0 }
        let text = String(decoding: data, as: Unicode.ASCII.self)
        let pattern = try? NSRegularExpression(pattern: #"/Type\s*/Page(?![a-zA-Z])"#)
        return pattern?.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text)) ?? 0
    }

    /// Width and height in points of every page's `/MediaBox` (A4 is about 595 × 842).
    static func mediaBoxes(_ path: String) -> [(width: Double, height: Double)] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let text = String(decoding: data, as: Unicode.ASCII.self)
        guard let pattern = try? NSRegularExpression(pattern: #"/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]"#) else {
            return []
        }
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            guard let w = Range(match.range(at: 1), in: text), let h = Range(match.range(at: 2), in: text),
                let width = Double(text[w]), let height = Double(text[h])
            else { return nil }
            return (width, height)
        }
    }
}

@Suite struct ReportPDFTests {
    @Test(.enabled(if: PDFPrinter.found != nil || PDFPrinter.mustRun, PDFPrinter.skipMessage))
    func theHTMLPrintsToSeveralA4Pages() throws {
        try #require(PDFPrinter.found != nil, "Chromium tidak ditemukan; .ci/run harus memasangnya")
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.run(["demo"])
        let html = skm.directory + "/skm-demo/laporan-2025/laporan-skm-2025.html"
        let pdf = try PDFPrinter.print(html, into: skm.directory)
        #expect(FileManager.default.fileExists(atPath: pdf), "no PDF from \(PDFPrinter.found ?? "")")
        let pages = PDFPrinter.pageCount(pdf)
        // Cover, contents, five chapters and the appendix each start a page.
        #expect(pages >= 8, "\(pages) pages")
        let boxes = PDFPrinter.mediaBoxes(pdf)
        #expect(boxes.count == pages, "\(boxes.count) media boxes for \(pages) pages")
        for box in boxes {
            #expect(abs(box.width - 595.28) < 1 && abs(box.height - 841.89) < 1, "not A4: \(box.width) × \(box.height)")
        }
    }
}
