import BylineCore

/// One quotation found between quote marks.
struct FoundQuote {
    /// The words inside the marks.
    var span: Span
    /// The opening and closing marks' offsets (the closing one is nil when the quote runs on).
    var open: Int
    var close: Int?
    var paragraph: Int
    /// Whether the quote carries on from an open quote in the paragraph before.
    var continues: Bool
}

/// Quote marks and the stretches between them.
enum QuoteMarks {
    /// What a double quote mark does: opens (“ « „), closes (” »), or either (").
    enum Mark {
        case opening, closing, straight
    }

    /// The double quote mark `scalar` is, if any.
    static func mark(_ scalar: Unicode.Scalar) -> Mark? {
        switch scalar.value {
        case 0x22: .straight
        case 0x201C, 0x00AB, 0x201E: .opening
        case 0x201D, 0x00BB: .closing
        default: nil
        }
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        mark(scalar) != nil
    }

    /// Whether `scalar` is a single quote mark, which nests inside double ones.
    static func isSingle(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2018}" || scalar == "\u{2019}"
    }

    /// Whether a straight mark after `scalar` opens a quote: after white space, an opening
    /// bracket or a dash.
    private static func opensAfter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x0A, 0x0D, 0x09, 0xA0, 0x28, 0x5B, 0x7B: true
        default: Dashes.clauseCharacters.contains(scalar) || scalar.value >= 0x80 && scalar.properties.isWhitespace
        }
    }

    /// The quotes of the document's article paragraphs, in order.
    static func quotes(in document: Document) -> [FoundQuote] {
        var quotes: [FoundQuote] = []
        var runsOn = false
        var text = document.text
        // Every mark is 0x22 or a scalar whose first byte is C2 or E2: the text is read byte by
        // byte, and a scalar decoded only where it may be a mark or stands before one.
        text.withUTF8 { bytes in
            for (p, paragraph) in document.paragraphs.enumerated() where paragraph.kind.isArticleText {
                var open: (mark: Int, start: Int)?
                var previous: Int?
                let first = paragraph.span.start < paragraph.span.end
                    ? Self.firstNonWhitespace(bytes, from: paragraph.span.start, to: paragraph.span.end) : nil
                // An open quote runs on only into a paragraph that opens with a mark.
                let continuing = runsOn && first.map(isMark) == true
                runsOn = false
                var offset = paragraph.span.start
                while offset < paragraph.span.end {
                    let lead = bytes[offset]
                    let width = Self.width(lead)
                    if lead == 0x22 || lead == 0xC2 || lead == 0xE2, let mark = mark(Self.scalar(bytes, at: offset, width: width)) {
                        let opens = mark == .opening
                            || (mark == .straight && open == nil && opensAfter(previous.map { Self.scalar(bytes, at: $0, width: Self.width(bytes[$0])) } ?? " "))
                        if let current = open, !opens {
                            quotes.append(FoundQuote(span: Span(current.start, offset), open: current.mark, close: offset, paragraph: p, continues: false))
                            open = nil
                        } else if open == nil, mark != .closing, !(mark == .straight && previous.map { (0x30...0x39).contains(bytes[$0]) } == true) {
                            // (A straight mark right after a digit opens nothing: an inch sign, `a 34" screen`.)
                            open = (offset, offset + width)
                        }
                    }
                    previous = offset
                    offset += width
                }
                if let current = open {
                    quotes.append(FoundQuote(span: Span(current.start, paragraph.span.end), open: current.mark, close: nil, paragraph: p, continues: false))
                    runsOn = true
                }
                if continuing, let index = quotes.firstIndex(where: { $0.paragraph == p }) { quotes[index].continues = true }
            }
        }
        return quotes.compactMap { trimmed($0, in: document.text) }
    }

    /// How many bytes the UTF-8 scalar opening with `lead` has.
    private static func width(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The scalar of `width` bytes at `offset`.
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, width: Int) -> Unicode.Scalar {
        var decoder = UTF8()
        var iterator = bytes[offset..<(offset + width)].makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return "\u{FFFD}" }
        return scalar
    }

    /// The first scalar in `start..<end` that is not white space, if any.
    private static func firstNonWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Unicode.Scalar? {
        var offset = start
        while offset < end {
            let width = width(bytes[offset])
            let scalar = scalar(bytes, at: offset, width: width)
            if !scalar.properties.isWhitespace { return scalar }
            offset += width
        }
        return nil
    }

    /// The quote without white space and marks at its edges; nil when nothing is left.
    private static func trimmed(_ quote: FoundQuote, in text: String) -> FoundQuote? {
        var span = quote.span
        let bytes = Array(text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: span.start)..<text.utf8.index(text.utf8.startIndex, offsetBy: span.end)])
        var lower = 0
        var upper = bytes.count
        while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x0A { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x0A { upper -= 1 }
        guard upper > lower, bytes[lower..<upper].contains(where: { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 >= 0x80 }) else { return nil }
        span = Span(span.start + lower, span.start + upper)
        var quote = quote
        quote.span = span
        return quote
    }
}
