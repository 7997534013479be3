import BylineCore
import BylineLanguage

/// The words of English time expressions, by class (`time-words.tsv`): month and weekday
/// names, number words, units, seasons, holidays, modifiers. A phrase may have several words.
struct TimeWords: Sendable {
    /// One phrase of a class.
    struct Entry: Sendable {
        let wordClass: String
        /// The phrase's keys, one per time token (``TimeToken/key``).
        let keys: [String]
        /// Whether the first word must be capitalised ("May" the month, not "may").
        let capitalised: Bool
        let value: String
    }

    /// The phrases, in file order.
    let entries: [Entry]

    /// The words of `time-words.tsv`.
    static let english = TimeWords(DataFile(PackageResources.time_words_tsv), tokenizer: .english)

    init(_ file: DataFile, tokenizer: Tokenizer) {
        var entries: [Entry] = []
        for row in file.rows where row.count == 3 {
            let phrase = row[1]
            let tokens = TimeToken.tokens(of: phrase, tokens: tokenizer.tokenize(phrase, in: Span(0, phrase.utf8.count)))
            guard !tokens.isEmpty else { continue }
            entries.append(
                Entry(wordClass: row[0], keys: tokens.map(\.key), capitalised: phrase.first?.isUppercase == true, value: row[2]))
        }
        self.entries = entries
    }
}

/// A token as the time patterns read it: a word, number or mark, or a part of a hyphenated
/// word ("five-hour" is `five`, `-`, `hour`), with the span of the whole word it came from;
/// a newswire opening quote the tokenizer leaves on a word ("``Today") is a token of its own.
struct TimeToken: Sendable {
    /// The span of this part.
    let span: Span
    /// The span of the whole token the part belongs to.
    let word: Span
    /// The text lower-cased, with typographic apostrophes made plain.
    let key: String
    /// Whether the text starts with an upper-case letter.
    let capitalised: Bool

    /// The time tokens of `tokens`, read in `text`.
    static func tokens(of text: String, tokens: some Sequence<Token>) -> [TimeToken] {
        Self.tokens(of: Array(text.utf8), tokens: tokens)
    }

    /// The time tokens of `tokens`, read in the UTF-8 bytes of their text. `words`, when
    /// given, are the same tokens as the document's view reads them: a token left whole takes
    /// its key from there rather than making it again (the two read a token alike).
    static func tokens(of bytes: [UInt8], tokens: some Sequence<Token>, words: ArraySlice<Word>? = nil) -> [TimeToken] {
        var out: [TimeToken] = []
        for (n, token) in tokens.enumerated() {
            var utf8 = bytes[token.span.start..<token.span.end]
            var word = token.span
            // The newswire opening quote "``" is a mark of its own ("``Today, …").
            let quote = utf8.prefix { $0 == UInt8(ascii: "`") }
            if !quote.isEmpty, quote.count < utf8.count {
                let mark = Span(word.start, word.start + quote.count)
                out.append(make(quote, at: mark.start, word: mark))
                utf8 = utf8.dropFirst(quote.count)
                word = Span(mark.end, word.end)
            }
            // A hyphen inside a word (not a leading minus sign) separates its parts.
            var start = utf8.startIndex
            for i in utf8.indices where utf8[i] == UInt8(ascii: "-") && i > utf8.startIndex && i < utf8.endIndex - 1 {
                if i > start { out.append(make(utf8[start..<i], at: start, word: word)) }
                out.append(make(utf8[i..<(i + 1)], at: i, word: word))
                start = i + 1
            }
            if let words, word == token.span, start == utf8.startIndex {
                let whole = words[words.startIndex + n]
                out.append(TimeToken(span: token.span, word: token.span, key: whole.key, capitalised: whole.capitalised))
            } else {
                out.append(make(utf8[start...], at: start, word: word))
            }
        }
        return out
    }

    private static func make(_ bytes: ArraySlice<UInt8>, at offset: Int, word: Span) -> TimeToken {
        let span = Span(offset, offset + bytes.count)
        // ASCII, the common case, lower-cased byte by byte.
        if bytes.allSatisfy({ $0 < 0x80 }) {
            let first = bytes.first ?? 0
            return TimeToken(span: span, word: word, key: String(lowercasingASCII: bytes), capitalised: first >= 0x41 && first <= 0x5A)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return TimeToken(
            span: span, word: word, key: text.lowercased().replacingApostrophes(),
            capitalised: (bytes.first ?? 0) < 0x80 ? (bytes.first ?? 0) >= 0x41 && (bytes.first ?? 0) <= 0x5A : text.first?.isUppercase == true)
    }

    /// Whether the token is a quotation mark (`"`, `“`, `”`, newswire `` and '').
    var isQuotationMark: Bool {
        key.unicodeScalars.allSatisfy { $0 == "`" || $0 == "'" || $0 == "\"" || $0 == "\u{201C}" || $0 == "\u{201D}" }
    }

    /// The value of a token of ASCII digits alone, or nil.
    var integer: Int? {
        guard !key.isEmpty, key.utf8.count <= Self.maximumDigits, key.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(key)
    }

    /// The most digits a number in a time expression has.
    private static let maximumDigits = 9
}

extension String {
    /// The string with typographic apostrophes (’) made plain (').
    fileprivate func replacingApostrophes() -> String {
        unicodeScalars.contains("\u{2019}") ? String(map { $0 == "\u{2019}" ? "'" : $0 }) : self
    }
}
