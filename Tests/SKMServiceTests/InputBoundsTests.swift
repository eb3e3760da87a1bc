import Foundation
import SKMCore
import SKMJSON
import SKMService
import SKMTestSupport
import Testing

/// Input that would make skm's memory, messages or stored values go wrong: over-long lines and
/// headers, answers a floating-point parse rounded, formula-like text, oversized questionnaires.
@Suite struct InputBoundsTests {
    static let header = "date,unit,service,U1,U2,U3,U4,U5,U6,U7,U8,U9,comment\n"

    @Test func aCSVLineWithoutEndIsRefusedWithItsLineNumber() throws {
        let f = try ServiceFixture()
        let single = try f.file("satu.csv", String(repeating: "a", count: 5 << 20))
        let e1 = skmError { _ = try f.service.importFile(path: single, options: ImportOptions()) }
        #expect(e1?.code == .csvMalformed)
        #expect(e1?.message.contains("Baris 1") == true && e1?.message.contains("4 MiB") == true, "\(e1?.message ?? "")")
        // An unclosed quote in row 3 runs to the end of a long file: refused at 4 MiB, nothing stored.
        let good = "2025-03-01,KEC,KTP,4,3,4,3,4,4,3,3,4,baik\n"
        let quoted = Self.header + good + "2025-03-02,KEC,KTP,4,3,4,3,4,4,3,3,4,\"" + String(repeating: "x,", count: 3 << 20)
        let report = try f.service.importFile(path: try f.file("kutip.csv", quoted), options: ImportOptions())
        #expect(!report.committed && f.storedCount == 0)
        #expect(report.errors.first?.row == 3)
        #expect(report.errors.first?.error.message.contains("4 MiB") == true, "\(report.errors.first?.error.message ?? "")")
    }

    @Test func aJSONLinesLinePastTheLimitIsOneBadRow() throws {
        let f = try ServiceFixture()
        let good = #"{"unit":"KEC","service":"KTP","date":"2025-03-01","answers":[4,3,4,3,4,4,3,3,4]}"#
        let text = "{\"comment\":\"" + String(repeating: "y", count: 5 << 20) + "\"}\n" + good + "\n"
        let path = try f.file("panjang.jsonl", text)
        let report = try f.service.importFile(path: path, options: ImportOptions())
        #expect(!report.committed && report.invalidRows == 1 && report.rowsRead == 2)
        #expect(report.errors.first?.row == 1)
        #expect(
            report.errors.first?.error.message.contains("lebih dari 4 MiB") == true, "\(report.errors.first?.error.message ?? "")"
        )
        let skipped = try f.service.importFile(path: path, options: ImportOptions(skipInvalid: true))
        #expect(skipped.stored == 1 && f.storedCount == 1)
    }

    @Test func headersAreBoundedAndUnknownColumnsListedBriefly() throws {
        let f = try ServiceFixture()
        let wide = (0..<2000).map { "x\($0)" }.joined(separator: ",") + "\n"
        let e1 = skmError { _ = try f.service.importFile(path: try f.file("lebar.csv", wide), options: ImportOptions()) }
        #expect(e1?.code == .csvMalformed)
        #expect(e1?.message.contains("lebih dari 1000 kolom") == true, "\(e1?.message ?? "")")
        let unknown =
            "date,unit,service,U1,U2,U3,U4,U5,U6,U7,U8,U9," + (0..<500).map { "kolom\($0)" }.joined(separator: ",") + "\n"
        let e2 = skmError { _ = try f.service.importFile(path: try f.file("asing.csv", unknown), options: ImportOptions()) }
        #expect(e2?.code == .csvHeader)
        #expect(e2?.message.contains("dan 490 lainnya") == true, "\(e2?.message ?? "")")
        #expect((e2?.message.utf8.count ?? .max) < 1000)
        #expect(e2?.details?["unknownCount"] == 500)
    }

    @Test func answersAreReadAsTextNeverRoundedThroughAFloat() throws {
        #expect(RawInteger(text: "4\u{0}") == .invalid("4\u{0}"))
        #expect(RawInteger(text: "3.9999999999999999999") == .invalid("3.9999999999999999999"))
        #expect(RawInteger(text: "4.0000000000000000001") == .invalid("4.0000000000000000001"))
        #expect(RawInteger(text: "1e0") == .invalid("1e0"))
        #expect(RawInteger(text: "4.0") == .value(4))
        #expect(RawInteger(text: "4,00") == .value(4))
        #expect(RawInteger(text: "-2.0") == .value(-2))
        let f = try ServiceFixture()
        let csv =
            Self.header
            + "2025-03-01,KEC,KTP,4\u{0},3,4,3,4,4,3,3,4,\n2025-03-01,KEC,KTP,3.9999999999999999999,3,4,3,4,4,3,3,4,\n"
        let report = try f.service.importFile(path: try f.file("nul.csv", csv), options: ImportOptions())
        #expect(report.invalidRows == 2 && f.storedCount == 0)
        #expect(report.errors.map(\.column) == ["U1", "U1"])
    }

    @Test func formulaPrefixesRoundTripThroughExportAndImport() throws {
        #expect(CSVWriter.neutralised("＝SUM(A1)") == "'＝SUM(A1)")
        #expect(CSVWriter.neutralised("＠x") == "'＠x")
        #expect(CSVWriter.neutralised("=\u{301}x") == "'=\u{301}x")
        #expect(CSVWriter.neutralised("'plain") == "'plain")
        let comments = ["'=1+1", "''@x", "=HYPERLINK(1)", "＋62 811", "－5", "'", "'plain", "-", "''"]
        let source = try ServiceFixture()
        for (i, comment) in comments.enumerated() {
            _ = try source.service.submit(source.draft("434344343", clientID: "c\(i)").with(comment: comment))
        }
        var csv = ""
        _ = try source.service.export(ExportOptions()) { csv += $0 }
        let target = try ServiceFixture()
        let report = try target.service.importFile(path: try target.file("kembali.csv", csv), options: ImportOptions())
        #expect(report.committed, "\(report.errors.map(\.error.message))")
        let back = try target.service.responses(SurveyFilter(), limit: 100).map { $0.content.comment ?? "" }
        #expect(back == comments)
    }

    func definition(unsur count: Int) throws -> String {
        let base = try String(contentsOfFile: PackagePaths.root + "/Questionnaires/permenpanrb-14-2017.json", encoding: .utf8)
        var object = try #require(JSONSerialization.jsonObject(with: Data(base.utf8)) as? [String: Any])
        object["id"] = "besar-\(count)"
        object["status"] = "custom"
        object["unsur"] = (1...count).map { ["code": "U\($0)", "name": "Unsur \($0)"] }
        object["questions"] = (1...count).map {
            ["number": $0, "unsur": "U\($0)", "text": "Pertanyaan \($0)?", "options": ["a", "b", "c", "d"]] as [String: Any]
        }
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    @Test func questionnairesHaveADocumentedSizeLimit() throws {
        let f = try ServiceFixture()
        let tooBig = f.service.checkQuestionnaire(text: try definition(unsur: QuestionnaireLimits.unsur + 1))
        #expect(tooBig.questionnaire == nil)
        #expect(tooBig.errors.contains { $0.path == "unsur" && $0.message.contains("paling banyak 100") }, "\(tooBig.errors)")
        // The largest allowed questionnaire stores answers and computes its IKM.
        let (q, _) = try f.service.addQuestionnaire(text: try definition(unsur: QuestionnaireLimits.unsur))
        let answers = String(repeating: "4", count: q.unsur.count)
        var draft = f.draft(answers)
        draft.questionnaire = q.id
        _ = try f.service.submit(draft)
        let result = try f.service.computeIKM(IKMRequest(filter: SurveyFilter(questionnaire: q.id))).result
        #expect(result.respondents == 1 && result.ikm == 100)
        var long = try #require(JSONSerialization.jsonObject(with: Data(try definition(unsur: 9).utf8)) as? [String: Any])
        long["title"] = String(repeating: "j", count: QuestionnaireLimits.textCharacters + 1)
        let text = String(decoding: try JSONSerialization.data(withJSONObject: long), as: UTF8.self)
        #expect(f.service.checkQuestionnaire(text: text).errors.contains { $0.path == "title" })
    }

    @Test func userTextInMessagesIsEscaped() throws {
        #expect(DisplayText.escaped("a\u{1B}[31m\u{0}\u{202E}b") == "a\\u{1B}[31m\\u{0}\\u{202E}b")
        #expect("x\ny".clipped(10) == "x\\ny")
        #expect(DisplayText.escaped("satu\ndua\t\u{7}", keepingLineBreaks: true) == "satu\ndua\t\\u{7}")
        let f = try ServiceFixture()
        let header = "date,unit,service,U1,U2,U3,U4,U5,U6,U7,U8,U9,\u{1B}[2J\u{202E}\n"
        let e = skmError { _ = try f.service.importFile(path: try f.file("esc.csv", header), options: ImportOptions()) }
        #expect(e?.message.contains("\\u{1B}[2J\\u{202E}") == true, "\(e?.message ?? "")")
        #expect(e?.message.unicodeScalars.contains { DisplayText.isUnsafe($0) } == false)
    }
}

extension ResponseDraft {
    fileprivate func with(comment: String) -> ResponseDraft {
        var copy = self
        copy.comment = comment
        return copy
    }
}
