// swift-tools-version:6.1
import PackageDescription

// Benchmarks, kept out of the main package so `swift build` there stays lean.
// Run: swift run -c release --package-path Benchmarks AnnotateBenchmark [ROWS]
let package = Package(
    name: "CaseboardBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Caseboard", path: "..")],
    targets: [
        .executableTarget(
            name: "AnnotateBenchmark",
            dependencies: [
                .product(name: "CaseboardGenomics", package: "Caseboard"),
                .product(name: "CaseboardMatching", package: "Caseboard"),
                .product(name: "CaseboardKnowledge", package: "Caseboard"),
                .product(name: "CaseboardVocabularies", package: "Caseboard"),
            ]
        )
    ]
)
