// swift-tools-version:6.1
import PackageDescription

// Kept out of the root package so that benchmarks never slow down `swift build` or CI.
let package = Package(
    name: "CaseboardBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Caseboard", path: "../")
    ],
    targets: [
        .executableTarget(
            name: "ExtractionBenchmark",
            dependencies: [
                .product(name: "CaseboardCore", package: "Caseboard"),
                .product(name: "CaseboardDocuments", package: "Caseboard"),
                .product(name: "CaseboardVocabularies", package: "Caseboard"),
                .product(name: "CaseboardExtraction", package: "Caseboard"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")]
        ),
        .executableTarget(
            name: "ReaderBenchmark",
            dependencies: [
                .product(name: "CaseboardCore", package: "Caseboard"),
                .product(name: "CaseboardDocuments", package: "Caseboard"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")]
        ),
    ]
)
