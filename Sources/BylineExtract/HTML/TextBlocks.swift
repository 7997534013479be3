import BylineCore
import BylineHTML

/// A stretch of a page's text between two block boundaries, with what the extractor needs to
/// judge it: its element, its links, and the furniture around it.
struct TextBlock {
    var text: String
    var kind: ParagraphKind
    /// The innermost block element the text sits in.
    let owner: HTMLNode
    /// The text's length in code points.
    let characters: Int
    /// Characters inside links.
    var linkCharacters: Int
    /// Enclosing elements whose class, id or tag marks page furniture, outermost first.
    var furniture: [HTMLNode]
    /// The innermost enclosing element that declares itself the article (`<article>`,
    /// `<main>`, `itemprop=articleBody`), if any.
    var article: HTMLNode?
    /// Whether the block comes right under the article's headline, where its date is printed.
    var underHeadline = false
    /// Whether the block comes after the article's headline began: a site's header, with its
    /// clock and menus, comes before.
    var afterHeadline = false

    var linkDensity: Double { characters == 0 ? 0 : Double(linkCharacters) / Double(characters) }
}

/// Walks a page once and cuts its text into blocks.
struct BlockCollector {
    private(set) var blocks: [TextBlock] = []
    private var buffer: [UInt8] = []
    private var bufferLinks = 0
    private var linkDepth = 0
    private var owners: [HTMLNode] = []
    private var furniture: [HTMLNode] = []
    private var kinds: [ParagraphKind] = []
    private var articles: [HTMLNode] = []
    /// Enclosing elements that hold readers' comments, outermost first.
    private var commentSections: [HTMLNode] = []
    /// Class and id values already read on this page (pages repeat them).
    private var readings = ReadingCache()
    /// The hidden element just skipped: its leave undoes nothing.
    private var skipped: HTMLNode?
    private let names = ElementNames.shared
    /// The metadata elements passed on the way.
    private(set) var sightings = MetadataSightings()

    /// Collects the blocks of the page's body, and the metadata elements of the whole page.
    static func collect(_ root: HTMLNode) -> BlockCollector {
        var collector = BlockCollector()
        let body = root.first(.body) ?? root
        if let head = root.first(.head) {
            head.walk { collector.sightings.observe($0, tag: $0.tag) ?? .descend }
        }
        _ = collector.sightings.observe(root, tag: root.tag)
        collector.owners = [body]
        body.walk(enter: { collector.enter($0) }, leave: { collector.leave($0) })
        collector.flush()
        return collector
    }

    private mutating func enter(_ node: HTMLNode) -> HTMLNode.WalkStep {
        if node.isText {
            append(node)
            return .descend
        }
        guard node.isElement else { return .skipChildren }
        let tag = node.tag
        if sightings.observe(node, tag: tag) == .skipChildren { return .skipChildren }
        if tag.holdsNoText { return .skipChildren }
        var hidden = false
        var isArticle = tag == .article || tag == .main
        var role = ElementRole.none
        var reading = ElementNames.Reading()
        var datePublished = false
        node.forEachAttribute { name, value in
            switch name.count {
            case 2 where Self.equal(name, "id"), 5 where Self.equal(name, "class"):
                let words = readings.reading(of: value, names: names)
                reading.content += words.content
                reading.furniture = reading.furniture || words.furniture
                reading.date = reading.date || words.date
                reading.embed = reading.embed || words.embed
                reading.comment = reading.comment || words.comment
            case 5 where Self.equal(name, "style"):
                hidden = hidden || Self.hidesElement(value)
            case 6 where Self.equal(name, "hidden"):
                hidden = true
            case 8 where Self.equal(name, "itemprop"):
                isArticle = isArticle || Self.equalIgnoringCase(value, "articlebody")
                datePublished = datePublished || Self.equalIgnoringCase(value, "datepublished")
            case 4 where Self.equal(name, "role"):
                role = ElementRole(value)
            default:
                break
            }
        }
        if hidden {
            skipped = node
            return .skipChildren
        }
        // The page or the article itself may carry a class such as "has-comments".
        if reading.comment, !isArticle, tag != .body, tag != .html {
            commentSections.append(node)
            sightings.inComments = true
        }
        // Dates inside readers' comments date the comments.
        if datePublished, !sightings.inComments {
            sightings.noteDatePublished(node)
        } else if reading.date, !sightings.inComments {
            sightings.noteDateElement(node)
        }
        if tag == .br || tag == .hr {
            flush()
            return .skipChildren
        }
        if tag == .a { linkDepth += 1 }
        if tag.isBlock {
            flush()
            owners.append(node)
        }
        if let kind = Self.kind(of: tag) { kinds.append(kind) }
        if isArticle { articles.append(node) }
        var isFurniture: Bool
        switch tag {
        case .nav, .aside, .footer, .form: isFurniture = true
        case .header: isFurniture = articles.isEmpty
        default: isFurniture = false
        }
        if role == .furniture { isFurniture = true }
        if !isFurniture && !isArticle && tag != .body && tag != .html {
            isFurniture = reading.furniture && reading.content < 2 && !reading.embed
        }
        if isFurniture { furniture.append(node) }
        return .descend
    }

    private mutating func leave(_ node: HTMLNode) {
        guard node.isElement, node != skipped else { return }
        let tag = node.tag
        if tag.holdsNoText || tag == .br || tag == .hr { return }
        if tag == .a { linkDepth = max(0, linkDepth - 1) }
        if tag.isBlock {
            flush()
            if owners.last == node { owners.removeLast() }
        } else if tag == .td || tag == .th {
            buffer.append(UInt8(ascii: " "))
        }
        if Self.kind(of: tag) != nil, !kinds.isEmpty { kinds.removeLast() }
        if furniture.last == node { furniture.removeLast() }
        if articles.last == node { articles.removeLast() }
        if commentSections.last == node {
            commentSections.removeLast()
            sightings.inComments = !commentSections.isEmpty
        }
    }

    private static func kind(of tag: HTMLTag) -> ParagraphKind? {
        switch tag {
        case .h1, .h2, .h3, .h4, .h5, .h6: .heading
        case .li, .dt, .dd: .list
        case .blockquote: .blockquote
        case .table: .table
        case .figcaption: .caption
        default: nil
        }
    }

    /// An ARIA role that marks page furniture.
    private enum ElementRole {
        case none, furniture

        init(_ value: UnsafeBufferPointer<UInt8>) {
            let furnitureRoles = ["navigation", "banner", "contentinfo", "complementary", "search"]
            self = furnitureRoles.contains { BlockCollector.equalIgnoringCase(value, $0) } ? .furniture : .none
        }
    }

    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
        bytes.count == text.utf8CodeUnitCount && bytes.elementsEqual(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    fileprivate static func equalIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: String) -> Bool {
        bytes.count == lower.utf8.count && zip(bytes, lower.utf8).allSatisfy { ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }
    }

    /// Whether an inline style hides the element (`display: none`, `visibility: hidden`).
    private static func hidesElement(_ style: UnsafeBufferPointer<UInt8>) -> Bool {
        var compact: [UInt8] = []
        compact.reserveCapacity(style.count)
        for byte in style where byte != 0x20 {
            compact.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        let text = String(decoding: compact, as: UTF8.self)
        return text.containsBytes("display:none") || text.containsBytes("visibility:hidden")
    }

    private mutating func append(_ node: HTMLNode) {
        node.withTextBytes { bytes in
            var count = 0
            for byte in bytes {
                // Count code points: every byte that does not continue a sequence.
                if byte & 0xC0 != 0x80 { count += 1 }
            }
            buffer.append(contentsOf: bytes)
            if linkDepth > 0 { bufferLinks += count }
        }
    }

    /// Ends the current block: white space folded, empty blocks dropped.
    private mutating func flush() {
        defer {
            buffer.removeAll(keepingCapacity: true)
            bufferLinks = 0
        }
        let text = Self.folded(buffer)
        guard !text.isEmpty, let owner = owners.last else { return }
        let characters = text.utf8.reduce(0) { $1 & 0xC0 != 0x80 ? $0 + 1 : $0 }
        // The article's headline: the first `<h1>`, or a later heading of any level that repeats
        // the page's title (the first `<h1>` is often the site's logo).
        let tag = owner.tag
        if tag == .h1 || tag == .h2 || tag == .h3, !sightings.headlineFound {
            if sightings.repeatsTitle(text) {
                sightings.headlineFound = true
                sightings.blocksSinceHeadline = 0
            } else if tag == .h1 {
                sightings.blocksSinceHeadline = 0
            }
        }
        sightings.blocksSinceHeadline? += 1
        blocks.append(
            TextBlock(
                text: text, kind: kinds.last ?? .body, owner: owner, characters: characters, linkCharacters: bufferLinks,
                furniture: furniture, article: articles.last, underHeadline: sightings.isUnderHeadline,
                afterHeadline: sightings.blocksSinceHeadline != nil))
    }

    /// UTF-8 bytes with every run of white space (ASCII and no-break space) made one space,
    /// trimmed at both ends.
    static func folded(_ bytes: [UInt8]) -> String {
        guard !bytes.isEmpty else { return "" }
        return bytes.withUnsafeBufferPointer { input in
            String(unsafeUninitializedCapacity: input.count) { out in
                var written = 0
                var pendingSpace = false
                var i = 0
                while i < input.count {
                    let byte = input[i]
                    if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                        pendingSpace = true
                        i += 1
                        continue
                    }
                    if byte == 0xC2, i + 1 < input.count, input[i + 1] == 0xA0 {
                        pendingSpace = true
                        i += 2
                        continue
                    }
                    if pendingSpace && written > 0 {
                        out[written] = 0x20
                        written += 1
                    }
                    pendingSpace = false
                    out[written] = byte
                    written += 1
                    i += 1
                }
                return written
            }
        }
    }
}
