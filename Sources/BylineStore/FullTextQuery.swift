
/// Turns what a user typed into a full-text query that cannot be a syntax error: every word is
/// quoted, `"a phrase"` stays a phrase, a trailing `*` keeps its prefix search. One reading of
/// the words (``terms(_:phrases:)``), written for SQLite's FTS5 (``match(_:trigram:phrases:)``)
/// or PostgreSQL's `tsquery` (``tsquery(_:phrases:)``).
///
///     FullTextQuery.match("trade deal*", trigram: false)   // "\"trade\" \"deal\"*"
///     FullTextQuery.tsquery("trade deal*")                 // "'trade' & 'deal':*"
public enum FullTextQuery {
    /// One term of a query: a word, or a phrase of several words in order.
    public struct Term: Sendable, Hashable {
        public var words: [String]
        /// Whether the last word is a prefix (`deal*`).
        public var prefix: Bool
    }

    /// The terms of `text`. Without `phrases`, quoted phrases are read as separate words.
    public static func terms(_ text: String, phrases: Bool = true) -> [Term] {
        var terms: [Term] = []
        let pieces = text.split(separator: "\"", omittingEmptySubsequences: false)
        for (index, piece) in pieces.enumerated() {
            let quoted = index % 2 == 1
            if quoted && phrases {
                let words = words(String(piece))
                if !words.isEmpty { terms.append(Term(words: words, prefix: false)) }
                continue
            }
            for token in piece.split(whereSeparator: { $0.isWhitespace }) {
                let prefix = token.hasSuffix("*")
                for word in words(String(token)) {
                    terms.append(Term(words: [word], prefix: false))
                }
                if prefix, !terms.isEmpty { terms[terms.count - 1].prefix = true }
            }
        }
        return terms
    }

    /// The FTS5 query, or nil when the text holds no word. With `trigram`, the whole text is
    /// one phrase (a trigram index finds any run of three or more characters). Without
    /// `phrases`, quoted phrases are read as separate words (for indexes without positions).
    public static func match(_ text: String, trigram: Bool, phrases: Bool = true) -> String? {
        if trigram {
            let unquoted = text.filter { $0 != "\"" }
            guard let first = unquoted.firstIndex(where: { !$0.isWhitespace }), let last = unquoted.lastIndex(where: { !$0.isWhitespace })
            else { return nil }
            let trimmed = unquoted[first...last]
            return trimmed.count >= 3 ? "\"\(trimmed)\"" : nil
        }
        let terms = terms(text, phrases: phrases)
        guard !terms.isEmpty else { return nil }
        return terms.map { "\"" + $0.words.joined(separator: " ") + "\"" + ($0.prefix ? "*" : "") }.joined(separator: " ")
    }

    /// The PostgreSQL `tsquery` (for `to_tsquery('simple', …)`): every term must occur, a
    /// phrase's words one after the other; nil when the text holds no word.
    public static func tsquery(_ text: String, phrases: Bool = true) -> String? {
        let terms = terms(text, phrases: phrases)
        guard !terms.isEmpty else { return nil }
        return terms.map { term in
            term.words.map { "'\($0.lowercased())'" }.joined(separator: " <-> ") + (term.prefix ? ":*" : "")
        }.joined(separator: " & ")
    }

    /// The words of `text`: runs of letters and digits.
    public static func words(_ text: String) -> [String] {
        text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }
}
