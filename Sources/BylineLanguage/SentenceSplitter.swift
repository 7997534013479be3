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
        var sentences: [Range<Int>] = []
        var start = paragraph.lowerBound
        var i = paragraph.lowerBound
        let end = paragraph.upperBound
        while i < end {
            guard let mayEnd = endKind(text, tokens[i]) else {
                i += 1
                continue
            }
            var j = i + 1
            while j < end, absorbs(text, tokens, j) { j += 1 }
            guard j < end else { break }
            let next = tokens[j]
            let boundary =
                switch mayEnd {
                case .always: opensSentence(text, next)
                case .beforeOpener: opensSentenceAfterAbbreviation(text, next)
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

    private enum EndKind { case always, beforeOpener }

    private func endKind(_ text: String, _ token: Token) -> EndKind? {
        let word = text[token.span]
        switch token.kind {
        case .punctuation:
            return word == "." || word == "!" || word == "?" || word == "\u{2026}" || word == "..." ? .always : nil
        case .abbreviation:
            switch abbreviations.kind(of: word) {
            case .general, .month: return .beforeOpener
            default: return nil
            }
        default:
            return nil
        }
    }

    /// Whether the token at `j` still belongs to the sentence just ended: more end marks, or a
    /// closing mark touching the previous token.
    private func absorbs(_ text: String, _ tokens: [Token], _ j: Int) -> Bool {
        let token = tokens[j]
        let word = text[token.span]
        if word == "." || word == "!" || word == "?" || word == "\u{2026}" { return true }
        guard let first = word.unicodeScalars.first, word.unicodeScalars.count == 1 else { return false }
        return CharacterClass.isCloser(first) && tokens[j - 1].span.end == token.span.start
    }

    private func opensSentence(_ text: String, _ token: Token) -> Bool {
        guard let first = text[token.span].unicodeScalars.first else { return false }
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
