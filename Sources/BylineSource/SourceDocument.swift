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
    /// The SHA-256 of the bytes as read, in lower-case hex: the document's id. Computed once,
    /// when the document is read, since readers and stores ask for it several times.
    public let sha256: String

    public init(uri: String, bytes: [UInt8], container: Container = .file, declaredCharset: String? = nil, fallbackPublished: DateStamp? = nil) {
        self.init(
            uri: uri, bytes: bytes, container: container, declaredCharset: declaredCharset, fallbackPublished: fallbackPublished,
            sha256: Self.sha256(of: bytes))
    }

    private init(uri: String, bytes: [UInt8], container: Container, declaredCharset: String?, fallbackPublished: DateStamp?, sha256: String) {
        self.uri = uri
        self.bytes = bytes
        self.container = container
        self.declaredCharset = declaredCharset
        self.fallbackPublished = fallbackPublished
        self.sha256 = sha256
    }

    /// The same document with its bytes re-encoded (UTF-16 as UTF-8); its ``sha256`` stays that
    /// of the bytes it was read from.
    public func reencoded(as newBytes: [UInt8]) -> SourceDocument {
        SourceDocument(uri: uri, bytes: newBytes, container: container, declaredCharset: nil, fallbackPublished: fallbackPublished, sha256: sha256)
    }

    /// The SHA-256 of `bytes` in lower-case hex.
    private static func sha256(of bytes: [UInt8]) -> String {
        let digest = SHA256.hash(data: bytes)
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
