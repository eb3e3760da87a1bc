import Foundation
import SKMJSON
import Testing

@testable import SKMRPC
@testable import SKMService

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `skm rpc` looks for other processes' changes once per read of its input: pipelined requests
/// that arrived together share one look (a `PRAGMA data_version` each cost ≈3.5k instructions of
/// an ≈50k `ikm.score`), while a request sent later is checked again.
@Suite struct FreshnessCheckTests {
    static let score = #"{"jsonrpc":"2.0","method":"ikm.score","params":{"answers":[[4,3,4,3,4,4,3,4,3]]},"id":1}"#

    /// Serves `lines` written to a pipe in one write (then closed); the answers go to /dev/null.
    func serve(_ f: RPCFixture, _ lines: [String]) throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        let text = Array(lines.map { $0 + "\n" }.joined().utf8)
        let written = text.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        #expect(written == text.count)
        close(fds[1])
        let sink = open("/dev/null", O_WRONLY)
        try #require(sink >= 0)
        defer {
            close(sink)
            close(fds[0])
        }
        #expect(f.server.run(input: fds[0], output: sink) == 0)
    }

    @Test func requestsThatArrivedTogetherShareOneCheck() throws {
        let f = try RPCFixture()
        #expect(f.call("ikm.score", #"{"answers":[[4,4,4,4,4,4,4,4,4]]}"#)["result"] != nil)  // catalog cached
        let before = f.service.lookupsForChangesElsewhere
        try serve(f, Array(repeating: Self.score, count: 5))
        #expect(f.service.lookupsForChangesElsewhere == before + 1)
    }

    @Test func aRequestOutsideTheServerLoopIsStillChecked() throws {
        let f = try RPCFixture()
        #expect(f.call("ikm.score", #"{"answers":[[4,4,4,4,4,4,4,4,4]]}"#)["result"] != nil)
        let before = f.service.lookupsForChangesElsewhere
        #expect(f.call("ikm.score", #"{"answers":[[3,3,3,3,3,3,3,3,3]]}"#)["result"] != nil)
        #expect(f.call("ikm.score", #"{"answers":[[3,3,3,3,3,3,3,3,3]]}"#)["result"] != nil)
        #expect(f.service.lookupsForChangesElsewhere == before + 2)
    }
}
