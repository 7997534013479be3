/// Converts UTF-8 offsets into Unicode code-point offsets for one text: the JSON contract's
/// offsets, the same numbers a Python `str` uses.
public struct OffsetMap: Sendable {
    /// Code-point offset at each UTF-8 offset; empty when the text is ASCII (the identity).
    private let scalarAt: [Int32]

    public init(_ text: String) {
        let utf8 = text.utf8
        let isASCII = utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } }
            ?? utf8.allSatisfy { $0 < 0x80 }
        guard !isASCII else {
            scalarAt = []
            return
        }
        var table = [Int32](repeating: 0, count: utf8.count + 1)
        var scalars: Int32 = 0
        var i = 0
        for byte in utf8 {
            // Every byte but a continuation byte (10xxxxxx) starts a code point.
            table[i] = scalars
            if byte & 0xC0 != 0x80 { scalars += 1 }
            i += 1
        }
        table[i] = scalars
        // A continuation byte maps to the code point after the one it belongs to; offsets are
        // only asked at code-point boundaries, where the table is exact.
        scalarAt = table
    }

    /// The code-point offset of a UTF-8 offset that falls on a code-point boundary.
    public func scalarOffset(_ utf8Offset: Int) -> Int {
        scalarAt.isEmpty ? utf8Offset : Int(scalarAt[utf8Offset])
    }
}
