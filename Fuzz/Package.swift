// swift-tools-version: 6.0
import PackageDescription

// libFuzzer targets for Byline's readers and its analysis, kept out of the main package so that
// `swift build` and `swift test` never see them. Build and run them with Scripts/fuzz.sh, which
// passes `-sanitize=fuzzer,address` (each target's main hands its test to libFuzzer's driver;
// AddressSanitizer finds memory errors and leaks).
let package = Package(
    name: "BylineFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Byline", path: "..")],
    targets: [
        // libFuzzer's driver, called from each target's main.
        .target(name: "FuzzDriver"),
        // HTML bytes → HTMLReader (libxml2, charset detection, metadata, main text).
        .executableTarget(name: "FuzzHTML", dependencies: ["FuzzDriver", .product(name: "Byline", package: "Byline")]),
        // Text scraped from a page → ScrapedTextReader.
        .executableTarget(name: "FuzzScrapedText", dependencies: ["FuzzDriver", .product(name: "Byline", package: "Byline")]),
        // A WARC archive (plain or gzip) → its records and documents.
        .executableTarget(name: "FuzzWARC", dependencies: ["FuzzDriver", .product(name: "Byline", package: "Byline")]),
        // Gzip data → one document, inflated within the size limit.
        .executableTarget(name: "FuzzGzip", dependencies: ["FuzzDriver", .product(name: "Byline", package: "Byline")]),
        // CoNLL-2003 columns → sentences and tags.
        .executableTarget(name: "FuzzCoNLL", dependencies: ["FuzzDriver", .product(name: "Byline", package: "Byline")]),
        // Body text → every analysis stage.
        .executableTarget(name: "FuzzAnalysis", dependencies: ["FuzzDriver", .product(name: "Byline", package: "Byline")]),
    ],
    swiftLanguageModes: [.v6]
)
