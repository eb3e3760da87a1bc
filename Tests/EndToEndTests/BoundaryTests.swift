import Foundation
import SKMTestSupport
import Testing

/// The module boundaries the design promises, checked against the package itself: front ends
/// reach the database only through SKMService, and every target declares exactly what it imports.
@Suite struct BoundaryTests {
    /// Folders of the front ends (and the programs written like them): they see SKMService and
    /// the value types of SKMCore and SKMJSON, never SKMStore.
    static let frontEnds = ["Sources/skm", "Sources/SKMRPC", "Sources/SKMWeb", "Sources/SKMFuzzTargets", "Fuzz", "Benchmarks"]

    @Test func noFrontEndFileImportsTheStore() throws {
        var offenders: [String] = []
        for folder in Self.frontEnds {
            for file in try Self.swiftFiles(under: folder) where try Self.imports(of: file).contains("SKMStore") {
                offenders.append(file)
            }
        }
        #expect(offenders == [])
    }

    @Test func everyTargetDeclaresExactlyTheModulesItImports() throws {
        let targets = try Self.manifestTargets()
        #expect(targets.count > 20)
        for target in targets {
            var imported = Set<String>()
            for file in try Self.swiftFiles(under: target.path) { imported.formUnion(try Self.imports(of: file)) }
            imported.subtract(Self.toolchainModules)
            // The end-to-end tests run the `skm` binary: they depend on it without importing it.
            let declared = target.name == "EndToEndTests" ? target.dependencies.subtracting(["skm"]) : target.dependencies
            #expect(imported.subtracting(declared) == [], "\(target.name) imports modules it does not declare")
            #expect(declared.subtracting(imported) == [], "\(target.name) declares modules it does not import")
        }
    }

    @Test func everyTargetHasTheImportCheckingFeaturesOn() throws {
        let manifest = try String(contentsOfFile: PackagePaths.root + "/Package.swift", encoding: .utf8)
        #expect(manifest.contains("for target in package.targets where target.type != .system"))
        #expect(manifest.contains(#".enableUpcomingFeature("MemberImportVisibility")"#))
        #expect(manifest.contains(#".enableUpcomingFeature("InternalImportsByDefault")"#))
    }

    /// A front end that asks SKMService for its store does not compile; the same file calling a
    /// service method does (so the failure is the access level, not a broken compiler setup).
    @Test func theStoreIsNotReachableThroughTheService() throws {
        let reachesStore = try Self.typecheck(
            """
            import SKMService
            func peek(_ service: SKMService) throws { _ = try service.store().responseCounts() }
            func read(_ service: SKMService) throws { _ = try service.existingStore().units() }
            """)
        #expect(reachesStore.status != 0)
        #expect(reachesStore.output.contains("'store' is inaccessible"))
        #expect(reachesStore.output.contains("'existingStore' is inaccessible"))
        let usesService = try Self.typecheck(
            """
            import SKMService
            func count(_ service: SKMService) throws -> Int { try service.responseCounts().active }
            """)
        #expect(usesService.status == 0, "\(usesService.output)")
    }

    // MARK: - Reading the package

    /// Modules of the toolchain and the system, which no target declares.
    static let toolchainModules: Set<String> = [
        "Foundation", "FoundationEssentials", "FoundationXML", "Glibc", "Musl", "Darwin", "Dispatch", "Testing", "XCTest",
    ]

    struct Target {
        let name: String
        let path: String
        let dependencies: Set<String>
    }

    /// The targets of Package.swift with their folder and declared dependencies (system library
    /// targets left out: they have no Swift files).
    static func manifestTargets() throws -> [Target] {
        let manifest = try String(contentsOfFile: PackagePaths.root + "/Package.swift", encoding: .utf8)
        let pattern = try NSRegularExpression(
            pattern: #"\.(target|executableTarget|testTarget)\(\s*name:\s*"([^"]+)"(.*?)\)\s*,\s*(?=\.\w+\(|\])"#,
            options: [.dotMatchesLineSeparators])
        let text = manifest as NSString
        return pattern.matches(in: manifest, range: NSRange(location: 0, length: text.length)).map { match in
            let kind = text.substring(with: match.range(at: 1))
            let name = text.substring(with: match.range(at: 2))
            let rest = text.substring(with: match.range(at: 3))
            let dependencies =
                Self.firstMatch(#"dependencies:\s*\[([^\]]*)\]"#, in: rest).map { list in
                    Set(
                        list.split(separator: ",").map {
                            $0.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: ["\""])
                        }.filter { !$0.isEmpty })
                } ?? []
            let path = Self.firstMatch(#"path:\s*"([^"]+)""#, in: rest) ?? (kind == "testTarget" ? "Tests/" : "Sources/") + name
            return Target(name: name, path: path, dependencies: dependencies)
        }
    }

    static func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]),
            let match = regex.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length))
        else { return nil }
        return (text as NSString).substring(with: match.range(at: 1))
    }

    static func swiftFiles(under folder: String) throws -> [String] {
        let root = PackagePaths.root + "/" + folder
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.map { root + "/" + $0 }
    }

    /// The modules a file imports (any access level, `@testable` included); lines inside
    /// multi-line string literals (scripts, sample sources) are not imports.
    static func imports(of file: String) throws -> Set<String> {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        var modules = Set<String>()
        var insideString = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.components(separatedBy: "\"\"\"").count % 2 == 0 { insideString.toggle() }
            let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ")
            guard !insideString, let index = words.firstIndex(of: "import"), index == words.count - 2,
                words[..<index].allSatisfy({ ["@testable", "public", "package", "internal", "@_exported"].contains($0) })
            else { continue }
            modules.insert(String(words[index + 1]))
        }
        return modules
    }

    /// Type-checks a file against the modules `swift build` produced for these tests.
    static func typecheck(_ source: String) throws -> (status: Int32, output: String) {
        let directory = NSTemporaryDirectory() + "skm-boundary-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/Client.swift"
        try source.write(toFile: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "swiftc", "-typecheck", "-swift-version", "6", "-I",
            (SKMProcess.binary as NSString).deletingLastPathComponent + "/Modules",
            "-Xcc", "-fmodule-map-file=\(PackagePaths.root)/Sources/CSQLite/module.modulemap",
            "-Xcc", "-fmodule-map-file=\(PackagePaths.root)/Sources/CZlib/module.modulemap",
            "-module-cache-path", directory + "/cache", file,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
