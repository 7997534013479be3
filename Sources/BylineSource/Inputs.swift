import BylineCore
import Foundation

/// One input to read, in the order the user gave them.
public enum Input: Sendable, Equatable {
    /// A file, named by `uri` (the path as given, or a path inside a named directory).
    case file(uri: String)
    /// Standard input, named `-`.
    case standardInput
    /// An input that could not even be listed (a missing path, an unreadable directory).
    case failed(BylineError)

    /// The name the user knows this input by.
    public var uri: String {
        switch self {
        case .file(let uri): uri
        case .standardInput: "-"
        case .failed(let error): error.input ?? ""
        }
    }
}

/// Turns command-line arguments into inputs: files as given, directories walked recursively
/// (sorted, hidden entries skipped), `-` for standard input.
public enum InputList {
    public static func expand(_ arguments: [String]) -> [Input] {
        var inputs: [Input] = []
        let files = FileManager.default
        for argument in arguments {
            if argument == "-" {
                inputs.append(.standardInput)
                continue
            }
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                inputs.append(.failed(BylineError(.notFound, input: argument, "no such file or directory")))
                continue
            }
            guard isDirectory.boolValue else {
                inputs.append(.file(uri: argument))
                continue
            }
            inputs.append(contentsOf: walk(directory: argument))
        }
        return inputs
    }

    private static func walk(directory: String) -> [Input] {
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        guard files(at: root) != nil else {
            return [.failed(BylineError(.unreadable, input: directory, "cannot list the directory"))]
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        var found: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let url = relative.isEmpty ? root : root.appendingPathComponent(relative)
            guard let entries = files(at: url) else {
                found.append(relative)  // reported as unreadable when it is read
                continue
            }
            for entry in entries where !entry.hasPrefix(".") {
                let path = relative.isEmpty ? entry : relative + "/" + entry
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(
                    atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory)
                if exists && isDirectory.boolValue { pending.append(path) } else { found.append(path) }
            }
        }
        return found.sorted().map { .file(uri: prefix + $0) }
    }

    private static func files(at url: URL) -> [String]? {
        try? FileManager.default.contentsOfDirectory(atPath: url.path)
    }
}

/// Reads an input's bytes, decompressing gzip.
public enum InputReader {
    /// Reads one input.
    ///
    /// - Throws: ``BylineError`` naming the input: missing, unreadable, or bad compression.
    public static func read(_ input: Input) throws(BylineError) -> SourceDocument {
        let raw: [UInt8]
        switch input {
        case .failed(let error):
            throw error
        case .standardInput:
            raw = Array(FileHandle.standardInput.readDataToEndOfFile())
        case .file(let uri):
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: uri, isDirectory: &isDirectory) else {
                throw BylineError(.notFound, input: uri, "no such file or directory")
            }
            guard !isDirectory.boolValue else {
                throw BylineError(.unreadable, input: uri, "is a directory")
            }
            guard let bytes = FileBytes.contents(of: uri) else {
                throw BylineError(.unreadable, input: uri, "cannot read the file")
            }
            raw = bytes
        }
        return SourceDocument(uri: input.uri, bytes: try decompressed(raw, uri: input.uri))
    }

    /// The bytes themselves, or their decompressed content when they are gzip data.
    public static func decompressed(_ bytes: [UInt8], uri: String) throws(BylineError) -> [UInt8] {
        guard Gzip.isCompressed(bytes) else {
            if uri.hasSuffix(".gz") && !bytes.isEmpty {
                throw BylineError(.badCompression, input: uri, "named .gz but not gzip data")
            }
            return bytes
        }
        do {
            return try Gzip.decompress(bytes)
        } catch {
            throw error.about(uri)
        }
    }
}

/// A whole file's bytes, read with `open` and `read` straight into an array.
enum FileBytes {
    static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 0))
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count))) }
            let got = bytes.withUnsafeMutableBufferPointer { buffer in
                read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if got < 0 { return nil }
            if got == 0 { break }
            filled += got
        }
        bytes.removeSubrange(filled...)
        return bytes
    }
}
