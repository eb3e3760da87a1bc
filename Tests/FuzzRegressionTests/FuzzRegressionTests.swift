import SKMFuzzTargets
import SKMTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replays the fuzz corpus (every input that ever found something, plus the seeds) and a short,
/// deterministic mutation run through the same entry points the fuzzers use. A crash here is a
/// regression; the long runs live in `Fuzz/` (see Fuzz/README.md).
@Suite(.serialized) struct FuzzRegressionTests {
    static let root = PackagePaths.root

    static func corpus(_ target: String) -> [[UInt8]] {
        Corpus.load(root + "/Fuzz/corpus/" + target)
    }

    @Test func corpusIsThere() {
        #expect(Self.corpus("rpc").count >= 7)
        #expect(Self.corpus("import").count >= 3)
        #expect(Self.corpus("zip").count >= 3)
        #expect(Self.corpus("xlsx").count >= 6)
    }

    @Test func rpcCorpusAndMutationsGetWellFormedAnswers() {
        let corpus = Self.corpus("rpc")
        var mutator = Mutator(seed: 7, corpus: corpus, maxLength: 8192)
        var problems: [String] = []
        for run in 0..<(corpus.count + 20_000) {
            let input = run < corpus.count ? corpus[run] : mutator.next()
            if let problem = input.withUnsafeBufferPointer({ FuzzTargets.rpcProblem($0) }) {
                problems.append("\(problem): \(String(decoding: input.prefix(200), as: UTF8.self))")
                if problems.count >= 5 { break }
            }
        }
        #expect(problems.isEmpty, "\(problems)")
        #expect(FuzzTargets.storeProblems().isEmpty, "\(FuzzTargets.storeProblems())")
    }

    @Test func importCorpusAndMutationsDoNotCrash() {
        let corpus = Self.corpus("import")
        var mutator = Mutator(seed: 11, corpus: corpus, maxLength: 16384)
        for run in 0..<(corpus.count + 3_000) {
            let input = run < corpus.count ? corpus[run] : mutator.next()
            input.withUnsafeBufferPointer { FuzzTargets.importFile($0) }
        }
        #expect(FuzzTargets.storeProblems().isEmpty, "\(FuzzTargets.storeProblems())")
    }

    /// The HTTP parser agrees with itself however the bytes arrive (the first seed of this corpus,
    /// a bare LF inside the version, once made the growing buffer answer 400 and the whole 505).
    @Test func httpCorpusAndMutationsAgreeWithThemselves() {
        let corpus = Self.corpus("http")
        #expect(corpus.count >= 5)
        var mutator = Mutator(seed: 13, corpus: corpus, maxLength: 4096)
        for run in 0..<(corpus.count + 5_000) {
            let input = run < corpus.count ? corpus[run] : mutator.next()
            if let problem = input.withUnsafeBufferPointer({ FuzzTargets.httpProblem($0) }) {
                Issue.record("input \(run): \(problem)")
                return
            }
        }
    }

    @Test func officeCorpusAndMutationsDoNotCrash() {
        for (target, run) in [("zip", FuzzTargets.zipArchive), ("xlsx", FuzzTargets.xlsxPart)]
            as [(String, (UnsafeBufferPointer<UInt8>) -> Void)]
        {
            let corpus = Self.corpus(target)
            var mutator = Mutator(seed: 13, corpus: corpus, maxLength: 16384)
            for index in 0..<(corpus.count + 1_000) {
                let input = index < corpus.count ? corpus[index] : mutator.next()
                input.withUnsafeBufferPointer { run($0) }
            }
        }
    }

    @Test func packageCorpusAndMutationsKeepTheReadersPromises() {
        let corpus = Self.corpus("package")
        #expect(corpus.count >= 2)
        var mutator = Mutator(seed: 13, corpus: corpus, maxLength: 16384)
        var problems: [String] = []
        for run in 0..<(corpus.count + 3_000) {
            let input = run < corpus.count ? corpus[run] : mutator.next()
            if let problem = input.withUnsafeBufferPointer({ FuzzTargets.packageProblem($0) }) {
                problems.append(problem)
                if problems.count >= 5 { break }
            }
        }
        #expect(problems.isEmpty, "\(problems)")
        #expect(FuzzTargets.storeProblems().isEmpty, "\(FuzzTargets.storeProblems())")
    }

    @Test func mutatorIsDeterministic() {
        let corpus = Self.corpus("rpc")
        var a = Mutator(seed: 3, corpus: corpus)
        var b = Mutator(seed: 3, corpus: corpus)
        var c = Mutator(seed: 4, corpus: corpus)
        let first = (0..<50).map { _ in a.next() }
        #expect(first == (0..<50).map { _ in b.next() })
        #expect(first != (0..<50).map { _ in c.next() })
    }
}
