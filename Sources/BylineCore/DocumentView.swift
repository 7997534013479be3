/// A token as the analysis stages read it: its span and kind, its forms and flags read once
/// from its text, and the paragraph and sentence that hold it.
public struct Word: Hashable, Sendable {
    public let span: Span
    public let kind: Token.Kind
    /// The text lower-cased, with typographic apostrophes made plain ("Don’t" → "don't").
    public let key: String
    /// Whether the text starts with an upper-case letter.
    public let capitalised: Bool
    /// Whether the text starts with a letter.
    public let alphabetic: Bool
    /// The index of the paragraph holding the token in ``Document/paragraphs``.
    public let paragraph: Int
    /// The index of the sentence holding the token in ``Document/sentences``; nil until the
    /// sentences are split.
    public fileprivate(set) var sentence: Int?

    /// A token's text lower-cased, with typographic apostrophes made plain; ASCII, the common
    /// case, byte by byte.
    public static func key(_ raw: Substring) -> String {
        guard raw.utf8.allSatisfy({ $0 < 0x80 }) else { return String(raw.lowercased().map { $0 == "\u{2019}" ? "'" : $0 }) }
        return String(lowercasingASCII: raw.utf8)
    }
}

/// Where an entity is mentioned, in tokens.
public struct MentionReference: Hashable, Sendable {
    /// The entity's index in ``Document/entities``.
    public let entity: Int
    /// The tokens of the mention.
    public let tokens: Range<Int>

    public init(entity: Int, tokens: Range<Int>) {
        self.entity = entity
        self.tokens = tokens
    }
}

/// One reading of a document's words, built once after tokenisation and kept up to date by
/// the document as sentences and entities are added (spaCy's `Doc` is the model): each
/// token's forms and flags, its paragraph and sentence, and the entity mention it belongs to.
///
///     let view = document.view
///     if view.words[t].key == "said", let speaker = view.mention(at: t - 1) { … }
///
/// Stages read it instead of rebuilding token maps; they change it only through the
/// document's ``Document/setTokens(_:)``, ``Document/setSentences(_:)``,
/// ``Document/setEntities(_:)`` and ``Document/addMention(_:to:)``.
public struct DocumentView: Sendable {
    /// Every token of the document, in text order.
    public private(set) var words: [Word] = []
    /// The mention at each token, when one covers it (the one added last, where two do).
    private var mentions: [MentionReference?] = []

    init() {}

    /// The view of `tokens` of `text`, each in the paragraph that holds it.
    init(text: String, tokens: [Token], paragraphs: [Paragraph]) {
        var paragraph = 0
        var utf8 = text
        words = utf8.withUTF8 { bytes in
            tokens.map { token in
                while paragraph + 1 < paragraphs.count, paragraphs[paragraph].span.end <= token.span.start { paragraph += 1 }
                let ascii = UnsafeBufferPointer(rebasing: bytes[token.span.start..<token.span.end])
                let first = ascii.first ?? 0
                guard ascii.allSatisfy({ $0 < 0x80 }) else {
                    // Anything but ASCII (the common case, read from its bytes) through Unicode.
                    let raw = text[token.span]
                    return Word(
                        span: token.span, kind: token.kind, key: Word.key(raw),
                        capitalised: first < 0x80 ? first >= 0x41 && first <= 0x5A : raw.first?.isUppercase == true,
                        alphabetic: first < 0x80 ? (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A : raw.first?.isLetter == true,
                        paragraph: paragraph, sentence: nil)
                }
                return Word(
                    span: token.span, kind: token.kind, key: String(lowercasingASCII: ascii), capitalised: first >= 0x41 && first <= 0x5A,
                    alphabetic: (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A, paragraph: paragraph, sentence: nil)
            }
        }
        mentions = Array(repeating: nil, count: words.count)
    }

    /// Records which sentence holds each token (of the tokens the view has).
    mutating func setSentences(_ sentences: [Sentence]) {
        for i in words.indices { words[i].sentence = nil }
        for (s, sentence) in sentences.enumerated() {
            for t in sentence.tokens.clamped(to: words.indices) { words[t].sentence = s }
        }
    }

    /// Records the mentions of `entities`, in order.
    mutating func setMentions(of entities: [Entity]) {
        mentions = Array(repeating: nil, count: words.count)
        for (e, entity) in entities.enumerated() {
            for mention in entity.mentions { note(mention.span, entity: e) }
        }
    }

    /// Records that entity `entity` is mentioned at `span`.
    mutating func note(_ span: Span, entity: Int) {
        guard let range = tokens(covering: span) else { return }
        let reference = MentionReference(entity: entity, tokens: range)
        for t in range { mentions[t] = reference }
    }

    /// The mention covering token `t`, or nil.
    public func mention(at t: Int) -> MentionReference? {
        t >= 0 && t < mentions.count ? mentions[t] : nil
    }

    /// The first token starting at or after the byte `offset` (the token count when none does).
    public func token(atOrAfter offset: Int) -> Int {
        words.partitioningIndex { $0.span.start >= offset }
    }

    /// Which tokens share at least one byte with any of `spans`, one flag per token.
    public func tokensOverlapping(_ spans: [Span]) -> [Bool] {
        var overlapped = [Bool](repeating: false, count: words.count)
        for span in spans {
            // The first token ending after the span's start: token ends ascend like their starts.
            var t = words.partitioningIndex { $0.span.end > span.start }
            while t < words.count, words[t].span.start < span.end {
                if span.overlaps(words[t].span) { overlapped[t] = true }
                t += 1
            }
        }
        return overlapped
    }

    /// The tokens that lie inside `span`: from the first starting at or after its start, while
    /// they end by its end; nil when there are none.
    public func tokens(covering span: Span) -> Range<Int>? {
        let lower = token(atOrAfter: span.start)
        var upper = lower
        while upper < words.count, words[upper].span.end <= span.end { upper += 1 }
        return upper > lower ? lower..<upper : nil
    }
}

extension String {
    /// The string of ASCII `bytes` with their upper-case letters made lower case, written
    /// straight into the string's storage.
    @inlinable
    public init(lowercasingASCII bytes: some Collection<UInt8>) {
        self.init(unsafeUninitializedCapacity: bytes.count) { buffer in
            buffer.initialize(from: bytes.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }).1
        }
    }
}
