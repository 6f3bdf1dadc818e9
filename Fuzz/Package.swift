// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets, kept out of the root package: they are built only by scripts/fuzz, with
// `-sanitize=fuzzer` on every module so that coverage guides the inputs.
let package = Package(
    name: "CaseboardFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Caseboard", path: "../")
    ],
    targets: [
        .executableTarget(
            name: "FuzzReaders",
            dependencies: [
                .product(name: "CaseboardCore", package: "Caseboard"),
                .product(name: "CaseboardDocuments", package: "Caseboard"),
                .product(name: "CaseboardVocabularies", package: "Caseboard"),
                .product(name: "CaseboardExtraction", package: "Caseboard"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")]
        )
    ]
)
