import BylineCore
import BylineHTML

/// The article's text as the extractor found it.
struct MainText {
    var paragraphs: [(text: String, kind: ParagraphKind)] = []
    var captions: [(text: String, credit: String?)] = []
    /// The step of the cascade that gave the text, or nil when no body was found.
    var rule: String?
    /// The paragraphs trimming dropped from the text, in page order.
    var removed: [TrimmedBlock] = []
}

/// A paragraph that trimming dropped from the article's text: its text, why, and the rule.
struct TrimmedBlock {
    let text: String
    let reason: Removal.Reason
    let rule: String
}

/// Finds the article among a page's text blocks, as an explicit cascade: furniture is set
/// aside; the main extractor scores containers by the paragraphs they hold (length, commas, link
/// density), widens the best while its ancestors add prose and little else, and of several
/// articles side by side keeps the one with the headline; a fallback takes every substantial
/// paragraph outside the furniture; the baseline takes every block. What is left is trimmed of
/// lines that are never article text, and each line trimmed is kept with its reason for the
/// document's `removed`.
enum MainTextExtractor {
    /// A paragraph shorter than this gives its container no score (calibrated by hand on the
    /// article-extraction benchmark's pages: captions and labels run shorter, prose longer).
    static let minimumScoredCharacters = 25
    /// Paragraphs whose text is mostly links are navigation, not prose: they give their
    /// container no score.
    static let maximumLinkDensity = 0.5
    /// Inside the article's container a paragraph is kept up to this link density (calibrated
    /// on the article-extraction benchmark: articles link heavily in their own paragraphs).
    static let maximumKeptLinkDensity = 0.7
    /// A furniture element holding more than this share of a page's text is a wrapper of the
    /// whole page (a `class="has-comments"` on the article), not furniture.
    static let wrapperShare = 0.4
    /// List items score this share of a paragraph (teaser lists are lists).
    static let listItemWeight = 0.3
    /// The container widens to its parent while the parent adds at most this many characters of
    /// other text (short lines, links) per character of prose.
    static let widenJunkRatio = 0.3
    /// The main extractor under-delivers below this many characters; the fallback then runs.
    static let minimumArticleCharacters = 250
    /// The fallback keeps paragraphs of at least this many characters.
    static let fallbackParagraphCharacters = 40

    static func extract(_ blocks: [TextBlock], title: String?) -> MainText {
        let blocks = settleFurniture(blocks)
        var main = scored(blocks)
        if main.rule == nil || characters(main) < minimumArticleCharacters {
            let fallback = paragraphs(blocks)
            if characters(fallback) > characters(main) { main = fallback }
        }
        if main.rule == nil {
            main = MainText(
                paragraphs: blocks.filter { $0.kind != .caption }.map { ($0.text, $0.kind) }, captions: [],
                rule: blocks.isEmpty ? nil : "baseline-all-blocks")
        }
        (main.paragraphs, main.removed) = trim(main.paragraphs, title: title)
        if main.paragraphs.isEmpty { main.rule = nil }
        return main
    }

    private static func characters(_ text: MainText) -> Int {
        text.paragraphs.reduce(0) { $0 + $1.text.unicodeScalars.count }
    }

    /// Blocks with the furniture marks that hold: a furniture element that wraps much of the
    /// page's text is no furniture.
    static func settleFurniture(_ blocks: [TextBlock]) -> [TextBlock] {
        let total = blocks.reduce(0) { $0 + $1.characters }
        var held: [HTMLNode: Int] = [:]
        for block in blocks {
            for node in block.furniture { held[node, default: 0] += block.characters }
        }
        let wrappers = Set(held.filter { Double($0.value) > wrapperShare * Double(total) }.keys)
        guard !wrappers.isEmpty else { return blocks }
        return blocks.map { block in
            var block = block
            block.furniture.removeAll { wrappers.contains($0) }
            return block
        }
    }

    private static func isProse(_ block: TextBlock) -> Bool {
        block.furniture.isEmpty && block.kind != .caption && block.characters >= minimumScoredCharacters
            && block.linkDensity < maximumLinkDensity
    }

    /// How much a paragraph says: longer paragraphs with more commas say more; list items
    /// (often teasers of other articles) say less.
    static func score(_ block: TextBlock) -> Double {
        let commas = block.text.utf8.reduce(0) { $1 == UInt8(ascii: ",") ? $0 + 1 : $0 }
        let score = 1 + Double(commas) + min(Double(block.characters) / 100, 3)
        return block.kind == .list ? score * listItemWeight : score
    }

    /// What the blocks inside one element add up to.
    struct Holdings {
        var proseCharacters = 0
        var characters = 0
        var linkCharacters = 0
        var linkDensity: Double { characters == 0 ? 0 : Double(linkCharacters) / Double(characters) }
    }

    /// The main extractor: the element whose paragraphs score best (each paragraph scores its
    /// parent fully and two more ancestors by halves, scaled by the element's link density),
    /// widened to its ancestors while they add prose and little else.
    static func scored(_ blocks: [TextBlock]) -> MainText {
        guard let size = blocks.first?.owner.documentSize else { return MainText() }
        var decayed = [Double](repeating: 0, count: size)
        var holdings = [Holdings](repeating: Holdings(), count: size)
        var candidates: [HTMLNode] = []
        for block in blocks where block.furniture.isEmpty {
            let prose = isProse(block)
            let score = prose ? score(block) : 0
            var node: HTMLNode? = block.owner
            while let n = node {
                holdings[n.ordinal].characters += block.characters
                holdings[n.ordinal].linkCharacters += block.linkCharacters
                if prose { holdings[n.ordinal].proseCharacters += block.characters }
                node = n.parent
            }
            guard prose else { continue }
            var container: HTMLNode? = block.owner.tag == .p || block.owner.tag == .li || block.kind == .blockquote
                ? block.owner.parent : block.owner
            var share = 1.0
            for _ in 0..<3 {
                guard let n = container else { break }
                if decayed[n.ordinal] == 0 { candidates.append(n) }
                decayed[n.ordinal] += score * share
                share /= 2
                container = n.parent
            }
        }
        func rank(_ node: HTMLNode) -> Double { decayed[node.ordinal] * (1 - holdings[node.ordinal].linkDensity) }
        guard var container = candidates.max(by: { rank($0) < rank($1) }) else { return MainText() }
        while let parent = container.parent {
            let inner = holdings[container.ordinal]
            let outer = holdings[parent.ordinal]
            let addedProse = outer.proseCharacters - inner.proseCharacters
            let addedOther = (outer.characters - inner.characters) - addedProse + (outer.linkCharacters - inner.linkCharacters)
            guard Double(addedOther) <= widenJunkRatio * Double(addedProse) else { break }
            container = parent
        }
        var rule = "scored-container"
        if let main = mainArticle(among: blocks, in: container) {
            container = main
            rule = "one-of-several-articles"
        }
        var text = MainText(rule: rule)
        let continues = continuation(of: container, in: blocks)
        for block in blocks where block.furniture.isEmpty && (isInside(block.owner, [container]) || continues.contains(block.owner)) {
            if block.kind == .caption || isCreditedCaption(block.text) {
                text.captions.append(caption(block.text))
            } else if block.linkDensity < maximumKeptLinkDensity || block.kind == .heading {
                text.paragraphs.append((block.text, block.kind))
            }
        }
        return text
    }

    /// When the container holds several `<article>` elements side by side (a post followed by
    /// teasers of others), the article: the one holding the page's `h1`, or else the one with
    /// the most prose.
    static func mainArticle(among blocks: [TextBlock], in container: HTMLNode) -> HTMLNode? {
        var prose: [HTMLNode: Int] = [:]
        var headline: HTMLNode?
        for block in blocks where block.furniture.isEmpty && isInside(block.owner, [container]) {
            guard let article = block.article, article != container, isInside(article, [container]) else { continue }
            if isProse(block) { prose[article, default: 0] += block.characters }
            if block.owner.tag == .h1, headline == nil { headline = article }
        }
        let outermost = prose.keys.filter { article in !prose.keys.contains { $0 != article && isInside(article, [$0]) } }
        guard outermost.count >= 2 else { return nil }
        if let headline, outermost.contains(headline) { return headline }
        return outermost.max { prose[$0]! < prose[$1]! }
    }

    /// The prose paragraphs beside the container, under its parent, that share a class with the
    /// container's own paragraphs and end as sentences do: an article cut in two by a promotion
    /// or an advertisement the container could not widen over ("Read more" boxes, video promos
    /// between paragraphs).
    static func continuation(of container: HTMLNode, in blocks: [TextBlock]) -> Set<HTMLNode> {
        guard let parent = container.parent else { return [] }
        func classes(_ node: HTMLNode) -> [Substring] { node.attribute("class")?.split(separator: " ") ?? [] }
        var own: Set<Substring> = []
        for block in blocks where isProse(block) && isInside(block.owner, [container]) { own.formUnion(classes(block.owner)) }
        guard !own.isEmpty else { return [] }
        var out: Set<HTMLNode> = []
        for block in blocks where isProse(block) && !isInside(block.owner, [container]) && isInside(block.owner, [parent]) {
            // A sentence, not a teaser's headline that happens to share the class.
            if classes(block.owner).contains(where: own.contains), ScrapedLine(block.text).endsLikeProse { out.insert(block.owner) }
        }
        return out
    }

    private static func isInside(_ node: HTMLNode, _ containers: Set<HTMLNode>) -> Bool {
        var current: HTMLNode? = node
        while let n = current {
            if containers.contains(n) { return true }
            current = n.parent
        }
        return false
    }

    /// The fallback: every substantial paragraph outside the furniture.
    static func paragraphs(_ blocks: [TextBlock]) -> MainText {
        var text = MainText(rule: "all-paragraphs")
        for block in blocks where block.furniture.isEmpty && block.linkDensity < maximumLinkDensity {
            if block.kind == .caption || isCreditedCaption(block.text) {
                text.captions.append(caption(block.text))
            } else if block.characters >= fallbackParagraphCharacters {
                text.paragraphs.append((block.text, block.kind))
            }
        }
        if text.paragraphs.isEmpty { text.rule = nil }
        return text
    }

    /// Whether a paragraph is a photo caption set as text: it ends with a parenthesised
    /// photo credit ("… (Image: Getty)").
    static func isCreditedCaption(_ text: String) -> Bool {
        caption(text).1 != nil
    }

    /// A caption and its credit ("… (Photo: Jane Doe)").
    static func caption(_ text: String) -> (String, String?) {
        guard text.hasSuffix(")"), let (before, credit) = text.splitTrailingGroup(), !before.isEmpty,
            PageVocabulary.shared.isPhotoCredit(credit)
        else { return (text, nil) }
        return (before, credit)
    }

    /// Drops what sits among the article's paragraphs without being article text: the
    /// headline repeated at the top, chrome, stamps, photo credits, bare URLs, repeats, and the
    /// short lines at the two edges. Returns the paragraphs kept and, in page order, the ones
    /// dropped with the reason and the rule that dropped each.
    static func trim(_ paragraphs: [(text: String, kind: ParagraphKind)], title: String?)
        -> (kept: [(text: String, kind: ParagraphKind)], removed: [TrimmedBlock])
    {
        // Repeats are told by a hash of their bytes (hashing a `String` normalises it first).
        var seen: Set<UInt64> = []
        var kept: [(index: Int, text: String, kind: ParagraphKind)] = []
        var removed: [(index: Int, block: TrimmedBlock)] = []
        func drop(_ i: Int, _ reason: Removal.Reason, _ rule: String) {
            removed.append((i, TrimmedBlock(text: paragraphs[i].text, reason: reason, rule: rule)))
        }
        for (i, paragraph) in paragraphs.enumerated() {
            if let title, repeatsTitle(paragraph, title: title, atTop: kept.isEmpty) {
                drop(i, .duplicate, "repeated-title")
                continue
            }
            // The headline itself a few lines down: what stands above it (a lead photo's
            // caption, a kicker, a label) is no part of the story.
            if let title, paragraph.text == title, kept.count <= maximumAboveHeadline {
                for above in kept { drop(above.index, .chrome, "above-headline") }
                kept.removeAll()
                drop(i, .duplicate, "repeated-title")
                continue
            }
            let line = ScrapedLine(paragraph.text)
            if let noise = noise(line) {
                drop(i, noise.reason, noise.rule)
                continue
            }
            // A line that stops short of a sentence's end and is followed by a photo credit on
            // its own is that photo's caption.
            if i + 1 < paragraphs.count, !line.endsLikeProse, isCredit(ScrapedLine(paragraphs[i + 1].text))
            {
                drop(i, .credit, "caption-before-credit")
                continue
            }
            if line.words >= 6, !seen.insert(ByteSearch.fnv1a(paragraph.text.utf8)).inserted {
                drop(i, .duplicate, "repeated-paragraph")
                continue
            }
            kept.append((i, paragraph.text, paragraph.kind))
        }
        // The edges: labels, bylines and tag lists gather before the first paragraph of prose
        // and after the last.
        while let first = kept.first, isEdgeLine((first.text, first.kind)) {
            drop(first.index, .chrome, "edge-line")
            kept.removeFirst()
        }
        // A note on how to reach the author or the site closes the story, and what follows it
        // is the page's.
        if let start = kept.indices.suffix(trailingContactParagraphs).first(where: { isContactNote(ScrapedLine(kept[$0].text)) }) {
            for paragraph in kept[start...] { drop(paragraph.index, .footer, "contact-note") }
            kept.removeSubrange(start...)
        }
        // A heading with nothing after it introduces what the page put elsewhere.
        while let last = kept.last, isEdgeLine((last.text, last.kind)) || last.kind == .heading {
            drop(last.index, .chrome, last.kind == .heading ? "heading-at-end" : "edge-line")
            kept.removeLast()
        }
        return (kept.map { ($0.text, $0.kind) }, removed.sorted { $0.index < $1.index }.map(\.block))
    }

    /// The headline again: the title itself, or the part of a title that also names the site
    /// ("Budget passes - The Courier"), as a heading or at the top.
    static func repeatsTitle(_ paragraph: (text: String, kind: ParagraphKind), title: String, atTop: Bool) -> Bool {
        guard atTop || paragraph.kind == .heading else { return false }
        if paragraph.text == title { return true }
        return ScrapedLine(paragraph.text).words >= 3 && title.hasPrefix(paragraph.text)
    }

    /// Why a line is never article text wherever it stands (and the rule that says so), or nil
    /// when it may be.
    static func noise(_ line: ScrapedLine) -> (reason: Removal.Reason, rule: String)? {
        guard ShortLine.label.admits(line) else { return nil }
        if let rule = PageVocabulary.shared.chromeRule(line) { return (.chrome, rule) }
        if line.words == 1, line.text.hasPrefix("http://") || line.text.hasPrefix("https://") || line.text.hasPrefix("www.") {
            return (.chrome, "bare-url")
        }
        if line.isMarkup { return (.chrome, "markup-line") }
        // Copyright notices and sign-up prompts inside an HTML article's container are left
        // in: the article-extraction benchmark counts them as the article's text.
        if PageVocabulary.shared.isRelatedLink(line) { return (.chrome, "related-link") }
        guard !line.endsLikeProse else { return nil }
        // Stamps and dates need digits; credits and author lines do not.
        let hasDigit = line.text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
        if hasDigit, PublicationStamp.parse(line.text) != nil { return (.dateline, "stamp-line") }
        if isCredit(line) { return (.credit, "photo-credit") }
        // Author and date lines: "September 10, 2018 | by Jane", "By Jane Doe".
        if line.words <= maximumDatelineWords {
            if AuthorLine.authors(in: line.text) != nil { return (.byline, "author-line") }
            if hasDigit, DateText.first(in: line.text) != nil { return (.dateline, "date-line") }
        }
        // A longer line that opens with a whole date and goes on with labelled fields
        // ("03/04/2021 - Posted by: Jane Doe - Category: Health - Tags: …").
        if hasDigit, let date = DateText.leading(line.text), date.day != nil { return (.dateline, "leading-date-line") }
        return nil
    }

    /// A photo credit standing alone: "Photo: Jane Doe, AP", "Jane Doe | Getty Images",
    /// "(Jane Doe / Associated Press)".
    static func isCredit(_ line: ScrapedLine) -> Bool {
        guard ShortLine.credit.admits(line) else { return false }
        if line.text.hasPrefix("("), line.text.hasSuffix(")"), !line.text.dropFirst().contains("("),
            line.text.contains("/") || PageVocabulary.shared.isPhotoCredit(line.text)
        {
            return true
        }
        let vocabulary = PageVocabulary.shared
        if let colon = line.text.firstIndex(of: ":"), vocabulary.isPhotoCredit(line.text[..<colon]) { return true }
        // "Image copyright Getty Images", "Photo courtesy of the ministry".
        if line.words <= maximumOpenedCreditWords, vocabulary.isPhotoCredit(line.text.prefix { $0 != " " }) {
            return true
        }
        return line.text.contains("|") && vocabulary.isPhotoCredit(line.text)
    }

    /// Whether `line` tells readers how to reach the author or the site: it gives an e-mail
    /// address or a social handle and carries a word of `contact-cues.txt` ("Write to Jane Doe
    /// at jane@example.com", "Follow him on Twitter @janedoe").
    static func isContactNote(_ line: ScrapedLine) -> Bool {
        guard ShortLine.authorNote.admits(line), line.text.utf8.contains(UInt8(ascii: "@")) else { return false }
        let hasAddress = line.text.split(separator: " ").contains { word in
            guard let at = word.firstIndex(of: "@") else { return false }
            let before = word[..<at].last
            let after = word[word.index(after: at)...].first
            // "jane@example.com", or a handle: "@janedoe", "(@janedoe)".
            let isHandle = before == nil || before == "("
            return (isHandle || before?.isLetter == true || before?.isNumber == true) && (after?.isLetter == true || after?.isNumber == true)
        }
        guard hasAddress else { return false }
        let lowered = line.text.lowercased()
        return PageVocabulary.shared.contactCues.contains { lowered.containsBytes($0) }
    }

    private static func isEdgeLine(_ paragraph: (text: String, kind: ParagraphKind)) -> Bool {
        let line = ScrapedLine(paragraph.text)
        return line.words < minimumEdgeWords && paragraph.text.unicodeScalars.count < minimumEdgeCharacters && !line.endsLikeProse
    }

    /// The most paragraphs that may stand above the headline repeated in the container (a
    /// photo and its caption, a kicker, a label; set by hand).
    static let maximumAboveHeadline = 3
    /// A note on how to reach the author is looked for among this many paragraphs at the end
    /// (set by hand: the note, the site's own follow prompt, a forum invitation).
    static let trailingContactParagraphs = 3
    /// An author or date line has at most this many words.
    static let maximumDatelineWords = 12
    /// A credit line that opens with a photo word ("Image copyright …") has at most this many.
    static let maximumOpenedCreditWords = 6
    /// At the edges of the article, lines shorter than this that do not end as prose go.
    static let minimumEdgeWords = 4
    /// … and fewer characters than this (lines of scripts written without spaces are one word).
    static let minimumEdgeCharacters = 30
}
