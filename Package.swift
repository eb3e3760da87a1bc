// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "skm",
    products: [
        .executable(name: "skm", targets: ["skm"]),
        .library(name: "SKMService", targets: ["SKMService"]),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(name: "SKMJSON", linkerSettings: [.linkedLibrary("m")]),
        .target(name: "SKMCore", dependencies: ["SKMJSON"], linkerSettings: [.linkedLibrary("m")]),
        .target(
            name: "DefaultQuestionnaires",
            path: "Questionnaires",
            exclude: ["README.md"],
            sources: ["Embedded.swift"],
            resources: [
                .embedInCode("permenpanrb-14-2017.json"),
                .embedInCode("permenpanrb-16-2014.json"),
                .embedInCode("kepmenpan-25-2004.json"),
                .embedInCode("ipkp-90-2021.json"),
                .embedInCode("ipak-90-2021.json"),
            ]
        ),
        .target(
            name: "ExamplePlans",
            path: "Examples/iku",
            exclude: ["README.md"],
            sources: ["Embedded.swift"],
            resources: [
                .embedInCode("tomoni-timur-2021-2026.json"),
                .embedInCode("rawa-jitu-timur-2023-2026.json"),
                .embedInCode("ciruas-2022.json"),
                .embedInCode("widang-2021.json"),
            ]
        ),
        .target(name: "SKMStore", dependencies: ["CSQLite", "SKMCore", "SKMJSON"]),
        .target(name: "SKMReport", dependencies: ["SKMCore"]),
        .target(name: "SKMOffice", dependencies: ["CZlib"]),
        .target(name: "SKMQR"),
        .target(
            name: "SKMService",
            dependencies: ["SKMCore", "SKMStore", "SKMJSON", "SKMReport", "SKMOffice", "DefaultQuestionnaires", "ExamplePlans"]),
        .target(
            name: "ProtocolDocument",
            path: "Protocol",
            exclude: ["README.md", "aggregate-package.md", "clients"],
            sources: ["OpenRPCDocument.swift"],
            resources: [.embedInCode("openrpc.json")]
        ),
        .target(name: "SKMWeb", dependencies: ["SKMService", "SKMCore", "SKMQR", "SKMReport"]),
        .target(name: "SKMRPC", dependencies: ["SKMService", "SKMCore", "SKMJSON", "ProtocolDocument"]),
        .executableTarget(name: "skm", dependencies: ["SKMService", "SKMRPC", "SKMWeb", "SKMCore", "SKMJSON"]),
        .target(name: "SKMFuzzTargets", dependencies: ["SKMRPC", "SKMService", "SKMCore", "SKMJSON", "SKMWeb", "SKMOffice"]),
        .executableTarget(name: "skm-fuzz", dependencies: ["SKMFuzzTargets", "SKMService"], path: "Fuzz/Harness"),
        .target(name: "BenchmarkSupport", dependencies: ["SKMCore"], path: "Benchmarks/Support"),
        .executableTarget(
            name: "skm-bench-import", dependencies: ["SKMService", "SKMCore", "BenchmarkSupport"], path: "Benchmarks/ImportIKM"),
        .executableTarget(
            name: "skm-bench-xlsx-import", dependencies: ["SKMOffice", "BenchmarkSupport"], path: "Benchmarks/XlsxImport"),
        .executableTarget(name: "skm-bench-rpc", dependencies: ["BenchmarkSupport"], path: "Benchmarks/RPC"),
        .executableTarget(
            name: "skm-bench-merge", dependencies: ["SKMService", "BenchmarkSupport"], path: "Benchmarks/Merge"),
        .executableTarget(
            name: "skm-bench-report", dependencies: ["SKMService", "SKMCore", "BenchmarkSupport"], path: "Benchmarks/Report"),
        .executableTarget(
            name: "skm-bench-xlsx-export", dependencies: ["SKMService", "BenchmarkSupport"], path: "Benchmarks/XlsxExport"),
        .executableTarget(
            name: "skm-bench-rekap", dependencies: ["SKMService", "SKMCore", "BenchmarkSupport"], path: "Benchmarks/Rekap"),
        .target(name: "SKMTestSupport", dependencies: ["SKMService", "SKMCore", "SKMJSON"], path: "Tests/Support"),
        .testTarget(name: "SKMJSONTests", dependencies: ["SKMJSON"]),
        .testTarget(
            name: "SKMCoreTests", dependencies: ["SKMCore", "SKMJSON", "DefaultQuestionnaires", "ExamplePlans", "SKMTestSupport"]),
        .testTarget(name: "SKMOfficeTests", dependencies: ["SKMOffice"]),
        .testTarget(name: "SKMQRTests", dependencies: ["SKMQR"]),
        .testTarget(name: "SKMWebTests", dependencies: ["SKMWeb", "SKMService", "SKMCore", "SKMQR", "SKMTestSupport"]),
        .testTarget(name: "SKMStoreTests", dependencies: ["SKMStore", "SKMCore", "CSQLite"]),
        .testTarget(name: "SKMServiceTests", dependencies: ["SKMService", "SKMStore", "SKMCore", "SKMJSON", "SKMTestSupport"]),
        .testTarget(
            name: "SKMReportTests",
            dependencies: ["SKMReport", "SKMService", "SKMCore", "SKMJSON", "SKMTestSupport"]),
        .testTarget(
            name: "SKMRPCTests",
            dependencies: ["SKMRPC", "SKMService", "SKMCore", "SKMJSON", "ProtocolDocument", "SKMTestSupport"]),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["SKMFuzzTargets", "SKMTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["skm", "SKMJSON", "SKMTestSupport"]),
    ]
)

// Compiler-checked boundaries: a file sees only the modules it imports itself (not whatever a
// dependency happens to import), and an import is internal unless marked `public import`, so no
// module's public API can leak a type of a module it keeps to itself (SKMService keeps SKMStore).
for target in package.targets where target.type != .system {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .enableUpcomingFeature("MemberImportVisibility"),
            .enableUpcomingFeature("InternalImportsByDefault"),
        ]
}
