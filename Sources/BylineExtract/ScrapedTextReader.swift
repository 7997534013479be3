import BylineCore
import BylineLanguage
import BylineSource

/// Reads a news page scraped to plain text: the header lines (publisher, title, author line,
/// publication stamp), the article's paragraphs, its photo captions, and what is none of these
/// (share widgets, stray lines, repeats, footers), which goes to `removed` with a reason.
///
/// The page is read in two zones. The header runs up to the first paragraph of running text;
/// there the title is the last headline-like line before the author line or stamp, and a
/// title-cased name before it is the publisher. The body follows; there every line is a
/// paragraph unless a rule removes it or makes it a caption or a heading.
public struct ScrapedTextReader: Reader {
    public let name = "scraped-text"

    /// Running text has at least this many words (a one-sentence lede of news prose has more).
    static let minimumBodyWords = 8
    /// A paragraph this long is running text whatever its last mark.
    static let longParagraphWords = 40
    /// Headlines and labels have at most this many words.
    static let maximumHeadlineWords = 40
    /// A publisher's name has at most this many words.
    static let maximumPublisherWords = 6
    /// A stray line has at most this many words.
    static let maximumStrayWords = 4
    /// A body heading has at most this many words.
    static let maximumHeadingWords = 12

    public init() {}

    public func read(_ source: SourceDocument) throws(BylineError) -> Document {
        let decoded = try TextDecoding.decodeUTF8(source.bytes, uri: source.uri)
        var page = Page(lines: Self.lines(of: decoded), stage: name)
        page.classify(documentScript: LanguageIdentifier.shared.dominantScript(decoded))
        return page.document(id: source.sha256, source: Source(uri: source.uri, format: .text))
    }

    /// The page's lines, trimmed; a line wrapped inside a paragraph is joined to the one before.
    static func lines(of text: String) -> [ScrapedLine] {
        var lines: [ScrapedLine] = []
        var current = ""
        var previousBlank = true
        for raw in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let line = trimmed(raw)
            if line.isEmpty {
                if !current.isEmpty { lines.append(ScrapedLine(current)) }
                current = ""
                previousBlank = true
                continue
            }
            let next = String(decoding: line, as: UTF8.self)
            if !current.isEmpty, !previousBlank, isWrapped(current, before: next) {
                current += " " + next
            } else {
                if !current.isEmpty { lines.append(ScrapedLine(current)) }
                current = next
            }
            previousBlank = false
        }
        if !current.isEmpty { lines.append(ScrapedLine(current)) }
        return lines
    }

    /// A line's bytes without the white space around them (ASCII and no-break spaces).
    static func trimmed(_ line: Substring.UTF8View.SubSequence) -> Substring.UTF8View.SubSequence {
        var line = line
        while true {
            if let first = line.first, first == 0x20 || (first >= 0x09 && first <= 0x0D) {
                line = line.dropFirst()
            } else if line.starts(with: [0xC2, 0xA0]) {
                line = line.dropFirst(2)
            } else {
                break
            }
        }
        while true {
            if let last = line.last, last == 0x20 || (last >= 0x09 && last <= 0x0D) {
                line = line.dropLast()
            } else if line.count >= 2, line.last == 0xA0, line[line.index(line.endIndex, offsetBy: -2)] == 0xC2 {
                line = line.dropLast(2)
            } else {
                break
            }
        }
        return line
    }

    /// Whether `next` continues `line` as a hard-wrapped paragraph: the line stops mid-sentence
    /// and the next starts in lower case.
    static func isWrapped(_ line: String, before next: String) -> Bool {
        guard let last = line.last, let first = next.first else { return false }
        return !".!?:\"”’)".contains(last) && first.isLowercase
    }
}

/// The classification of a scraped page's lines.
private struct Page {
    enum Role {
        case title, body, heading, caption(text: String, credit: String?)
        case removed(Removal.Reason, rule: String)
    }

    let lines: [ScrapedLine]
    let stage: String
    var roles: [Role]
    var rules: [String]
    var metadata = Metadata()
    var vocabulary: PageVocabulary { .shared }

    init(lines: [ScrapedLine], stage: String) {
        self.lines = lines
        self.stage = stage
        self.roles = Array(repeating: .body, count: lines.count)
        self.rules = Array(repeating: "body-line", count: lines.count)
    }

    func provenance(_ rule: String) -> Provenance { Provenance(stage: stage, rule: rule) }

    mutating func set(_ i: Int, _ role: Role, rule: String) {
        roles[i] = role
        rules[i] = rule
    }

    mutating func fill<T>(_ field: WritableKeyPath<Metadata, T?>, _ name: String, _ value: T, rule: String) {
        guard metadata[keyPath: field] == nil else { return }
        metadata[keyPath: field] = value
        metadata.filledBy[name] = provenance(rule)
    }

    // MARK: Rules that hold anywhere on the page

    /// Removes chrome, stray lines and footers; reads author lines and stamps. Returns the
    /// indices of the lines no such rule took.
    mutating func applyLineRules(documentScript: String?) -> [Int] {
        var open: [Int] = []
        for (i, line) in lines.enumerated() {
            let short = ShortLine.label.admits(line)
            if let rule = vocabulary.chromeRule(line) {
                set(i, .removed(.chrome, rule: rule), rule: rule)
            } else if !line.text.contains(where: { $0.isLetter || $0.isNumber }) {
                set(i, .removed(.stray, rule: "symbols-only"), rule: "symbols-only")
            } else if line.isMarkup {
                set(i, .removed(.chrome, rule: "markup-line"), rule: "markup-line")
            } else if line.words <= ScrapedTextReader.maximumStrayWords || (ShortLine.chrome.admits(line) && !line.isBodyLike),
                let script = documentScript, let own = LanguageIdentifier.shared.dominantScript(line.text), own != script
            {
                set(i, .removed(.stray, rule: "other-script"), rule: "other-script")
            } else if short, let authors = AuthorLine.authors(in: line.text) {
                if metadata.authors.isEmpty {
                    metadata.authors = authors
                    metadata.filledBy["authors"] = provenance("author-line")
                }
                set(i, .removed(.byline, rule: "author-line"), rule: "author-line")
            } else if short, let stamps = PublicationStamp.parse(line.text) {
                for stamp in stamps {
                    switch stamp.field {
                    case .published: fill(\.published, "published", stamp.date, rule: "stamp-line")
                    case .modified: fill(\.modified, "modified", stamp.date, rule: "stamp-line")
                    }
                }
                set(i, .removed(.dateline, rule: "stamp-line"), rule: "stamp-line")
            } else if line.words <= ScrapedTextReader.maximumHeadlineWords, captionParts(line) == nil, vocabulary.isFooter(line) {
                set(i, .removed(.footer, rule: "footer-marker"), rule: "footer-marker")
            } else if vocabulary.isPromotion(line) {
                set(i, .removed(.chrome, rule: "promotion"), rule: "promotion")
            } else if vocabulary.isRelatedLink(line) {
                set(i, .removed(.chrome, rule: "related-link"), rule: "related-link")
            } else {
                open.append(i)
            }
        }
        return open
    }

    /// A caption's text and credit when `line` ends with a credit in parentheses or brackets.
    func captionParts(_ line: ScrapedLine) -> (text: String, credit: String)? {
        guard let (before, group) = (line.doubledHalf ?? line.text).splitTrailingGroup(),
            case let credit = PageVocabulary.creditName(group),
            (1...ShortLine.credit.maximumWords).contains(ScrapedLine(credit).words),
            credit.first.map({ $0.isUppercase || $0.isNumber }) == true,
            ScrapedLine(before).words >= 3
        else { return nil }
        return (before, credit)
    }

    // MARK: The page as a whole

    mutating func classify(documentScript: String?) {
        let open = applyLineRules(documentScript: documentScript)
        var seen: Set<String> = []
        var captions: [String: Int] = [:]

        // Captions: a credit with a photo word, a caption printed twice, or a credit above the
        // article's first paragraph.
        let firstBody = open.first { i in lines[i].isBodyLike && captionParts(lines[i]) == nil } ?? lines.count
        for i in open {
            guard let parts = captionParts(lines[i]) else { continue }
            let doubled = lines[i].doubledHalf != nil
            guard doubled || i < firstBody || vocabulary.isPhotoCredit(parts.credit) else { continue }
            if let earlier = captions[parts.text], earlier < i {
                set(i, .removed(.duplicate, rule: "repeated-caption"), rule: "repeated-caption")
                continue
            }
            captions[parts.text] = i
            let rule = doubled ? "doubled-caption" : (i < firstBody ? "credit-before-article" : "photo-credit")
            set(i, .caption(text: parts.text, credit: parts.credit), rule: rule)
        }
        let textLines = open.filter { if case .body = roles[$0] { return true } else { return false } }
        readHeader(textLines.filter { $0 < firstBody }, firstBody: firstBody)

        // Body: repeats, subheadings, and the lists of links after the last paragraph.
        let bodyLines = textLines.filter { i in
            if case .body = roles[i] { return true } else { return false }
        }
        var lastBody = bodyLines.last { lines[$0].isBodyLike } ?? -1
        if lastBody >= 0, isAuthorNote(lines[lastBody]) {
            set(lastBody, .removed(.footer, rule: "author-note"), rule: "author-note")
            lastBody = bodyLines.last { $0 < lastBody && lines[$0].isBodyLike } ?? -1
        }
        var inRelatedBlock = false
        for (n, i) in bodyLines.enumerated() {
            let line = lines[i]
            guard isBody(i) else { continue }
            if seen.contains(line.text) {
                set(i, .removed(.duplicate, rule: "repeated-line"), rule: "repeated-line")
                continue
            }
            seen.insert(line.text)
            if vocabulary.isRelatedHeading(line) {
                set(i, .removed(.chrome, rule: "related-heading"), rule: "related-heading")
                inRelatedBlock = true
                continue
            }
            if inRelatedBlock, !line.isBodyLike, line.isHeadlineLike {
                set(i, .removed(.chrome, rule: "related-link"), rule: "related-link")
                continue
            }
            inRelatedBlock = false
            if i > lastBody && line.isHeadlineLike && !line.endsLikeProse {
                set(i, .removed(.chrome, rule: "after-article"), rule: "after-article")
            } else if line.isHeadlineLike, line.words <= ScrapedTextReader.maximumHeadingWords, !line.endsLikeProse,
                line.finalMark != "?", !(line.text.first?.isQuotationMark ?? false),
                n + 1 < bodyLines.count, lines[bodyLines[n + 1]].isBodyLike, i > firstBody
            {
                set(i, .heading, rule: "short-line-before-paragraph")
            }
        }
    }

    /// Whether line `i` is still a body line.
    func isBody(_ i: Int) -> Bool {
        if case .body = roles[i] { return true } else { return false }
    }

    /// Whether `line` is a note about the author ("Jane Doe covers energy for The Courier."):
    /// it opens with an author's name from the author line and a verb of such notes.
    func isAuthorNote(_ line: ScrapedLine) -> Bool {
        guard ShortLine.authorNote.admits(line) else { return false }
        return metadata.authors.contains { author in
            guard line.text.hasPrefix(author + " ") else { return false }
            return AuthorLine.opensAuthorNote(line.text.dropFirst(author.count + 1))
        }
    }

    /// Title and publisher from the text lines above the article's first paragraph.
    mutating func readHeader(_ header: [Int], firstBody: Int) {
        // The author line anchors the title; without one, the stamp does (a stamp may also
        // stand above the headline, with the author line below it).
        func first(_ wanted: Removal.Reason) -> Int? {
            roles.indices.first { i in
                guard i < firstBody, case .removed(let reason, _) = roles[i] else { return false }
                return reason == wanted
            }
        }
        let anchor = first(.byline) ?? first(.dateline) ?? firstBody
        let beforeAnchor = header.filter { $0 < anchor }
        guard let title = beforeAnchor.last(where: { lines[$0].isHeadlineLike }) ?? header.first(where: { lines[$0].isHeadlineLike })
        else { return }
        set(title, .title, rule: title < anchor && anchor < firstBody ? "line-above-author-or-stamp" : "first-headline-line")
        fill(\.title, "title", lines[title].text, rule: rules[title])
        for i in header where i < title {
            if metadata.publisher == nil, lines[i].isNameLike {
                fill(\.publisher, "publisher", lines[i].text, rule: "name-line-above-title")
                set(i, .removed(.publisher, rule: "name-line-above-title"), rule: "name-line-above-title")
            } else {
                set(i, .removed(.chrome, rule: "header-line"), rule: "header-line")
            }
        }
    }

    // MARK: Output

    func document(id: String, source: Source) -> Document {
        var builder = TextBuilder(stage: stage)
        var captions: [Caption] = []
        var removed: [Removal] = []
        // The title opens the text, wherever the page printed it.
        if let t = roles.indices.first(where: { if case .title = roles[$0] { return true } else { return false } }) {
            builder.append(lines[t].text, kind: .title, rule: rules[t])
        }
        for (i, role) in roles.enumerated() {
            let line = lines[i]
            switch role {
            case .title:
                continue
            case .body:
                builder.append(line.text, kind: .body, rule: rules[i])
            case .heading:
                builder.append(line.text, kind: .heading, rule: rules[i])
            case .caption(let captionText, let credit):
                let printed = line.doubledHalf ?? line.text
                if line.doubledHalf != nil {
                    removed.append(Removal(text: printed, reason: .duplicate, provenance: provenance("doubled-caption")))
                }
                let span = builder.append(printed, kind: .caption, rule: rules[i])
                captions.append(Caption(text: captionText, credit: credit, span: span, provenance: provenance(rules[i])))
            case .removed(let reason, let rule):
                removed.append(Removal(text: line.text, reason: reason, provenance: provenance(rule)))
            }
        }
        var metadata = self.metadata
        let text = builder.text
        let paragraphs = builder.paragraphs
        let article = paragraphs.filter { $0.kind == .body || $0.kind == .heading }
            .map { text[$0.span] }.joined(separator: "\n")
        if let language = LanguageIdentifier.shared.identify(article.isEmpty ? text : article) {
            metadata.language = language
            metadata.filledBy["language"] = provenance("function-words")
        }
        return Document(
            id: id, source: source, metadata: metadata, text: text, paragraphs: paragraphs,
            captions: captions, removed: removed)
    }
}
