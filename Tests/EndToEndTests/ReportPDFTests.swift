import Foundation
import Testing

/// Prints the HTML report to PDF with a headless browser or LibreOffice, when one is installed.
enum PDFPrinter {
    static let programs = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "soffice", "libreoffice"]

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

    static let skipMessage: Comment = "Chromium/LibreOffice tidak terpasang; uji PDF dilewati"

    /// Prints `html` to a PDF in `directory`; returns the PDF's path.
    static func print(_ html: String, into directory: String) throws -> String {
        guard let program = found else { return "" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        let isOffice = program.hasSuffix("soffice") || program.hasSuffix("libreoffice")
        let pdf: String
        if isOffice {
            pdf = directory + "/" + (html as NSString).lastPathComponent.replacingOccurrences(of: ".html", with: ".pdf")
            process.arguments = ["--headless", "--convert-to", "pdf", "--outdir", directory, html]
        } else {
            pdf = directory + "/laporan.pdf"
            process.arguments = [
                "--headless", "--disable-gpu", "--no-sandbox", "--no-pdf-header-footer", "--print-to-pdf=\(pdf)",
                URL(fileURLWithPath: html).absoluteString,
            ]
        }
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
}

@Suite struct ReportPDFTests {
    @Test(.enabled(if: PDFPrinter.found != nil, PDFPrinter.skipMessage))
    func theHTMLPrintsToSeveralA4Pages() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.run(["demo"])
        let html = skm.directory + "/skm-demo/laporan-2025/laporan-skm-2025.html"
        let pdf = try PDFPrinter.print(html, into: skm.directory)
        #expect(FileManager.default.fileExists(atPath: pdf), "no PDF from \(PDFPrinter.found ?? "")")
        let pages = PDFPrinter.pageCount(pdf)
        #expect(pages > 1, "\(pages) pages")
        if !(PDFPrinter.found ?? "").contains("office") {
            // Cover, contents, five chapters and the appendix each start a page.
            #expect(pages >= 8, "\(pages) pages")
            let text = String(decoding: FileManager.default.contents(atPath: pdf) ?? Data(), as: Unicode.ASCII.self)
            #expect(text.contains("/MediaBox [0 0 595"), "not A4")
        }
    }
}
