/// Reads Byline's rule and word-list files.
///
/// Every data file under a module's `Resources/` opens with `#` comment lines saying what it is,
/// its format and where it came from. Blank lines and lines starting with `#` are skipped;
/// fields are separated by tabs.
public struct DataFile: Sendable {
    /// The content lines, trimmed, without comments and blank lines.
    public let lines: [String]

    public init(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines: [String] = []
        for raw in Self.pieces(of: text, at: Self.newlineLength) {
            let line = raw.trimmingWhiteSpace()
            if !line.isEmpty, !line.hasPrefix("#") { lines.append(String(line)) }
        }
        self.lines = lines
    }

    /// Each content line split at tabs into trimmed fields.
    public var rows: [[String]] {
        lines.map { line in Self.pieces(of: line[...], at: Self.tabLength).map { String($0.trimmingWhiteSpace()) } }
    }

    /// The non-empty pieces of `text` between separators, where `separatorLength` tells the
    /// length in bytes of the separator starting at a byte (0: none).
    ///
    /// Separators are read from the bytes: each one (a line break, a tab) is a character of its
    /// own wherever it stands, so the pieces are those a split at characters gives.
    private static func pieces(of text: Substring, at separatorLength: (Substring.UTF8View, String.Index) -> Int) -> [Substring] {
        let utf8 = text.utf8
        var pieces: [Substring] = []
        var start = utf8.startIndex
        var i = start
        while i < utf8.endIndex {
            let length = separatorLength(utf8, i)
            guard length > 0 else {
                i = utf8.index(after: i)
                continue
            }
            if start < i { pieces.append(text[start..<i]) }
            i = utf8.index(i, offsetBy: length)
            start = i
        }
        if start < utf8.endIndex { pieces.append(text[start..<utf8.endIndex]) }
        return pieces
    }

    private static func pieces(of text: String, at separatorLength: (Substring.UTF8View, String.Index) -> Int) -> [Substring] {
        pieces(of: text[...], at: separatorLength)
    }

    /// The length of the line break starting at `i` (what `Character.isNewline` is true of:
    /// LF, vertical tab, form feed, CR, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR), or 0.
    private static func newlineLength(_ utf8: Substring.UTF8View, _ i: String.Index) -> Int {
        let byte = utf8[i]
        if byte >= 0x0A && byte <= 0x0D { return 1 }
        guard byte == 0xC2 || byte == 0xE2 else { return 0 }
        let next = utf8.index(after: i)
        guard next < utf8.endIndex else { return 0 }
        if byte == 0xC2 { return utf8[next] == 0x85 ? 2 : 0 }
        let third = utf8.index(after: next)
        guard utf8[next] == 0x80, third < utf8.endIndex else { return 0 }
        return utf8[third] == 0xA8 || utf8[third] == 0xA9 ? 3 : 0
    }

    /// 1 at a tab, else 0.
    private static func tabLength(_ utf8: Substring.UTF8View, _ i: String.Index) -> Int {
        utf8[i] == UInt8(ascii: "\t") ? 1 : 0
    }
}

extension StringProtocol {
    /// The string without leading and trailing white space (including non-breaking spaces).
    public func trimmingWhiteSpace() -> SubSequence {
        var start = startIndex
        var end = endIndex
        // ASCII first, scalar by scalar: an ASCII scalar between ASCII scalars is a character of
        // its own, unless it is half of a CR LF pair.
        let scalars = unicodeScalars
        while start < end, Self.isASCIIWhiteSpace(scalars[start]) {
            let next = scalars.index(after: start)
            if next < end, !scalars[next].isASCII || (scalars[start] == "\r" && scalars[next] == "\n") { break }
            start = next
        }
        while end > start {
            let last = scalars.index(before: end)
            guard Self.isASCIIWhiteSpace(scalars[last]) else { break }
            if last > start {
                let before = scalars[scalars.index(before: last)]
                if !before.isASCII || (before == "\r" && scalars[last] == "\n") { break }
            }
            end = last
        }
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[start..<end]
    }

    /// Whether `scalar` is ASCII white space: a tab, a line break or a space.
    private static func isASCIIWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value >= 0x09 && scalar.value <= 0x0D) || scalar.value == 0x20
    }
}
