import CZlib
import Foundation

/// Article text as the SQLite store keeps it: zlib-compressed, behind a 4-byte little-endian
/// count of the text's UTF-8 bytes. News text compresses to about a third, which keeps the
/// database near the size of the text it holds.
///
/// The store's SQL reads it through the function `bylineText(body)` (the view `article` does),
/// so queries and the full-text index see plain text:
///
///     let body = CompressedText.compress("Text of an article.")
///     CompressedText.decompress(body)   // "Text of an article."
///
/// Outside Byline: `zlib.decompress(body[4:]).decode()` in Python.
public enum CompressedText {
    /// The compressed form of `text`.
    public static func compress(_ text: String) -> [UInt8] {
        var source = Array(text.utf8)
        let count = source.count
        var length = compressBound(uLong(count))
        var output = [UInt8](repeating: 0, count: 4 + Int(length))
        withUnsafeBytes(of: UInt32(count).littleEndian) { output.replaceSubrange(0..<4, with: $0) }
        let status = output.withUnsafeMutableBufferPointer { buffer in
            source.withUnsafeMutableBufferPointer { input in
                compress2(buffer.baseAddress! + 4, &length, input.baseAddress, uLong(count), Z_DEFAULT_COMPRESSION)
            }
        }
        precondition(status == Z_OK, "zlib compress2 failed with a buffer of compressBound's size")
        output.removeLast(output.count - 4 - Int(length))
        return output
    }

    /// The text of a compressed body, or nil when `body` is not one.
    public static func decompress(_ body: UnsafeRawBufferPointer) -> String? {
        guard body.count >= 4 else { return nil }
        let count = Int(UInt32(littleEndian: body.loadUnaligned(as: UInt32.self)))
        var length = uLong(count)
        let text = String(unsafeUninitializedCapacity: max(count, 1)) { buffer in
            let status = uncompress(buffer.baseAddress, &length, body.baseAddress!.assumingMemoryBound(to: Bytef.self) + 4, uLong(body.count - 4))
            return status == Z_OK && Int(length) == count ? count : 0
        }
        return text.utf8.count == count ? text : nil
    }

    /// ``decompress(_:)`` of bytes in an array.
    public static func decompress(_ body: [UInt8]) -> String? {
        body.withUnsafeBytes { decompress($0) }
    }
}
