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
    /// With `browserDefaults`, prints as a person would from the browser: its own headers and
    /// footers (date, title, file path) left on, so only the report's CSS can keep them out.
    static func print(_ html: String, into directory: String, browserDefaults: Bool = false) throws -> String {
        guard let program = found else { return "" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        let pdf = directory + "/laporan.pdf"
        process.arguments =
            ["--headless", "--disable-gpu", "--no-sandbox"] + (browserDefaults ? [] : ["--no-pdf-header-footer"]) + [
                "--print-to-pdf=\(pdf)", URL(fileURLWithPath: html).absoluteString,
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

/// `pdftotext -layout` (poppler-utils, installed by `.ci/run`): the text of every printed page.
enum PDFText {
    static let program: String? = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// The pages' text, in order (form feeds separate the pages).
    static func pages(_ pdf: String) throws -> [String] {
        guard let program else { return [] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["-layout", "-enc", "UTF-8", pdf, "-"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var pages = String(decoding: data, as: UTF8.self).components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    /// A page's non-empty lines, trimmed.
    static func lines(_ page: String) -> [String] {
        page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
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

    @Test(.enabled(if: (PDFPrinter.found != nil && PDFText.program != nil) || PDFPrinter.mustRun, PDFPrinter.skipMessage))
    func thePrintedReportIsNumberedWithAContentsPageAndNoBrowserFooter() throws {
        try #require(PDFPrinter.found != nil, "Chromium tidak ditemukan; .ci/run harus memasangnya")
        try #require(PDFText.program != nil, "pdftotext tidak ditemukan; .ci/run memasang poppler-utils")
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.run(["demo"])
        _ = try skm.write(
            "skm-demo/skm-report.json",
            #"{"office": {"name": "Kantor Camat Tomoni Timur", "head": "Drs. Andi Muhammad Syahrul Ramadhan Putra Pratama, S.Sos., M.Si.", "nip": "198001012005011001", "position": "Camat Tomoni Timur", "city": "Tomoni Timur"}, "pelaksana": "Tim SKM", "population": 9400}"#
        )
        let report = try skm.run(["report", "--year", "2025", "--db", "skm-demo/skm.sqlite", "--format", "html", "--out", "lap"])
        #expect(report.status == 0, "\(report.stderr)")
        let pdf = try PDFPrinter.print(skm.directory + "/lap/laporan-skm-2025.html", into: skm.directory, browserDefaults: true)
        let pages = try PDFText.pages(pdf)
        #expect(pages.count >= 10, "\(pages.count) pages")
        let all = pages.joined(separator: "\n")
        // The browser's own header and footer (file path, date, "1/15") are kept out by the CSS.
        #expect(!all.contains("file://") && !all.contains("laporan-skm-2025.html"), "browser footer printed")
        #expect(!all.contains("skm iku") && !all.contains("basis data"), "command or database wording in the report")
        // The cover has no number, the contents page a roman one, every chapter III-1, III-2, …
        #expect(!(PDFText.lines(pages[0]).last ?? "").hasPrefix("Halaman"))
        #expect(PDFText.lines(pages[1]).first == "DAFTAR ISI")
        #expect(PDFText.lines(pages[1]).last == "Halaman ii")
        var firstPage: [String: Int] = [:]
        var previous: (prefix: String, number: Int)?
        for (index, page) in pages.enumerated().dropFirst(2) {
            let footer = PDFText.lines(page).last ?? ""
            let parts = footer.replacingOccurrences(of: "Halaman ", with: "").split(separator: "-")
            try #require(footer.hasPrefix("Halaman ") && parts.count == 2, "page \(index + 1) footer: \(footer)")
            let prefix = String(parts[0])
            let number = try #require(Int(parts[1]))
            if previous?.prefix == prefix {
                #expect(
                    number == (previous?.number ?? 0) + 1, "page \(index + 1): \(footer) after \(previous.map { "\($0)" } ?? "")")
            } else {
                #expect(number == 1, "page \(index + 1): a chapter starts at \(footer)")
                firstPage[prefix] = index
            }
            previous = (prefix, number)
        }
        #expect(firstPage.keys.sorted() == ["I", "II", "III", "IV", "L", "V"], "\(firstPage)")
        // The contents page names each chapter's first page, and that page starts with the chapter.
        let contents = PDFText.lines(pages[1])
        for (title, prefix) in [
            ("BAB I PENDAHULUAN", "I"), ("BAB II PENGUMPULAN DATA", "II"), ("BAB III HASIL SURVEI", "III"),
            ("BAB IV ANALISIS DAN RENCANA TINDAK LANJUT", "IV"), ("BAB V PENUTUP", "V"), ("LAMPIRAN", "L"),
        ] {
            let line = contents.first { $0.hasPrefix(title + " ") }
            #expect(line?.hasSuffix(" \(prefix)-1") == true, "contents: \(line ?? "no line for \(title)")")
            let page = try #require(firstPage[prefix])
            #expect(PDFText.lines(pages[page]).first == title, "page \(page + 1) does not start with \(title)")
        }
        // The signature: NIP in its groups, the long name on one line.
        let signature = try #require(firstPage["V"].map { PDFText.lines(pages[$0]) })
        #expect(signature.contains("NIP. 19800101 200501 1 001"), "\(signature)")
        #expect(signature.contains("Drs. Andi Muhammad Syahrul Ramadhan Putra Pratama, S.Sos., M.Si."), "\(signature)")
    }
}
