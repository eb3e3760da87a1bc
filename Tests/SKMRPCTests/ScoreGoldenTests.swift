import Foundation
import SKMJSON
import SKMService
import SKMTestSupport
import Testing

@testable import SKMRPC

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `ikm.score` answers pinned byte for byte, as the server writes them to its output: blanks,
/// several respondents, answers by unsur code, every weighting, the three built-in
/// questionnaires and a custom one whose texts need escaping, ids of every kind, notifications,
/// batches and every kind of error. The fast path that writes answers must not change one byte.
///
/// The expected files were written by the server before that path existed; set
/// `SKM_RECORD_GOLDEN=1` to rewrite them (only for a deliberate, documented contract change).
@Suite struct ScoreGoldenTests {
    static let folder = PackagePaths.root + "/Tests/SKMRPCTests/Golden/"

    @Test(arguments: [true, false])
    func answersAreByteIdentical(asciiOnly: Bool) throws {
        let workspace = try TestWorkspace(name: "score-golden")
        _ = try workspace.service.addQuestionnaire(text: try Self.customQuestionnaire())
        let context = RPCContext(service: workspace.service, openRPC: OpenRPC.document)
        context.asciiOnly = asciiOnly
        let server = RPCServer(dispatcher: RPCDispatcher(context: context), asciiOnly: asciiOnly)

        let output = try Self.serve(server, input: Self.folder + "ikm-score.requests.jsonl", in: workspace.directory)
        let expectedPath = Self.folder + (asciiOnly ? "ikm-score.ascii.jsonl" : "ikm-score.utf8.jsonl")
        if ProcessInfo.processInfo.environment["SKM_RECORD_GOLDEN"] == "1" {
            try Data(output).write(to: URL(fileURLWithPath: expectedPath))
        }
        let expected = try [UInt8](Data(contentsOf: URL(fileURLWithPath: expectedPath)))
        let got = String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let want = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(got.count == want.count)
        for (index, (line, wanted)) in zip(got, want).enumerated() where line != wanted {
            Issue.record("answer line \(index + 1) differs:\n got: \(line)\nwant: \(wanted)")
        }
        let identical = output == expected
        #expect(identical, "the answers differ from the pinned bytes (\(output.count) bytes written, \(expected.count) expected)")
    }

    /// The built-in questionnaire under another id, with a title and unsur names that need
    /// escaping (quotes, a backslash, non-ASCII letters and a character outside the BMP).
    static func customQuestionnaire() throws -> String {
        var text = try String(contentsOfFile: PackagePaths.root + "/Questionnaires/permenpanrb-14-2017.json", encoding: .utf8)
        text = text.replacingOccurrences(of: #""id": "permenpanrb-14-2017""#, with: #""id": "uji-teks-khusus""#)
        text = text.replacingOccurrences(
            of: #""title": "Survei Kepuasan Masyarakat (PermenPANRB 14/2017)""#,
            with: #""title": "Survei \"Khusus\" – Kabupatén \\ 😀""#)
        text = text.replacingOccurrences(of: #""name": "Persyaratan""#, with: #""name": "Persyaratan \"Dokumen\"\tÉ""#)
        return text
    }

    /// Runs `server` over the lines of `input` and returns everything it wrote.
    static func serve(_ server: RPCServer, input: String, in directory: String) throws -> [UInt8] {
        let outputPath = directory + "/answers.jsonl"
        let inputFD = open(input, O_RDONLY)
        let outputFD = open(outputPath, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        try #require(inputFD >= 0 && outputFD >= 0)
        #expect(server.run(input: inputFD, output: outputFD) == 0)
        close(inputFD)
        close(outputFD)
        return try [UInt8](Data(contentsOf: URL(fileURLWithPath: outputPath)))
    }
}
