import BylineCore

/// Splits English news text into tokens: words, numbers, punctuation, quotation marks,
/// abbreviations and URLs, each a span into the text.
///
/// White space separates chunks; each chunk loses its leading marks (quotes, brackets,
/// currency signs) and trailing marks (quotes, brackets, commas, periods, clitics "'s" and
/// "n't") one by one, except where what remains is an abbreviation ("Nov.", "U.S.", "Dato'")
/// or a URL. Dashes and ellipses split a chunk in the middle. Hyphens, decimal points,
/// thousands separators and clock colons stay inside their word or number.
///
///     Tokenizer.english.tokenize("He paid $4.2 billion.", in: Span(0, 21))
///     // He · paid · $ · 4.2 · billion · .
public struct Tokenizer: Sendable {
    public let abbreviations: Abbreviations

    public init(abbreviations: Abbreviations) {
        self.abbreviations = abbreviations
    }

    /// The English tokenizer.
    public static let english = Tokenizer(abbreviations: .english)

    /// The tokens of `text` inside `span` (UTF-8 offsets), in order.
    public func tokenize(_ text: String, in span: Span) -> [Token] {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        scalars.reserveCapacity(span.length)
        offsets.reserveCapacity(span.length + 1)
        var utf8 = text
        utf8.withUTF8 { bytes in
            var offset = span.start
            while offset < span.end {
                let (scalar, width) = CharacterClass.scalar(in: bytes, at: offset)
                scalars.append(scalar)
                offsets.append(offset)
                offset += width
            }
        }
        offsets.append(span.end)
        var run = Run(text: text, scalars: scalars, offsets: offsets, abbreviations: abbreviations)
        var i = 0
        while i < scalars.count {
            while i < scalars.count, CharacterClass.isWhitespace(scalars[i]) { i += 1 }
            var j = i
            while j < scalars.count, !CharacterClass.isWhitespace(scalars[j]) { j += 1 }
            if j > i { run.chunk(i, j) }
            i = j
        }
        return run.tokens
    }

}

/// The state of one tokenization: the scalars, their offsets and the tokens so far.
private struct Run {
    let text: String
    let scalars: [Unicode.Scalar]
    /// The UTF-8 offset of each scalar, and of the end.
    let offsets: [Int]
    let abbreviations: Abbreviations
    var tokens: [Token] = []

    init(text: String, scalars: [Unicode.Scalar], offsets: [Int], abbreviations: Abbreviations) {
        self.text = text
        self.scalars = scalars
        self.offsets = offsets
        self.abbreviations = abbreviations
    }

    mutating func emit(_ lo: Int, _ hi: Int, _ kind: Token.Kind) {
        tokens.append(Token(span: Span(offsets[lo], offsets[hi]), kind: kind))
    }

    /// The text of scalars `lo..<hi`.
    func string(_ lo: Int, _ hi: Int) -> Substring {
        text[Span(offsets[lo], offsets[hi])]
    }

    /// Splits a white-space-free chunk at dashes and ellipses, then tokenizes each piece.
    mutating func chunk(_ lo: Int, _ hi: Int) {
        var start = lo
        var i = lo
        while i < hi {
            let width = infixWidth(at: i, chunk: lo..<hi)
            if width > 0 {
                if i > start { piece(start, i) }
                emit(i, i + width, .punctuation)
                i += width
                start = i
            } else {
                i += 1
            }
        }
        if start < hi { piece(start, hi) }
    }

    /// The length of a separating mark at `i`, or 0.
    func infixWidth(at i: Int, chunk: Range<Int>) -> Int {
        let s = scalars[i]
        if CharacterClass.isDash(s) || s == "\u{2026}" { return 1 }
        if s == "-", i + 1 < chunk.upperBound, scalars[i + 1] == "-" {
            var j = i
            while j < chunk.upperBound, scalars[j] == "-" { j += 1 }
            return j - i
        }
        // An ellipsis between two words ("wait...what").
        if s == ".", i > chunk.lowerBound, i + 2 < chunk.upperBound - 1, scalars[i + 1] == ".", scalars[i + 2] == ".",
            CharacterClass.isLetter(scalars[i - 1])
        {
            return 3
        }
        // A comma between letters ("yes,no"); digits keep theirs ("1,000").
        if s == ",", i > chunk.lowerBound, i + 1 < chunk.upperBound,
            CharacterClass.isLetter(scalars[i - 1]), CharacterClass.isLetter(scalars[i + 1])
        {
            return 1
        }
        return 0
    }

    /// Peels marks off the front and back of a piece, then emits its core.
    mutating func piece(_ start: Int, _ end: Int) {
        var lo = start
        var hi = end
        var suffixes: [(Int, Int, Token.Kind)] = []
        while lo < hi {
            if let kind = special(lo, hi) {
                emit(lo, hi, kind)
                lo = hi
                break
            }
            let first = scalars[lo]
            if CharacterClass.isPrefix(first) {
                emit(lo, lo + 1, kind(of: first))
                lo += 1
                continue
            }
            let last = scalars[hi - 1]
            if last == "." {
                if hi - lo >= 3, scalars[hi - 2] == ".", scalars[hi - 3] == "." {
                    suffixes.append((hi - 3, hi, .punctuation))
                    hi -= 3
                } else {
                    suffixes.append((hi - 1, hi, .punctuation))
                    hi -= 1
                }
                continue
            }
            if CharacterClass.isSuffix(last) {
                suffixes.append((hi - 1, hi, kind(of: last)))
                hi -= 1
                continue
            }
            if let width = cliticWidth(lo, hi) {
                suffixes.append((hi - width, hi, .word))
                hi -= width
                continue
            }
            emit(lo, hi, coreKind(lo, hi))
            lo = hi
        }
        for (a, b, kind) in suffixes.reversed() {
            emit(a, b, kind)
        }
    }

    /// An abbreviation or URL that stays whole, marks included.
    func special(_ lo: Int, _ hi: Int) -> Token.Kind? {
        let last = scalars[hi - 1]
        if hi - lo >= 2, last == "." || last == "'" || last == "\u{2019}" {
            if abbreviations.kind(of: string(lo, hi)) != nil { return .abbreviation }
        }
        if hi - lo >= 5 && isURL(lo, hi) { return .url }
        return nil
    }

    func isURL(_ lo: Int, _ hi: Int) -> Bool {
        // Most pieces open with none of the web prefixes: the scalars tell, without a string.
        if Self.webPrefixes.contains(where: { startsWith($0, lo, hi) }) {
            let text = string(lo, hi).lowercased()
            if text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("www.") {
                return !CharacterClass.isSuffix(scalars[hi - 1]) && scalars[hi - 1] != "."
            }
        }
        // An e-mail address: letters@letters.letters, ending in a letter.
        guard let at = scalars[lo..<hi].firstIndex(of: "@"), at > lo,
            scalars[at..<hi].contains("."), CharacterClass.isLetter(scalars[hi - 1])
        else { return false }
        return true
    }

    /// The openings of a web address.
    private static let webPrefixes: [[Unicode.Scalar]] = ["http://", "https://", "www."].map { Array($0.unicodeScalars) }

    /// Whether scalars `lo..<hi` open with `prefix`, ASCII letters in either case. (No other
    /// scalar lower-cases to an ASCII letter of the prefixes, so a piece this turns down does
    /// not open with one once lower-cased either.)
    func startsWith(_ prefix: [Unicode.Scalar], _ lo: Int, _ hi: Int) -> Bool {
        guard hi - lo >= prefix.count else { return false }
        for (k, expected) in prefix.enumerated() {
            let scalar = scalars[lo + k]
            let lower = scalar.value >= 0x41 && scalar.value <= 0x5A ? scalar.value | 0x20 : scalar.value
            if lower != expected.value { return false }
        }
        return true
    }

    /// The width of a trailing "'s" or "n't" clitic, or nil. The possessive may follow an
    /// abbreviation's period ("the U.K.'s", "Acme Inc.'s").
    func cliticWidth(_ lo: Int, _ hi: Int) -> Int? {
        func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" }
        if hi - lo > 2, scalars[hi - 1] == "s" || scalars[hi - 1] == "S", isApostrophe(scalars[hi - 2]) {
            let before = scalars[hi - 3]
            if CharacterClass.isLetter(before) || CharacterClass.isDigit(before) { return 2 }
            if before == ".", hi - lo > 4, abbreviations.kind(of: string(lo, hi - 2)) != nil { return 2 }
        }
        if hi - lo > 3, scalars[hi - 1] == "t" || scalars[hi - 1] == "T", isApostrophe(scalars[hi - 2]),
            scalars[hi - 3] == "n" || scalars[hi - 3] == "N"
        {
            return 3
        }
        return nil
    }

    func kind(of mark: Unicode.Scalar) -> Token.Kind {
        if CharacterClass.isQuote(mark) { return .quote }
        switch mark.properties.generalCategory {
        case .currencySymbol, .mathSymbol, .otherSymbol, .modifierSymbol: return .symbol
        default: return mark == "%" || mark == "#" || mark == "\u{2030}" ? .symbol : .punctuation
        }
    }

    func coreKind(_ lo: Int, _ hi: Int) -> Token.Kind {
        let first = scalars[lo]
        if CharacterClass.isDigit(first) { return .number }
        if (first == "-" || first == "+" || first == "."), hi - lo > 1, CharacterClass.isDigit(scalars[lo + 1]) {
            return .number
        }
        if hi - lo == 1 && !CharacterClass.isLetter(first) { return kind(of: first) }
        return scalars[lo..<hi].contains(where: { CharacterClass.isLetter($0) || CharacterClass.isDigit($0) })
            ? .word : kind(of: first)
    }
}
