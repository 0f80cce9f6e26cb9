// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ThreadLens",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "threadlens", targets: ["threadlens"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // BLAS and LAPACK from the system: cblas.h plus our own LAPACK prototypes.
        .systemLibrary(name: "CLinearAlgebra", path: "Sources/CLinearAlgebra"),
        // The only module that calls C (BLAS, LAPACK). Byte loops in TextProcessing, Ingest and Sentiment also
        // read bytes through withUnsafe* buffers in their hot loops (docs/ingest.md, docs/sentiment.md).
        .target(name: "LinearAlgebra", dependencies: ["CLinearAlgebra"]),
        // Shared value types: threads, comments, spans, locations.
        .target(name: "ThreadModel"),
        .target(name: "TextProcessing", dependencies: ["ThreadModel"]),
        .target(name: "Ingest", dependencies: ["ThreadModel", "TextProcessing"]),
        // Seeded synthetic discussion threads (JSONL, mbox) for benchmarks and scale tests.
        .target(name: "CorpusGenerator", dependencies: ["LinearAlgebra"]),
        .target(name: "Sentiment", dependencies: ["ThreadModel", "TextProcessing"]),
        .target(name: "Topics", dependencies: ["ThreadModel", "TextProcessing", "LinearAlgebra"]),
        .target(name: "Stance", dependencies: [
            "ThreadModel", "TextProcessing", "Sentiment", "Yams",
        ]),
        .target(name: "Reports", dependencies: [
            "ThreadModel", "Sentiment", "Topics", "Stance",
        ]),
        .target(name: "Pipeline", dependencies: [
            "ThreadModel", "Ingest", "TextProcessing", "Sentiment", "Topics", "Stance", "Reports",
            "LinearAlgebra", "Yams",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "threadlens", dependencies: [
            "Pipeline", "Ingest", "Sentiment", "Topics", "Stance", "Reports", "LinearAlgebra", "ThreadModel",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Benchmarks driven by `make bench`; not part of the product.
        .executableTarget(name: "threadlens-bench", dependencies: [
            "Pipeline", "Ingest", "TextProcessing", "Sentiment", "Topics", "Stance", "Reports",
            "LinearAlgebra", "ThreadModel", "CorpusGenerator",
        ]),

        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
        .testTarget(name: "ThreadModelTests", dependencies: ["ThreadModel"]),
        .testTarget(name: "TextProcessingTests", dependencies: ["TextProcessing", "LinearAlgebra"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "ThreadModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SentimentTests", dependencies: ["Sentiment", "ThreadModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TopicsTests", dependencies: ["Topics", "LinearAlgebra"], resources: [.copy("Fixtures")]),
        .testTarget(name: "StanceTests", dependencies: ["Stance", "Sentiment", "ThreadModel", "Ingest"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "ThreadModel", "Sentiment", "Topics", "Stance"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CorpusGeneratorTests", dependencies: ["CorpusGenerator", "Ingest", "ThreadModel"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "ThreadModel"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Pipeline", "ThreadModel"]),
        .testTarget(name: "HardeningTests", dependencies: ["Pipeline", "Ingest", "Sentiment", "Stance", "Reports", "ThreadModel"]),
    ],
    swiftLanguageModes: [.v6]
)
