import Crypto

/// The bytes of one input, decompressed, with the name the user gave it.
public struct SourceDocument: Sendable {
    /// The input as named: a path as given, a path inside a named directory, or `-`.
    public let uri: String
    /// The input's bytes, after gzip decompression where the input was compressed.
    public let bytes: [UInt8]

    public init(uri: String, bytes: [UInt8]) {
        self.uri = uri
        self.bytes = bytes
    }

    /// The SHA-256 of ``bytes``, in lower-case hex: the document's id.
    public var sha256: String {
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
