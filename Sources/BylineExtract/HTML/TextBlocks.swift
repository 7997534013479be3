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
    /// Whether an enclosing element is the article itself (`<article>`, `itemprop=articleBody`).
    var inArticle: Bool
    /// The `<figure>` the text sits in, for captions.
    var figure: HTMLNode?

    var linkDensity: Double { characters == 0 ? 0 : Double(linkCharacters) / Double(characters) }
}

/// Class and id words, from the module's data files.
struct ElementNames: Sendable {
    let boilerplate: Set<String>
    let boilerplateInside: [[UInt8]]
    let content: Set<String>
    /// `length × 256 + first byte` of every listed word: a token that matches none is no word
    /// of either list, and no string needs to be made for it.
    private let shapes: Set<Int>

    static let shared: ElementNames = {
        let lines = DataFile(PackageResources.html_boilerplate_names_txt).lines
        return ElementNames(
            boilerplate: Set(lines.filter { !$0.hasPrefix("~") }),
            boilerplateInside: lines.filter { $0.hasPrefix("~") }.map { Array($0.dropFirst().utf8) },
            content: Set(DataFile(PackageResources.html_content_names_txt).lines))
    }()

    init(boilerplate: Set<String>, boilerplateInside: [[UInt8]], content: Set<String>) {
        self.boilerplate = boilerplate
        self.boilerplateInside = boilerplateInside
        self.content = content
        self.shapes = Set(boilerplate.union(content).map { $0.utf8.count * 256 + Int($0.utf8.first ?? 0) })
    }

    /// How a class or id value speaks of its element.
    enum Verdict { case neutral, furniture, content }

    /// How the words of one class or id value speak of their element: the number of content
    /// words, and whether there is a furniture word.
    func words(of value: String) -> (content: Int, furniture: Bool) {
        var content = 0
        var furniture = false
        var word: [UInt8] = []
        func finish() {
            guard !word.isEmpty else { return }
            if shapes.contains(word.count * 256 + Int(word[0])) {
                let token = String(decoding: word, as: UTF8.self)
                if self.content.contains(token) { content += 1 }
                if boilerplate.contains(token) { furniture = true }
            }
            // A compound ("sharebar") is longer than the word it contains.
            if !furniture && word.count > 5 && boilerplateInside.contains(where: { contains(word, $0) }) {
                furniture = true
            }
            word.removeAll(keepingCapacity: true)
        }
        for byte in value.utf8 {
            switch byte {
            case 0x41...0x5A: word.append(byte | 0x20)
            case 0x61...0x7A, 0x30...0x39, 0x80...: word.append(byte)
            default: finish()
            }
        }
        finish()
        return (content, furniture)
    }

    private func contains(_ word: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= word.count else { return false }
        for start in 0...(word.count - needle.count) where word[start] == needle[0] {
            if word[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}

/// Verdicts on class and id values, remembered for one page (pages repeat their class names).
struct VerdictCache {
    private var known: [String: (content: Int, furniture: Bool)] = [:]
    private let names = ElementNames.shared

    mutating func verdict(_ values: [String?]) -> ElementNames.Verdict {
        var furniture = false
        var content = 0
        for value in values {
            guard let value, !value.isEmpty else { continue }
            let words: (content: Int, furniture: Bool)
            if let cached = known[value] {
                words = cached
            } else {
                words = names.words(of: value)
                known[value] = words
            }
            content += words.content
            furniture = furniture || words.furniture
        }
        if furniture && content < 2 { return .furniture }
        return content > 0 ? .content : .neutral
    }
}

/// Walks a page once and cuts its text into blocks.
struct BlockCollector {
    private(set) var blocks: [TextBlock] = []
    private var buffer: [UInt8] = []
    private var bufferLinks = 0
    private var linkDepth = 0
    private var owners: [HTMLNode] = []
    private var furniture: [HTMLNode] = []
    private var article = 0
    private var figures: [HTMLNode] = []
    private var kinds: [ParagraphKind] = []
    private var verdicts = VerdictCache()
    /// The metadata elements passed on the way.
    private(set) var sightings = MetadataSightings()

    /// The attributes read from every element: class, id, style, hidden, itemprop, role.
    private static let attributeNames: [StaticString] = ["class", "id", "style", "hidden", "itemprop", "role"]

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
        let values = node.attributes(Self.attributeNames)
        if values[3] != nil || isHiddenStyle(values[2]) { return .skipChildren }
        if tag == .br || tag == .hr {
            flush()
            return .skipChildren
        }
        if tag == .a { linkDepth += 1 }
        if tag.isBlock {
            flush()
            owners.append(node)
        }
        if tag == .figure { figures.append(node) }
        if let kind = Self.kind(of: tag) { kinds.append(kind) }
        let isArticle = tag == .article || tag == .main || values[4]?.asciiLowercased() == "articlebody"
        if isArticle { article += 1 }
        var isFurniture: Bool
        switch tag {
        case .nav, .aside, .footer, .form: isFurniture = true
        case .header: isFurniture = article == 0
        default: isFurniture = false
        }
        if let role = values[5], ["navigation", "banner", "contentinfo", "complementary", "search"].contains(role) {
            isFurniture = true
        }
        if !isFurniture && !isArticle && (values[0] != nil || values[1] != nil) && tag != .body && tag != .html {
            isFurniture = verdicts.verdict([values[0], values[1]]) == .furniture
        }
        if isFurniture { furniture.append(node) }
        return .descend
    }

    private mutating func leave(_ node: HTMLNode) {
        guard node.isElement else { return }
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
        if figures.last == node { figures.removeLast() }
        if tag == .article || tag == .main || (article > 0 && node.attribute("itemprop")?.asciiLowercased() == "articlebody") {
            article = max(0, article - 1)
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

    private func isHiddenStyle(_ style: String?) -> Bool {
        guard let style else { return false }
        let compact = style.asciiLowercased().filter { $0 != " " }
        return compact.containsBytes("display:none") || compact.containsBytes("visibility:hidden")
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
        blocks.append(
            TextBlock(
                text: text, kind: kinds.last ?? .body, owner: owner, characters: characters, linkCharacters: bufferLinks,
                furniture: furniture, inArticle: article > 0, figure: figures.last))
    }

    /// UTF-8 bytes with every run of white space (ASCII and no-break space) made one space,
    /// trimmed at both ends.
    static func folded(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = true
                i += 1
                continue
            }
            if byte == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 {
                pendingSpace = true
                i += 2
                continue
            }
            if pendingSpace && !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(byte)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
