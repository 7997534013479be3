import BylineCore
import CZlib

/// Decompression of gzip data (one or more members), through zlib.
public enum Gzip {
    /// The largest decompressed size accepted, so that a small hostile file cannot fill memory.
    public static let maximumSize = 1 << 30

    /// Whether `bytes` start with the gzip magic number.
    public static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// Decompresses every gzip member in `bytes`.
    ///
    /// - Throws: ``BylineError`` of kind `badCompression` when the data is damaged, cut short,
    ///   or larger than ``maximumSize`` once decompressed.
    public static func decompress(_ bytes: [UInt8]) throws(BylineError) -> [UInt8] {
        var stream = z_stream()
        // 15 window bits + 16: gzip framing only.
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw BylineError(.badCompression, "cannot start gzip decompression")
        }
        defer { inflateEnd(&stream) }

        var output = [UInt8]()
        output.reserveCapacity(bytes.count * 4)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let outcome: Result<Void, BylineError> = bytes.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = UInt32(input.count)
            while true {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                if output.count > maximumSize {
                    return .failure(BylineError(.badCompression, "gzip data expands past \(maximumSize >> 20) MiB"))
                }
                switch status {
                case Z_STREAM_END:
                    // Another member may follow; trailing zero padding is allowed.
                    let rest = UnsafeBufferPointer(start: stream.next_in, count: Int(stream.avail_in))
                    if rest.allSatisfy({ $0 == 0 }) { return .success(()) }
                    guard inflateReset(&stream) == Z_OK else {
                        return .failure(BylineError(.badCompression, "cannot read the next gzip member"))
                    }
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    return .failure(BylineError(.badCompression, "truncated gzip data"))
                case Z_BUF_ERROR:
                    continue
                default:
                    let detail = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                    return .failure(BylineError(.badCompression, "corrupt gzip data (\(detail))"))
                }
            }
        }
        try outcome.get()
        return output
    }
}
