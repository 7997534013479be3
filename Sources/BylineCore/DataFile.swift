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
        for raw in text.pieces(separatedBy: Self.newlineLength) {
            let line = raw.trimmingWhiteSpace()
            if !line.isEmpty, !Self.isComment(line) { lines.append(String(line)) }
        }
        self.lines = lines
    }

    /// Each content line split at tabs into trimmed fields.
    public var rows: [[String]] {
        lines.map { line in
            // A line is trimmed already: one without a tab is its only field.
            guard line.utf8.contains(UInt8(ascii: "\t")) else { return [line] }
            return line.pieces { utf8, i in utf8[i] == UInt8(ascii: "\t") ? 1 : 0 }.map { String($0.trimmingWhiteSpace()) }
        }
    }

    /// Whether a trimmed content line is a comment: its first character is `#`.
    private static func isComment(_ line: Substring) -> Bool {
        line.utf8.first == UInt8(ascii: "#") && line.hasPrefix("#")
    }

    /// The length of the line break starting at `i` (what `Character.isNewline` is true of:
    /// LF, vertical tab, form feed, CR, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR), or 0.
    private static func newlineLength(_ utf8: String.UTF8View, _ i: String.Index) -> Int {
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
}

extension StringProtocol {
    /// The string without leading and trailing white space (including non-breaking spaces).
    @inlinable
    public func trimmingWhiteSpace() -> SubSequence {
        if let first = unicodeScalars.first, let last = unicodeScalars.last, Self.isASCIINonWhiteSpace(first), Self.isASCIINonWhiteSpace(last) {
            return self[startIndex..<endIndex]
        }
        var start = startIndex
        while start < endIndex {
            let (isWhiteSpace, next) = character(startingAt: start)
            guard isWhiteSpace else { break }
            start = next
        }
        var end = endIndex
        while end > start {
            let (isWhiteSpace, previous) = character(endingAt: end, after: start)
            guard isWhiteSpace else { break }
            end = previous
        }
        return self[start..<end]
    }

    /// Whether the character at `i` is white space, and where it ends. An ASCII scalar followed
    /// by another (or by the end) is a character of its own, unless it is half of a CR LF pair:
    /// it is read from the scalar, and only other characters through Swift's `Character`.
    @usableFromInline
    func character(startingAt i: Index) -> (isWhiteSpace: Bool, next: Index) {
        let scalars = unicodeScalars
        let scalar = scalars[i]
        let after = scalars.index(after: i)
        if scalar.isASCII, after == endIndex || Self.areSeparateCharacters(scalar, scalars[after]) {
            return (Self.isASCIIWhiteSpace(scalar), after)
        }
        return (self[i].isWhitespace, index(after: i))
    }

    /// Whether the character ending at `end` (a character boundary after `start`) is white
    /// space, and where it starts; read as ``character(startingAt:)`` reads.
    @usableFromInline
    func character(endingAt end: Index, after start: Index) -> (isWhiteSpace: Bool, previous: Index) {
        let scalars = unicodeScalars
        let last = scalars.index(before: end)
        let scalar = scalars[last]
        if scalar.isASCII, last == start || Self.areSeparateCharacters(scalars[scalars.index(before: last)], scalar) {
            return (Self.isASCIIWhiteSpace(scalar), last)
        }
        let previous = index(before: end)
        return (self[previous].isWhitespace, previous)
    }

    /// Whether a character boundary stands between the scalar `first` and the ASCII scalar
    /// `second` after it: when `first` is ASCII too, and the two are not CR LF.
    @usableFromInline
    static func areSeparateCharacters(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
        first.isASCII && second.isASCII && !(first == "\r" && second == "\n")
    }

    /// Whether `scalar` is ASCII and not white space. A string that starts with one starts with
    /// a character that is not white space (a character's first scalar tells); one that ends
    /// with one ends with such a character too, as no scalar that is white space joins an ASCII
    /// scalar after it into one character.
    @usableFromInline
    static func isASCIINonWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && !isASCIIWhiteSpace(scalar)
    }

    /// Whether `scalar` is ASCII white space: a tab, a line break or a space.
    @usableFromInline
    static func isASCIIWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value >= 0x09 && scalar.value <= 0x0D) || scalar.value == 0x20
    }
}

extension StringProtocol {
    /// The string's words between spaces: what `split(separator: " ")` gives, read from the
    /// bytes when the string is ASCII (each of its bytes is then a character of its own, or
    /// half of a CR LF pair, which is no space).
    @inlinable
    public func splitAtSpaces() -> [SubSequence] {
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return split(separator: " ") }
        return pieces { utf8, i in utf8[i] == UInt8(ascii: " ") ? 1 : 0 }
    }

    /// The non-empty pieces of the string between separators, where `separatorLength` tells the
    /// length in bytes of the separator starting at a byte (0: none).
    ///
    /// Separators are read from the bytes, so the pieces are those a split at characters gives
    /// only when each separator is a character of its own wherever it stands (a tab, a line
    /// break; a space in ASCII text).
    @inlinable
    func pieces(separatedBy separatorLength: (UTF8View, Index) -> Int) -> [SubSequence] {
        let utf8 = self.utf8
        var pieces: [SubSequence] = []
        var start = utf8.startIndex
        var i = start
        while i < utf8.endIndex {
            let length = separatorLength(utf8, i)
            guard length > 0 else {
                i = utf8.index(after: i)
                continue
            }
            if start < i { pieces.append(self[start..<i]) }
            i = utf8.index(i, offsetBy: length)
            start = i
        }
        if start < utf8.endIndex { pieces.append(self[start..<utf8.endIndex]) }
        return pieces
    }
}
