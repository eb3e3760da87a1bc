import Foundation
import SKMCore
import SKMJSON
import SKMReport
import SKMService
import SKMTestSupport

/// A service on a fresh database (unit KEC with services KTP, SKET and IZIN), fixed clock, and
/// helpers to render the annual report in memory or write it to the fixture's folder.
final class ReportFixture {
    let workspace: TestWorkspace
    var directory: String { workspace.directory }
    var service: SKMService { workspace.service }

    static let clock = FixedClock(
        date: CivilDate(year: 2026, month: 1, day: 15) ?? CivilDate(dayNumber: 0), instant: "2026-01-15T08:00:00.000Z")

    init() throws {
        workspace = try TestWorkspace(
            name: "report-tests", clock: Self.clock, services: TestWorkspace.ktpAndSket + [("IZIN", "Perizinan")])
    }

    /// One response; `answers` in question order, "-" for a blank.
    func submit(
        _ answers: String, service: String = "KTP", date: String = "2025-03-14", gender: String? = "P",
        education: String? = "SMA", occupation: String? = "SWASTA", age: Int? = 34, time: String? = "09:00",
        comment: String? = nil
    ) throws {
        let byQuestion: [RawInteger] = answers.map { $0 == "-" ? .blank : .value(Int(String($0)) ?? 0) }
        let draft = ResponseDraft(
            unit: "KEC", service: service, date: date, time: time, answers: .byQuestion(byQuestion), gender: gender,
            education: education, occupation: occupation, age: age.map { .value($0) } ?? .blank, comment: comment)
        _ = try self.service.submit(draft)
    }

    /// A small, varied year: 12 responses over three quarters and two services.
    func typicalYear(_ year: Int = 2025) throws {
        let rows: [(String, String, String)] = [
            ("443444434", "KTP", "01-10"), ("333343333", "KTP", "02-11"), ("434344343", "SKET", "03-12"),
            ("232333232", "KTP", "04-14"), ("444444444", "SKET", "05-15"), ("343434343", "KTP", "06-16"),
            ("333333-33", "SKET", "07-17"), ("443343434", "KTP", "08-18"), ("324333323", "KTP", "09-19"),
            ("444434444", "SKET", "02-20"), ("332333332", "KTP", "05-21"), ("434343434", "SKET", "08-22"),
        ]
        for (i, row) in rows.enumerated() {
            try submit(
                row.0, service: row.1, date: "\(year)-\(row.2)", gender: i % 3 == 0 ? "L" : "P",
                education: ["SD", "SMA", "S1", nil][i % 4], age: i % 5 == 0 ? nil : 19 + i * 4,
                time: i % 4 == 0 ? "14:00" : "09:30")
        }
    }

    func data(_ request: ReportRequest) throws -> ReportData {
        try service.annualReportData(request).0
    }

    func html(_ request: ReportRequest) throws -> String {
        HTMLReport.render(ReportContent.document(try data(request)))
    }

    func markdown(_ request: ReportRequest) throws -> String {
        MarkdownReport.render(ReportContent.document(try data(request)))
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }
}

/// Reads the tables of a rendered report back, for comparing numbers.
enum ReadBack {
    /// The body and footer rows of `<table id="tabel-ID">`, cell text unescaped.
    static func htmlRows(_ html: String, table id: String) -> [[String]] {
        guard let start = html.range(of: "<table id=\"tabel-\(id)\""),
            let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex)
        else { return [] }
        let body = html[start.upperBound..<end.lowerBound]
        var rows: [[String]] = []
        for chunk in body.components(separatedBy: "<tr>").dropFirst() {
            guard !chunk.contains("<th") else { continue }
            var cells: [String] = []
            for piece in chunk.components(separatedBy: "<td").dropFirst() {
                guard let open = piece.firstIndex(of: ">"), let close = piece.range(of: "</td>") else { continue }
                cells.append(unescape(strippingTags(String(piece[piece.index(after: open)..<close.lowerBound]))))
            }
            rows.append(cells)
        }
        return rows
    }

    /// The rows of the Markdown table whose caption contains `caption`, cells unescaped.
    static func markdownRows(_ markdown: String, caption: String) -> [[String]] {
        let lines = markdown.components(separatedBy: "\n")
        guard let at = lines.firstIndex(where: { $0.hasPrefix("**Tabel") && $0.contains(caption) }) else { return [] }
        var rows: [[String]] = []
        for line in lines[(at + 4)...] {
            guard line.hasPrefix("| ") else { break }
            let inner = line.dropFirst(2).dropLast(2)
            var cells: [String] = []
            var current = ""
            var escaped = false
            for c in inner {
                if escaped {
                    current.append(c)
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else if c == "|" {
                    cells.append(current.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "**", with: ""))
                    current = ""
                } else {
                    current.append(c)
                }
            }
            cells.append(current.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "**", with: ""))
            rows.append(cells)
        }
        return rows
    }

    static func strippingTags(_ s: String) -> String {
        var out = ""
        var inTag = false
        for c in s {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
        }
        return out
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// How Indonesian readers see a JSON number in the report: "88,31".
    static func id(_ value: JSONValue?, _ decimals: Int) -> String {
        guard let v = value?.numberValue?.double else { return "–" }
        return IndonesianNumber.format(v, decimals: decimals)
    }
}
