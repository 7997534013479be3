import Foundation

/// Finds the module's data files (the model, the gazetteers) at run time without SwiftPM's
/// `Bundle.module`, which stops the program when its bundle is missing (a binary copied without
/// its resource folder): a missing file is then an error the caller reports.
///
/// Looked for, in order: the resource folder SwiftPM builds beside the executable (or in the
/// main bundle's resources), then the module's `Resources/` folder in the source tree the binary
/// was built from.
enum ModuleResources {
    /// The name SwiftPM gives this module's resource bundle: package, underscore, target.
    static let bundleName = "Byline_BylineNER"

    /// The file `name` (in `subdirectory`, if given), or nil when no folder has it.
    static func url(of name: String, subdirectory: String? = nil) -> URL? {
        for folder in folders {
            let directory = subdirectory.map { folder.appendingPathComponent($0, isDirectory: true) } ?? folder
            let url = directory.appendingPathComponent(name)
            if FileManager.default.isReadableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// The folders searched, in order.
    static var folders: [URL] {
        let bases = [Bundle.main.resourceURL, Bundle.main.executableURL?.deletingLastPathComponent(), Bundle.main.bundleURL]
        var folders: [URL] = []
        for base in bases.compactMap({ $0 }) {
            folders.append(base.appendingPathComponent("\(bundleName).resources", isDirectory: true))
            folders.append(base.appendingPathComponent("\(bundleName).bundle/Contents/Resources", isDirectory: true))
            folders.append(base.appendingPathComponent("\(bundleName).bundle", isDirectory: true))
        }
        folders.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources", isDirectory: true))
        return folders
    }
}
