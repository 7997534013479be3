import BylineCore

/// Splits a paragraph's tokens into sentences.
///
/// A sentence ends at `.`, `!`, `?` or an ellipsis, together with the closing quotation marks
/// and brackets that touch it, when the next token can open a sentence (a capital, a digit, an
/// opening mark, a word of a script without case). An abbreviation ends a sentence only when
/// it may (``Abbreviations/Kind/general``) and a usual sentence opener follows it ("…in the
/// U.S. The plan…"). A paragraph end always ends a sentence.
public struct SentenceSplitter: Sendable {
    public let abbreviations: Abbreviations

    public init(abbreviations: Abbreviations) {
        self.abbreviations = abbreviations
    }

    /// The English sentence splitter.
    public static let english = SentenceSplitter(abbreviations: .english)

    /// The sentences of one paragraph, as ranges of indices into `tokens`.
    public func split(_ text: String, tokens: [Token], paragraph: Range<Int>) -> [Range<Int>] {
        var utf8 = text
        return utf8.withUTF8 { bytes in
            let reading = Reading(text: text, bytes: bytes, tokens: tokens)
            var sentences: [Range<Int>] = []
            var start = paragraph.lowerBound
            var i = paragraph.lowerBound
            let end = paragraph.upperBound
            while i < end {
                guard let mayEnd = endKind(reading, i) else {
                    i += 1
                    continue
                }
                var j = i + 1
                while j < end, absorbs(reading, j) { j += 1 }
                guard j < end else { break }
                let boundary =
                    switch mayEnd {
                    case .always: opensSentence(reading, j)
                    case .beforeOpener: opensSentenceAfterAbbreviation(text, tokens[j])
                    }
                if boundary {
                    sentences.append(start..<j)
                    start = j
                }
                i = j
            }
            if start < end { sentences.append(start..<end) }
            return sentences
        }
    }

    /// The text being split, as a string and as its UTF-8 bytes, and its tokens.
    private struct Reading {
        let text: String
        let bytes: UnsafeBufferPointer<UInt8>
        let tokens: [Token]

        /// The bytes of token `i`.
        func word(_ i: Int) -> Slice<UnsafeBufferPointer<UInt8>> {
            bytes[tokens[i].span.start..<tokens[i].span.end]
        }

        /// The first scalar of token `i`, or nil for an empty token.
        func firstScalar(_ i: Int) -> Unicode.Scalar? {
            tokens[i].span.isEmpty ? nil : CharacterClass.scalar(in: bytes, at: tokens[i].span.start).0
        }

        /// Whether token `i` is `.`, `!`, `?` or `…` (and, when asked, `...`).
        func isTerminal(_ i: Int, orThreeDots: Bool) -> Bool {
            let word = word(i)
            if word.count == 1 { return word.first == UInt8(ascii: ".") || word.first == UInt8(ascii: "!") || word.first == UInt8(ascii: "?") }
            return word.elementsEqual(SentenceSplitter.ellipsis) || orThreeDots && word.elementsEqual(SentenceSplitter.threeDots)
        }
    }

    /// The UTF-8 of "…" and of "...".
    private static let ellipsis = Array("\u{2026}".utf8)
    private static let threeDots = Array("...".utf8)

    private enum EndKind { case always, beforeOpener }

    private func endKind(_ reading: Reading, _ i: Int) -> EndKind? {
        let token = reading.tokens[i]
        switch token.kind {
        case .punctuation:
            return reading.isTerminal(i, orThreeDots: true) ? .always : nil
        case .abbreviation:
            switch abbreviations.kind(of: reading.text[token.span]) {
            case .general, .month: return .beforeOpener
            default: return nil
            }
        default:
            return nil
        }
    }

    /// Whether the token at `j` still belongs to the sentence just ended: more end marks, or a
    /// closing mark touching the previous token.
    private func absorbs(_ reading: Reading, _ j: Int) -> Bool {
        if reading.isTerminal(j, orThreeDots: false) { return true }
        let span = reading.tokens[j].span
        guard let first = reading.firstScalar(j), UTF8.width(first) == span.length else { return false }
        return CharacterClass.isCloser(first) && reading.tokens[j - 1].span.end == span.start
    }

    private func opensSentence(_ reading: Reading, _ j: Int) -> Bool {
        guard let first = reading.firstScalar(j) else { return false }
        if CharacterClass.isLower(first) { return false }
        if CharacterClass.isUpper(first) || CharacterClass.isDigit(first) { return true }
        if CharacterClass.isQuote(first) || CharacterClass.isOpener(first) { return true }
        // Letters of scripts without case (Han, Hangul, Arabic…) open sentences too.
        return CharacterClass.isLetter(first)
    }

    private func opensSentenceAfterAbbreviation(_ text: String, _ token: Token) -> Bool {
        let word = text[token.span]
        guard let first = word.unicodeScalars.first, CharacterClass.isUpper(first) else {
            return word.unicodeScalars.first.map(CharacterClass.isOpener) ?? false
        }
        return abbreviations.sentenceOpeners.contains(word.lowercased())
    }
}
