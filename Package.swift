// swift-tools-version: 6.1
import PackageDescription

// Byline's modules follow its data flow: source → extract → analyze (→ store → serve).
let package = Package(
    name: "Byline",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "byline", targets: ["BylineTool"]),
        .library(name: "BylineCore", targets: ["BylineCore"]),
        // Reading and analysis for other Swift code: `import Byline`.
        .library(name: "Byline", targets: ["Byline"]),
    ],
    traits: [
        // The knowledge base's PostgreSQL back end (postgres-nio, with SwiftNIO): off by default,
        // so that a plain build stays small; `swift build --traits PostgreSQL`.
        .trait(name: "PostgreSQL", description: "The knowledge base on a PostgreSQL server (byline ingest --db postgres://…)."),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // zlib, for reading .gz inputs.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // libxml2's HTML parser.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // glibc's malloc tuning, for memory that stays flat over long runs (Linux only).
        .systemLibrary(name: "CMalloc"),
        // The document model, the pipeline, the JSON contract and errors.
        .target(name: "BylineCore", resources: [.embedInCode("Resources")]),
        // Reading inputs: files, directories, standard input, gzip.
        .target(
            name: "BylineSource",
            dependencies: ["BylineCore", "CZlib", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // HTML parsing (libxml2), encoding detection and a small DOM API.
        .target(name: "BylineHTML", dependencies: ["BylineCore", "CLibXML2"]),
        // Tokens, sentences and language identification.
        .target(
            name: "BylineLanguage",
            dependencies: ["BylineCore"],
            resources: [.embedInCode("Resources")]
        ),
        // Source bytes → Document: readers for scraped text and plain text.
        .target(
            name: "BylineExtract",
            dependencies: ["BylineCore", "BylineSource", "BylineLanguage", "BylineHTML"],
            resources: [.embedInCode("Resources")]
        ),
        // Named entities: an averaged-perceptron tagger trained on CoNLL-2003, and its trainer.
        .target(
            name: "BylineNER",
            dependencies: ["BylineCore"],
            resources: [.copy("Resources/ner-en.model"), .copy("Resources/Gazetteers")]
        ),
        // The analysis stages that run after extraction.
        .target(name: "BylineAnalysis", dependencies: ["BylineCore", "BylineLanguage", "BylineNER"], resources: [.embedInCode("Resources")]),
        // The knowledge base: articles and their facts across documents, behind one protocol
        // (SQLite through GRDB; PostgreSQL through postgres-nio with the PostgreSQL trait),
        // full-text search, people resolved across articles.
        .target(
            name: "BylineStore",
            dependencies: [
                "BylineCore", "CZlib", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's own calls, for the statements the article writer runs most (Statement+Run.swift).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQL"])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["PostgreSQL"])),
            ],
            resources: [.embedInCode("Resources")]),
        // `byline serve`: the knowledge base behind a JSON API and server-rendered pages (Hummingbird).
        .target(
            name: "BylineServer",
            dependencies: [
                "BylineCore", "BylineSource", "BylineExtract", "BylineAnalysis", "BylineStore",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.embedInCode("Resources")]
        ),
        // The command-line interface: commands, options and the run loop.
        .target(
            name: "BylineCLI",
            dependencies: [
                "BylineCore", "BylineSource", "BylineExtract", "BylineAnalysis", "BylineNER", "BylineStore", "BylineServer", "CZlib",
                .target(name: "CMalloc", condition: .when(platforms: [.linux])),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The `byline` executable (its module is not named `byline`, which would collide with the
        // `Byline` library's module on a case-insensitive file system).
        .executableTarget(name: "BylineTool", dependencies: ["BylineCLI"], path: "Sources/byline"),
        // The library's front door: reading and analysis in a few calls.
        .target(name: "Byline", dependencies: ["BylineCore", "BylineSource", "BylineExtract", "BylineAnalysis"]),
        // What every test target shares: the one way to find ../shared, and golden files.
        .target(name: "BylineTestSupport", path: "Tests/BylineTestSupport"),
        .testTarget(name: "BylineCoreTests", dependencies: ["BylineCore"]),
        .testTarget(name: "BylineLanguageTests", dependencies: ["BylineLanguage"]),
        .testTarget(name: "BylineHTMLTests", dependencies: ["BylineHTML"]),
        .testTarget(name: "BylineNERTests", dependencies: ["BylineNER", "BylineCore", "BylineTestSupport"]),
        .testTarget(
            name: "BylineExtractTests", dependencies: ["BylineExtract", "BylineSource", "BylineTestSupport"], exclude: ["Snapshots"]),
        .testTarget(
            name: "BylineAnalysisTests", dependencies: ["BylineAnalysis", "BylineExtract", "BylineSource", "BylineTestSupport"]),
        .testTarget(
            name: "BylineCLITests",
            dependencies: ["BylineCLI", "BylineAnalysis", "BylineExtract", "BylineSource", "BylineStore", "BylineTestSupport"],
            exclude: ["Snapshots"]),
        .testTarget(name: "BylineTests", dependencies: ["Byline", "BylineTestSupport"]),
        .testTarget(
            name: "BylineServerTests",
            dependencies: [
                "BylineServer", "BylineStore", "BylineCore", "BylineAnalysis", "BylineExtract", "BylineSource", "BylineTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "BylineStoreTests",
            dependencies: [
                "BylineStore", "BylineCore", "BylineAnalysis", "BylineExtract", "BylineSource", "BylineTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Snapshots"]),
    ],
    swiftLanguageModes: [.v6]
)
