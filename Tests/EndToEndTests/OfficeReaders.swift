import Foundation
import SKMJSON
import SKMTestSupport
import Testing

/// The real readers of the Word files skm writes: python-docx (in the virtual environment `.ci/run`
/// makes, `.build/ci-venv`, or `SKM_CI_VENV`) and LibreOffice Writer headless with pdfinfo. Under
/// CI=true a missing reader fails its test instead of skipping it.
enum OfficeReaders {
    static let mustRun = ProcessInfo.processInfo.environment["CI"] == "true"

    /// A python3 that can import `docx`: the CI virtual environment's, else PATH's.
    static let pythonDocx: String? = {
        let venv = ProcessInfo.processInfo.environment["SKM_CI_VENV"] ?? (PackagePaths.root + "/.build/ci-venv")
        let candidates = [venv + "/bin/python3", PythonClientTests.python3()].compactMap { $0 }
        return candidates.first { candidate in
            FileManager.default.isExecutableFile(atPath: candidate)
                && (try? PythonClientTests.run(
                    candidate, ["-c", "import docx"], in: URL(fileURLWithPath: PackagePaths.root), environment: [:], limit: 60
                ).status) == 0
        }
    }()

    static let soffice: String? = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/bin/libreoffice"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static let pdfinfo: String? = ["/usr/bin/pdfinfo", "/usr/local/bin/pdfinfo"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static let skipDocx: Comment = "python-docx tidak terpasang; uji dilewati (di CI uji ini gagal, tidak dilewati)"
    static let skipWriter: Comment = "LibreOffice Writer atau pdfinfo tidak terpasang; uji dilewati (di CI gagal)"

    /// What Scripts/docx/read_docx.py reports about a .docx.
    static func read(_ path: String) throws -> JSONValue {
        let python = try #require(pythonDocx, "python-docx tidak ditemukan; .ci/run memasangnya di .build/ci-venv")
        let output = try PythonClientTests.run(
            python, [PackagePaths.root + "/Scripts/docx/read_docx.py", path], in: URL(fileURLWithPath: PackagePaths.root),
            environment: ["PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8"])
        try #require(output.status == 0, "read_docx.py: \(output.text)")
        return try JSONParser().parse(output.text)
    }

    /// Converts a document to PDF with LibreOffice headless (its own profile in `directory`);
    /// returns the page count pdfinfo reads, or nil when no PDF came out.
    static func pdfPages(of document: String, in directory: String) throws -> Int? {
        let soffice = try #require(soffice, "LibreOffice tidak ditemukan; .ci/run memasang libreoffice-writer-nogui")
        let pdfinfo = try #require(pdfinfo, "pdfinfo tidak ditemukan; .ci/run memasang poppler-utils")
        let out = directory + "/pdf-" + UUID().uuidString
        let converted = try PythonClientTests.run(
            soffice,
            [
                "--headless", "-env:UserInstallation=file://\(directory)/lo-profile", "--convert-to", "pdf", "--outdir", out,
                document,
            ], in: URL(fileURLWithPath: directory), environment: ["HOME": directory], limit: 240)
        let name = URL(fileURLWithPath: document).deletingPathExtension().lastPathComponent + ".pdf"
        guard converted.status == 0, FileManager.default.fileExists(atPath: out + "/" + name) else {
            Issue.record("LibreOffice did not convert \(document): \(converted.text)")
            return nil
        }
        let info = try PythonClientTests.run(pdfinfo, [out + "/" + name], in: URL(fileURLWithPath: directory), environment: [:])
        let line = info.text.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        return line.flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
    }
}
