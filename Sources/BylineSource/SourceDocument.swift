import BylineCore
import Crypto

/// The bytes of one document, decompressed, with the name the user knows it by and what its
/// container (a WARC record's headers) said about it.
public struct SourceDocument: Sendable {
    /// Where the document came from.
    public enum Container: Sendable, Equatable {
        /// A file or standard input holding one document.
        case file
        /// A `response` record of a WARC archive.
        case warcRecord
    }

    /// The input as named: a path as given, a path inside a named directory, `-`, or a WARC
    /// record's target URI.
    public let uri: String
    /// The document's bytes, after gzip decompression where the input was compressed.
    public let bytes: [UInt8]
    /// Where the document came from.
    public var container: Container
    /// The character encoding the transport declared (an HTTP `Content-Type` charset),
    /// lower-cased, or nil.
    public var declaredCharset: String?
    /// A date to use as the publication date when the document states none (a WARC record's
    /// capture date).
    public var fallbackPublished: DateStamp?
    /// The bytes the document was read from, when ``bytes`` are a re-encoding of them.
    private var originalBytes: [UInt8]?

    public init(uri: String, bytes: [UInt8], container: Container = .file, declaredCharset: String? = nil, fallbackPublished: DateStamp? = nil) {
        self.uri = uri
        self.bytes = bytes
        self.container = container
        self.declaredCharset = declaredCharset
        self.fallbackPublished = fallbackPublished
    }

    /// The same document with its bytes re-encoded (UTF-16 as UTF-8); its ``sha256`` stays that
    /// of the bytes it was read from.
    public func reencoded(as newBytes: [UInt8]) -> SourceDocument {
        var copy = SourceDocument(uri: uri, bytes: newBytes, container: container, declaredCharset: nil, fallbackPublished: fallbackPublished)
        copy.originalBytes = originalBytes ?? bytes
        return copy
    }

    /// The SHA-256 of the bytes as read, in lower-case hex: the document's id.
    public var sha256: String {
        let digest = SHA256.hash(data: originalBytes ?? bytes)
        let hex = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
