// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Caseboard",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "CaseboardCore", targets: ["CaseboardCore"]),
        .library(name: "CaseboardDocuments", targets: ["CaseboardDocuments"]),
        .library(name: "CaseboardVocabularies", targets: ["CaseboardVocabularies"]),
        .library(name: "CaseboardExtraction", targets: ["CaseboardExtraction"]),
        .library(name: "CaseboardKnowledge", targets: ["CaseboardKnowledge"]),
        .library(name: "CaseboardMatching", targets: ["CaseboardMatching"]),
        .library(name: "CaseboardGenomics", targets: ["CaseboardGenomics"]),
        .library(name: "CaseboardPresentation", targets: ["CaseboardPresentation"]),
        .library(name: "CaseboardExport", targets: ["CaseboardExport"]),
        .library(name: "CaseboardServer", targets: ["CaseboardServer"]),
        .library(name: "CaseboardStoreSQLite", targets: ["CaseboardStoreSQLite"]),
        .library(name: "CaseboardStorePostgres", targets: ["CaseboardStorePostgres"]),
        .executable(name: "caseboard", targets: ["caseboard"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        // Shared value types: documents, text with source offsets, diagnostics. No I/O.
        .target(name: "CaseboardCore", swiftSettings: swiftSettings),
        // System zlib, for .gz inputs.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // Document reading: bytes in any supported format -> Document.
        .target(
            name: "CaseboardDocuments",
            dependencies: [
                "CaseboardCore",
                "CZlib",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Bundled vocabularies (genes, drugs, diseases, adverse events) and normalization.
        .target(
            name: "CaseboardVocabularies",
            dependencies: ["CaseboardCore"],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        // Extraction: document -> annotations -> an assembled, time-ordered case.
        .target(
            name: "CaseboardExtraction",
            dependencies: [
                "CaseboardCore",
                "CaseboardVocabularies",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Knowledge: the evidence model, the store protocol, CIViC/curated/case importers.
        .target(
            name: "CaseboardKnowledge",
            dependencies: [
                "CaseboardCore",
                "CaseboardVocabularies",
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        // Matching: a patient's profile against the knowledge index.
        .target(
            name: "CaseboardMatching",
            dependencies: ["CaseboardCore", "CaseboardVocabularies", "CaseboardKnowledge"],
            swiftSettings: swiftSettings
        ),
        // Genomics: MAF, VCF, fusion, copy-number and clinical files -> alterations and sample profiles, streaming.
        .target(
            name: "CaseboardGenomics",
            dependencies: [
                "CaseboardCore",
                "CaseboardVocabularies",
                "CaseboardDocuments",
                // Each sample's profile is matched as a whole, for the row, sample and report outputs.
                "CaseboardMatching",
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        // Presentation: SVG swimmer timelines and printable tumor-board reports. No I/O.
        .target(
            name: "CaseboardPresentation",
            dependencies: ["CaseboardCore", "CaseboardMatching"],
            swiftSettings: swiftSettings
        ),
        // Standards out and in: GA4GH Phenopackets v2 and HL7 FHIR mCODE. No I/O.
        .target(
            name: "CaseboardExport",
            dependencies: ["CaseboardCore", "CaseboardVocabularies"],
            swiftSettings: swiftSettings
        ),
        // The HTTP API and web UI (Hummingbird 2).
        .target(
            name: "CaseboardServer",
            dependencies: [
                "CaseboardCore",
                "CaseboardDocuments",
                "CaseboardVocabularies",
                "CaseboardExtraction",
                "CaseboardKnowledge",
                "CaseboardMatching",
                "CaseboardPresentation",
                "CaseboardExport",
                "CaseboardGenomics",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/Public"), .copy("Resources/API")],
            swiftSettings: swiftSettings
        ),
        // The embedded SQLite knowledge store (GRDB): the default KnowledgeStore.
        .target(
            name: "CaseboardStoreSQLite",
            dependencies: [
                "CaseboardKnowledge",
                "CaseboardCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The PostgreSQL knowledge store (postgres-nio), for several servers on one database.
        .target(
            name: "CaseboardStorePostgres",
            dependencies: [
                "CaseboardKnowledge",
                "CaseboardCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Opens a store from `--db`: a file path (SQLite) or a postgres:// URL.
        .target(
            name: "CaseboardStoreOpening",
            dependencies: [
                "CaseboardKnowledge",
                "CaseboardStoreSQLite",
                "CaseboardStorePostgres",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The command-line tool.
        .executableTarget(
            name: "caseboard",
            dependencies: [
                "CaseboardCore",
                "CaseboardDocuments",
                "CaseboardVocabularies",
                "CaseboardExtraction",
                "CaseboardKnowledge",
                "CaseboardMatching",
                "CaseboardGenomics",
                "CaseboardExport",
                "CaseboardStoreSQLite",
                "CaseboardStoreOpening",
                "CaseboardServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // For app.runService() (swift-recipes pitfall P1).
                .product(name: "Hummingbird", package: "hummingbird"),
                // The I/O threads of `serve`.
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                // `serve` runs the store's services beside the HTTP server.
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "CaseboardCoreTests", dependencies: ["CaseboardCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "CaseboardDocumentsTests",
            dependencies: ["CaseboardDocuments", "CaseboardCore"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CaseboardVocabulariesTests",
            dependencies: ["CaseboardVocabularies", "CaseboardCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CaseboardExtractionTests",
            dependencies: ["CaseboardExtraction", "CaseboardDocuments", "CaseboardVocabularies", "CaseboardCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CaseboardKnowledgeTests",
            dependencies: ["CaseboardKnowledge", "CaseboardDocuments", "CaseboardVocabularies", "CaseboardCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CaseboardMatchingTests",
            dependencies: ["CaseboardMatching", "CaseboardKnowledge", "CaseboardVocabularies", "CaseboardCore"],
            resources: [.copy("Scenarios")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CaseboardGenomicsTests",
            dependencies: [
                "CaseboardGenomics", "CaseboardMatching", "CaseboardKnowledge", "CaseboardVocabularies", "CaseboardDocuments",
                "CaseboardCore",
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CaseboardPresentationTests",
            // Extraction and documents only for the timeline geometry test over real reports.
            dependencies: [
                "CaseboardPresentation", "CaseboardMatching", "CaseboardKnowledge", "CaseboardCore", "CaseboardExtraction", "CaseboardDocuments",
                "CaseboardVocabularies",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CaseboardExportTests",
            // Extraction, knowledge and matching only for the seed round trip; the library needs none of them.
            dependencies: [
                "CaseboardExport", "CaseboardVocabularies", "CaseboardCore", "CaseboardDocuments", "CaseboardExtraction",
                "CaseboardKnowledge", "CaseboardMatching",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CaseboardStoreSQLiteTests",
            dependencies: [
                "CaseboardStoreSQLite",
                "CaseboardKnowledge",
                "CaseboardCore",
                // To inspect and tamper with database files the way other programs would.
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CaseboardServerTests",
            dependencies: [
                "CaseboardServer",
                "CaseboardStoreSQLite",
                // The change-feed catch-up test runs a server's services on PostgreSQL.
                "CaseboardStorePostgres",
                "CaseboardKnowledge",
                "CaseboardVocabularies",
                "CaseboardCore",
                // To create and drop a database for the evidence pages test.
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CaseboardStoreConformanceTests",
            dependencies: [
                "CaseboardStoreOpening",
                "CaseboardStorePostgres",
                "CaseboardStoreSQLite",
                "CaseboardKnowledge",
                "CaseboardCore",
                // To create and drop a database per test.
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CaseboardCLITests",
            // Runs the built executable; the dependency makes `swift test` build it first.
            dependencies: ["caseboard"],
            swiftSettings: swiftSettings
        ),
    ]
)

// Ingest: the literature (PubMed, PMC JATS, folders of documents) into the knowledge base, as
// resumable jobs shared by several workers. Kept as one block so other modules' edits merge cleanly.
package.products.append(.library(name: "CaseboardIngest", targets: ["CaseboardIngest"]))
package.targets += [
    .target(
        name: "CaseboardIngest",
        dependencies: [
            "CaseboardCore",
            "CaseboardDocuments",
            "CaseboardVocabularies",
            "CaseboardExtraction",
            "CaseboardKnowledge",
            .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: swiftSettings
    ),
    .testTarget(
        name: "CaseboardIngestTests",
        dependencies: [
            "CaseboardIngest", "CaseboardStoreSQLite", "CaseboardKnowledge", "CaseboardExtraction", "CaseboardVocabularies",
            "CaseboardDocuments", "CaseboardCore", .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: swiftSettings
    ),
]
for target in package.targets where target.name == "caseboard" {
    target.dependencies.append("CaseboardIngest")
}
