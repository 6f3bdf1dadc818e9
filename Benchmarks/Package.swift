// swift-tools-version:6.1
import PackageDescription

// Kept out of the root package so that benchmarks never slow down `swift build` or CI.
let package = Package(
    name: "CaseboardBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Caseboard", path: "../"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        // Clocks, peak memory, load average and the zcat baseline, measured one way for all.
        .target(
            name: "BenchmarkSupport",
            swiftSettings: [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")]
        ),
        .executableTarget(
            name: "MatchBenchmark",
            dependencies: [
                .product(name: "CaseboardCore", package: "Caseboard"),
                .product(name: "CaseboardDocuments", package: "Caseboard"),
                .product(name: "CaseboardVocabularies", package: "Caseboard"),
                .product(name: "CaseboardKnowledge", package: "Caseboard"),
                .product(name: "CaseboardMatching", package: "Caseboard"),
                .product(name: "CaseboardStoreSQLite", package: "Caseboard"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")]
        ),
        .executableTarget(
            name: "ExtractionBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "CaseboardCore", package: "Caseboard"),
                .product(name: "CaseboardDocuments", package: "Caseboard"),
                .product(name: "CaseboardVocabularies", package: "Caseboard"),
                .product(name: "CaseboardExtraction", package: "Caseboard"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")]
        ),
        .executableTarget(
            name: "AnnotateBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "CaseboardGenomics", package: "Caseboard"),
                .product(name: "CaseboardKnowledge", package: "Caseboard"),
                .product(name: "CaseboardMatching", package: "Caseboard"),
                .product(name: "CaseboardVocabularies", package: "Caseboard"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")]
        ),
        .executableTarget(
            name: "ReaderBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "CaseboardCore", package: "Caseboard"),
                .product(name: "CaseboardDocuments", package: "Caseboard"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")]
        ),
    ]
)
