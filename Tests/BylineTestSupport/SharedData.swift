import Foundation

/// The repository's root folder.
public let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The shared data beside the repository (`../shared`): the fixtures and benchmark data sets
/// the tests read at test time and never copy. CI always has it; a test that needs it fails
/// with a ``MissingSharedData`` error saying what is missing and where it was looked for.
///
///     let seed = try SharedData.url("fixtures/seed/korea-herald-2024-11-10.txt")
public enum SharedData {
    /// `../shared`, beside the repository.
    public static let folder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// The file or folder at `path` inside `../shared`.
    ///
    /// - Throws: ``MissingSharedData`` when it does not exist.
    public static func url(_ path: String) throws -> URL {
        let url = folder.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else { throw MissingSharedData(path: path, folder: folder) }
        return url
    }

    /// The names of the files in the folder at `path` inside `../shared` ending in `suffix`,
    /// sorted, as URLs.
    ///
    /// - Throws: ``MissingSharedData`` when the folder does not exist or holds no such file.
    public static func files(in path: String, endingWith suffix: String) throws -> [URL] {
        let folder = try url(path)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(suffix) }.sorted()
        guard !names.isEmpty else { throw MissingSharedData(path: "\(path)/*\(suffix)", folder: Self.folder) }
        return names.map { folder.appendingPathComponent($0) }
    }
}

/// A test needed data from `../shared` that is not there.
public struct MissingSharedData: Error, CustomStringConvertible {
    public let path: String
    public let folder: URL

    public var description: String {
        "\(path) is missing from the shared data at \(folder.standardizedFileURL.path): the tests read fixtures and "
            + "benchmarks from ../shared beside the repository; clone the repository next to it"
    }
}
