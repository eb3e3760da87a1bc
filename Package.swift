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
            ]
        ),
        .target(name: "SKMStore", dependencies: ["CSQLite", "SKMCore", "SKMJSON"]),
        .target(name: "SKMService", dependencies: ["SKMCore", "SKMStore", "SKMJSON", "DefaultQuestionnaires"]),
        .executableTarget(name: "skm", dependencies: ["SKMService", "SKMCore", "SKMJSON"]),
        .executableTarget(name: "skm-bench-import", dependencies: ["SKMService", "SKMCore"], path: "Benchmarks/ImportIKM"),
        .testTarget(name: "SKMJSONTests", dependencies: ["SKMJSON"]),
        .testTarget(name: "SKMCoreTests", dependencies: ["SKMCore", "SKMJSON", "DefaultQuestionnaires"]),
        .testTarget(name: "SKMStoreTests", dependencies: ["SKMStore", "SKMCore", "CSQLite"]),
        .testTarget(name: "SKMServiceTests", dependencies: ["SKMService", "SKMCore", "SKMJSON"]),
        .testTarget(name: "EndToEndTests", dependencies: ["skm", "SKMJSON"]),
    ]
)
