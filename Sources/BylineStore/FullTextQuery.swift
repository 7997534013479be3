import Foundation

/// Turns what a user typed into an FTS5 query that cannot be a syntax error: every word is
/// quoted, `"a phrase"` stays a phrase, a trailing `*` keeps its prefix search.
///
///     FullTextQuery.match("trade deal*", trigram: false)   // "\"trade\" \"deal\"*"
public enum FullTextQuery {
    /// The FTS5 query, or nil when the text holds no word. With `trigram`, the whole text is
    /// one phrase (a trigram index finds any run of three or more characters). Without
    /// `phrases`, quoted phrases are read as separate words (for indexes without positions).
    public static func match(_ text: String, trigram: Bool, phrases: Bool = true) -> String? {
        if trigram {
            let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\"", with: "")
            return trimmed.count >= 3 ? "\"\(trimmed)\"" : nil
        }
        var terms: [String] = []
        let pieces = text.split(separator: "\"", omittingEmptySubsequences: false)
        for (index, piece) in pieces.enumerated() {
            let quoted = index % 2 == 1
            if quoted && phrases {
                let words = words(String(piece))
                if !words.isEmpty { terms.append("\"" + words.joined(separator: " ") + "\"") }
                continue
            }
            for token in piece.split(whereSeparator: { $0.isWhitespace }) {
                let prefix = token.hasSuffix("*")
                for word in words(String(token)) {
                    terms.append("\"\(word)\"")
                }
                if prefix, !terms.isEmpty { terms[terms.count - 1] += "*" }
            }
        }
        return terms.isEmpty ? nil : terms.joined(separator: " ")
    }

    /// The words of `text`: runs of letters and digits.
    public static func words(_ text: String) -> [String] {
        text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }
}
