import BylineCore
import Foundation

/// One input to read, in the order the user gave them.
public enum Input: Sendable, Hashable {
    /// A file, named by `uri` (the path as given, or a path inside a named directory).
    case file(uri: String)
    /// Standard input, named `-`.
    case standardInput
    /// An input that could not even be listed (a missing path, an unreadable directory, a
    /// special file inside a directory).
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
///
/// A walk reads regular files only: a FIFO, a device or a socket inside a directory (or a link
/// to one) is reported as a failed input and never opened, and each directory is read once,
/// known by its device and inode, so links back up the tree (`ln -s . loop`) end no walk in a
/// loop. A special file named on the command line is read as given (`<(command)` is a pipe),
/// within the document size limit.
public enum InputList {
    public static func expand(_ arguments: [String]) -> [Input] {
        var inputs: [Input] = []
        for argument in arguments {
            if argument == "-" {
                inputs.append(.standardInput)
                continue
            }
            guard let status = FileStatus(path: argument) else {
                inputs.append(.failed(BylineError(.notFound, input: argument, "no such file or directory")))
                continue
            }
            guard status.isDirectory else {
                inputs.append(.file(uri: argument))
                continue
            }
            inputs.append(contentsOf: walk(directory: argument, status: status))
        }
        return inputs
    }

    private static func walk(directory: String, status root: FileStatus) -> [Input] {
        guard list(directory) != nil else {
            return [.failed(BylineError(.unreadable, input: directory, "cannot list the directory"))]
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        var visited: Set<FileStatus.Identity> = [root.identity]
        var found: [Input] = []
        var pending = [""]
        while let relative = pending.popLast() {
            guard let entries = list(relative.isEmpty ? directory : prefix + relative) else {
                found.append(.failed(BylineError(.unreadable, input: prefix + relative, "cannot list the directory")))
                continue
            }
            for entry in entries where !entry.hasPrefix(".") {
                let path = relative.isEmpty ? entry : relative + "/" + entry
                guard let status = FileStatus(path: prefix + path) else {
                    found.append(.failed(BylineError(.notFound, input: prefix + path, "no such file (a link to nothing)")))
                    continue
                }
                if status.isDirectory {
                    // A directory already read (through a link, or a link to an ancestor) is not read again.
                    if visited.insert(status.identity).inserted { pending.append(path) }
                } else if status.isRegularFile {
                    found.append(.file(uri: prefix + path))
                } else {
                    found.append(.failed(BylineError(.unsupportedFormat, input: prefix + path, "not a regular file (\(status.kindName)); skipped")))
                }
            }
        }
        return found.sorted { $0.uri < $1.uri }
    }

    private static func list(_ path: String) -> [String]? {
        try? FileManager.default.contentsOfDirectory(atPath: path)
    }
}

/// What `stat(2)` says of a path, links followed.
struct FileStatus {
    /// A file's identity: its device and inode.
    struct Identity: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    private let mode: UInt32
    let identity: Identity

    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.init(status)
    }

    init(_ status: stat) {
        mode = UInt32(status.st_mode)
        identity = Identity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }

    private var type: UInt32 { mode & UInt32(S_IFMT) }
    var isDirectory: Bool { type == UInt32(S_IFDIR) }
    var isRegularFile: Bool { type == UInt32(S_IFREG) }

    /// What kind of special file this is, in words.
    var kindName: String {
        switch type {
        case UInt32(S_IFIFO): "a FIFO"
        case UInt32(S_IFCHR): "a character device"
        case UInt32(S_IFBLK): "a block device"
        case UInt32(S_IFSOCK): "a socket"
        default: "a special file"
        }
    }
}

/// How much of an input Byline will read.
public struct ReadLimits: Sendable, Equatable {
    /// The default for ``maximumDocumentSize``: 64 MiB, far above any news page.
    public static let defaultMaximumDocumentSize = 64 << 20

    /// The most bytes one document may hold once decompressed (a file, or one WARC record).
    /// Reading stops as soon as a document passes it, so an endless or hostile input
    /// (`/dev/zero`, a gzip bomb) costs no more memory than this.
    public var maximumDocumentSize: Int

    public init(maximumDocumentSize: Int = ReadLimits.defaultMaximumDocumentSize) {
        self.maximumDocumentSize = maximumDocumentSize
    }

    /// The size in words: `64 MiB`, `500 KiB`, `100 bytes`.
    var sizeInWords: String {
        let size = maximumDocumentSize
        if size >= 1 << 20, size % (1 << 20) == 0 { return "\(size >> 20) MiB" }
        if size >= 1 << 10, size % (1 << 10) == 0 { return "\(size >> 10) KiB" }
        return "\(size) bytes"
    }

    /// The error for a document past the limit.
    func tooLarge(_ uri: String, what: String = "the document") -> BylineError {
        BylineError(.tooLarge, input: uri, "\(what) is larger than \(sizeInWords), the most one document may hold (--max-document-size)")
    }
}

/// One thing read from an input.
public enum SourceItem: Sendable {
    /// A document to extract.
    case document(SourceDocument)
    /// An input, or a part of one (a WARC record), that could not be read.
    case failure(BylineError)
    /// A note on what was read and passed over (a WARC file's record counts), not a failure.
    case notice(String)
}

/// Reads an input's documents: a file's bytes (gzip decompressed) as one document, or a WARC
/// archive's (`.warc`, `.warc.gz`) HTML responses one record at a time.
///
///     for item in InputReader.items(of: .file(uri: "crawl.warc.gz"), limits: ReadLimits()) { … }
public enum InputReader {
    /// The documents of one input, read as they are asked for.
    public static func items(of input: Input, limits: ReadLimits) -> InputItems {
        InputItems(name: input.uri, limits: limits) { () throws(BylineError) in try OpenedInput(input) }
    }

    /// The documents of bytes held in memory (gzip data, a WARC archive, or one document),
    /// named `name`, read as from a file of that name.
    public static func items(in bytes: [UInt8], name: String, limits: ReadLimits) -> InputItems {
        InputItems(name: name, limits: limits) { () throws(BylineError) in
            try OpenedInput(MemoryStream(bytes), uri: name)
        }
    }

    /// Reads an input that holds one document.
    ///
    /// - Throws: ``BylineError`` naming the input: missing, unreadable, too large, bad
    ///   compression, or a WARC archive (which holds many documents).
    public static func read(_ input: Input, limits: ReadLimits = ReadLimits()) throws(BylineError) -> SourceDocument {
        let opened = try OpenedInput(input)
        guard !opened.isWARC else {
            throw BylineError(.unsupportedFormat, input: input.uri, "a WARC archive, which holds many documents")
        }
        return try opened.wholeDocument(within: limits)
    }
}

/// The documents of one input, in order; see ``InputReader/items(of:limits:)``.
public final class InputItems: Sequence, IteratorProtocol {
    private let name: String
    private let limits: ReadLimits
    private let open: () throws(BylineError) -> OpenedInput
    private var started = false
    private var archive: WARCReader?

    init(name: String, limits: ReadLimits, open: @escaping () throws(BylineError) -> OpenedInput) {
        self.name = name
        self.limits = limits
        self.open = open
    }

    /// What the input's WARC records were, when it is a WARC archive (complete once the
    /// items are all read).
    public var recordCounts: WARCRecordCounts? { archive?.counts }

    public func next() -> SourceItem? {
        if let archive { return archive.next() }
        guard !started else { return nil }
        started = true
        do {
            let opened = try open()
            if opened.isWARC {
                let archive = WARCReader(opened.stream, name: name, limits: limits, gzip: opened.gzip)
                self.archive = archive
                return archive.next()
            }
            return .document(try opened.wholeDocument(within: limits))
        } catch {
            return .failure(error.input == nil ? error.about(name) : error)
        }
    }
}

/// An input opened for reading: decompressed when it is gzip data, and told apart as one
/// document or a WARC archive by its first bytes (or its name).
struct OpenedInput {
    let uri: String
    let stream: BufferedInput
    let gzip: GzipStream?
    let isWARC: Bool

    init(_ input: Input) throws(BylineError) {
        let file: FileStream
        switch input {
        case .failed(let error):
            throw error
        case .standardInput:
            file = FileStream(descriptor: 0, closesOnEnd: false, name: "-")
        case .file(let uri):
            let descriptor = open(uri, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                let reason = errno
                throw BylineError(reason == ENOENT ? .notFound : .unreadable, input: uri,
                    reason == ENOENT ? "no such file or directory" : "cannot open: \(String(cString: strerror(reason)))")
            }
            file = FileStream(descriptor: descriptor, closesOnEnd: true, name: uri)
            var status = stat()
            if fstat(descriptor, &status) == 0, FileStatus(status).isDirectory {
                throw BylineError(.unreadable, input: uri, "is a directory")
            }
        }
        try self.init(file, uri: input.uri)
    }

    /// Opens `source`, named `uri`.
    init(_ source: any ByteStream, uri: String) throws(BylineError) {
        self.uri = uri
        let raw = BufferedInput(source, capacity: 1 << 16)
        let magic = try raw.peek(2)
        if magic.elementsEqual([0x1F, 0x8B]) {
            let inflated = try GzipStream(PeekedStream(raw), name: uri)
            gzip = inflated
            stream = BufferedInput(inflated)
        } else {
            if uri.hasSuffix(".gz"), !magic.isEmpty {
                throw BylineError(.badCompression, input: uri, "named .gz but not gzip data")
            }
            gzip = nil
            stream = raw
        }
        let lowered = uri.lowercased()
        isWARC = try stream.peek(5).elementsEqual(Array("WARC/".utf8)) || lowered.hasSuffix(".warc") || lowered.hasSuffix(".warc.gz")
    }

    /// The whole input as one document, within the size limit of `limits`.
    func wholeDocument(within limits: ReadLimits) throws(BylineError) -> SourceDocument {
        guard let bytes = try stream.readToEnd(limit: limits.maximumDocumentSize) else {
            throw limits.tooLarge(uri, what: gzip == nil ? "the input" : "the decompressed input")
        }
        return SourceDocument(uri: uri, bytes: bytes)
    }
}

/// A buffered input read on as a plain stream (the gzip data whose first bytes were peeked).
/// It seeks when the file below does, as long as nothing is buffered.
final class PeekedStream: ByteStream {
    private let input: BufferedInput

    init(_ input: BufferedInput) {
        self.input = input
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(BylineError) -> Int {
        try input.readAvailable(into: buffer)
    }

    func seek(to offset: Int64) -> Bool { input.seek(to: offset) }
    var position: Int64? { input.position }
}
