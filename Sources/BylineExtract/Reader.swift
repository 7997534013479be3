import BylineCore
import BylineSource

/// How readers treat their input.
public struct ReadOptions: Sendable {
    /// The input is body text verbatim: `text` equals the decoded input.
    public var plain: Bool
    /// The publication date to use instead of any the document states.
    public var published: DateStamp?

    public init(plain: Bool = false, published: DateStamp? = nil) {
        self.plain = plain
        self.published = published
    }
}

/// Turns the bytes of one kind of source into a ``Document``.
public protocol Reader: Sendable {
    /// The name recorded in the provenance of what the reader produces.
    var name: String { get }
    /// Reads one source; throws a ``BylineError`` naming the source when it cannot.
    func read(_ source: SourceDocument) throws(BylineError) -> Document
}

/// Chooses the reader for each source and applies the options every reader honours.
///
///     let document = try Extractor(options: ReadOptions()).extract(source)
public struct Extractor: Sendable {
    public let options: ReadOptions

    public init(options: ReadOptions) {
        self.options = options
    }

    /// Reads one source into a document: metadata, text, paragraphs, captions, removed.
    public func extract(_ source: SourceDocument) throws(BylineError) -> Document {
        let source = try TextDecoding.utf16AsUTF8(source)
        let reader: any Reader
        if options.plain {
            reader = PlainTextReader()
        } else {
            switch SourceSniffer.kind(of: source.bytes) {
            case .html:
                reader = HTMLReader()
            case .warc:
                throw BylineError(.unsupportedFormat, input: source.uri, "a WARC archive where one document was expected")
            case .text:
                reader = ScrapedTextReader()
            }
        }
        var document = try reader.read(source)
        if source.container == .warcRecord {
            document.source.format = .warc
            if document.metadata.published == nil, let captured = source.fallbackPublished {
                document.metadata.published = captured
                document.metadata.filledBy["published"] = Provenance(stage: "warc", rule: "WARC-Date")
            }
        }
        if let published = options.published {
            document.metadata.published = published
            document.metadata.filledBy["published"] = Provenance(stage: "options", rule: "--published")
        }
        return document
    }
}

/// Tells HTML and WARC from text by the first bytes.
enum SourceSniffer {
    enum Kind { case html, warc, text }

    static func kind(of bytes: [UInt8]) -> Kind {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, bytes[start] == 0x20 || (bytes[start] >= 0x09 && bytes[start] <= 0x0D) { start += 1 }
        let head = String(decoding: bytes[start..<min(bytes.count, start + 4096)].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        if head.hasPrefix("warc/") { return .warc }
        if head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.hasPrefix("<?xml") && head.contains("<html") {
            return .html
        }
        // Markup first: a tag, a comment or a declaration opens the input.
        if head.hasPrefix("<"), let next = head.dropFirst().first, next.isLetter || next == "!" || next == "?" {
            return .html
        }
        return .text
    }
}
