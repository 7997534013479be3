import BylineCore

/// Checks that input bytes are text and decodes them.
public enum TextDecoding {
    /// Decodes UTF-8 text, dropping a byte-order mark.
    ///
    /// - Throws: ``BylineError`` naming `uri`: `emptyInput` for no text at all, `binaryInput`
    ///   for NUL bytes, `invalidEncoding` for bytes that are not UTF-8 (with the first bad
    ///   byte's offset).
    public static func decodeUTF8(_ bytes: [UInt8], uri: String) throws(BylineError) -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let nul = body.firstIndex(of: 0) {
            throw BylineError(.binaryInput, input: uri, "binary data, not text (NUL byte at offset \(nul))")
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            let bad = firstInvalidUTF8(body) ?? 0
            throw BylineError(.invalidEncoding, input: uri, "not valid UTF-8 (bad byte at offset \(bad))")
        }
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw BylineError(.emptyInput, input: uri, "empty input")
        }
        return text
    }

    /// The source itself, or, when it opens with a UTF-16 byte-order mark, its text re-encoded
    /// as UTF-8 (with no mark), so that every reader sees UTF-8.
    ///
    /// - Throws: ``BylineError`` of kind `invalidEncoding` for UTF-16 that does not decode
    ///   (an odd number of bytes, a lone surrogate).
    public static func utf16AsUTF8(_ source: SourceDocument) throws(BylineError) -> SourceDocument {
        let bytes = source.bytes
        let bigEndian: Bool
        if bytes.starts(with: [0xFE, 0xFF]) {
            bigEndian = true
        } else if bytes.starts(with: [0xFF, 0xFE]) {
            bigEndian = false
        } else {
            return source
        }
        guard bytes.count % 2 == 0 else {
            throw BylineError(.invalidEncoding, input: source.uri, "not valid UTF-16 (an odd number of bytes after its byte-order mark)")
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        for i in stride(from: 2, to: bytes.count, by: 2) {
            let (first, second) = (UInt16(bytes[i]), UInt16(bytes[i + 1]))
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            throw BylineError(.invalidEncoding, input: source.uri, "not valid UTF-16 (a lone surrogate)")
        }
        return source.reencoded(as: Array(text.utf8))
    }

    /// The offset of the first byte that breaks UTF-8, or nil when all of `bytes` is valid.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = bytes.startIndex
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }
}
