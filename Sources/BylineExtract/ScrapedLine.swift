import BylineCore
import BylineLanguage

/// One line (or unwrapped paragraph) of a scraped page, with what the reader's rules see in it.
struct ScrapedLine {
    /// The line's text, trimmed.
    let text: String
    let words: Int

    init(_ text: String) {
        self.text = text
        var words = 0
        var inWord = false
        var afterC2 = false
        for byte in text.utf8 {
            // ASCII white space and U+00A0 (no-break space, the bytes C2 A0). C2 leads other
            // characters too ("©" is C2 A9), and A0 follows other lead bytes in letters ("Π" is
            // CE A0), so only the pair is a space; the C2 before it counts as nothing.
            if byte == 0xC2 {
                afterC2 = true
                continue
            }
            let space = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || (afterC2 && byte == 0xA0)
            afterC2 = false
            if space { inWord = false } else if !inWord { inWord = true; words += 1 }
        }
        self.words = words
    }

    /// The last character that is not a closing quotation mark or bracket.
    var finalMark: Character? {
        text.last(where: { !"\"'”’»)]」』）".contains($0) })
    }

    /// Whether the line ends as running text does: with a period, an exclamation mark or an
    /// ellipsis, optionally inside closing quotation marks.
    var endsLikeProse: Bool {
        guard let mark = finalMark else { return false }
        return mark == "." || mark == "!" || mark == "\u{2026}" || mark == "。" || mark == "！" || mark == "？"
            || (mark == "?" && text.last.map { "\"'”’»".contains($0) } == true)
    }

    /// Running text of an article: long enough, and ending as prose does.
    var isBodyLike: Bool {
        words >= ScrapedTextReader.minimumBodyWords && (endsLikeProse || words >= ScrapedTextReader.longParagraphWords)
    }

    /// A headline or a label: short, and not ending in a period.
    var isHeadlineLike: Bool {
        words >= 1 && words <= ScrapedTextReader.maximumHeadlineWords && finalMark != "." && finalMark != ","
            && finalMark != ";" && finalMark != ":"
    }

    /// A name set in title case: a few words, each capitalised or a short connector.
    var isNameLike: Bool {
        guard (1...ScrapedTextReader.maximumPublisherWords).contains(words), finalMark.map({ $0.isLetter || $0 == "." }) == true else {
            return false
        }
        return text.split(whereSeparator: \.isWhitespace).allSatisfy { word in
            guard let first = word.first else { return false }
            return first.isUppercase || first.isNumber || PageVocabulary.shared.nameConnectors.contains(String(word))
        }
    }

    /// Whether the line is markup leaked into the text rather than words: CSS class names or
    /// rules ("css-1q2w3e story-body__inner", ".promo{display:none}"). Every word is ASCII,
    /// opens in lower case or with a mark, and carries a hyphen, an underscore, a brace, a
    /// colon or a semicolon, or mixes letters and digits.
    var isMarkup: Bool {
        let tokens = text.split(separator: " ")
        guard tokens.count >= 2 || text.contains("{") else { return false }
        return tokens.allSatisfy { token in
            guard token.allSatisfy(\.isASCII), let first = token.first, !first.isUppercase, token.contains(where: \.isLetter) else {
                return false
            }
            if token.contains(where: { "-_{}:;".contains($0) }) { return true }
            return token.contains(where: \.isNumber)
        }
    }

    /// The text as written twice in a row ("A A" or "AA"), or nil.
    var doubledHalf: String? {
        let bytes = Array(text.utf8)
        for gap in [1, 0] {
            let n = bytes.count - gap
            guard n > 20, n % 2 == 0 else { continue }
            let half = n / 2
            if gap == 1 && bytes[half] != UInt8(ascii: " ") { continue }
            if bytes[0..<half].elementsEqual(bytes[(half + gap)...]) {
                return String(decoding: bytes[0..<half], as: UTF8.self)
            }
        }
        return nil
    }
}

extension String {
    /// The text before a closing parenthesis or bracket group and what the group holds, both
    /// trimmed: "Delegates pose. (AP Photo/Jane Doe)" → ("Delegates pose.", "AP Photo/Jane Doe").
    /// Nil when the string does not end with such a group.
    func splitTrailingGroup() -> (before: String, inside: String)? {
        guard let close = last, close == ")" || close == "]" else { return nil }
        let open: Character = close == ")" ? "(" : "["
        guard let openIndex = lastIndex(of: open) else { return nil }
        let inside = self[index(after: openIndex)..<index(before: endIndex)].trimmingWhiteSpace()
        return (String(self[..<openIndex].trimmingWhiteSpace()), String(inside))
    }
}
