import BylineCore
import CLibXML2

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A parsed HTML page. libxml2's HTML parser reads the bytes (recover mode, no network
/// access) and reports elements and text through its SAX interface; the document keeps them
/// in a compact tree of arrays, with the attributes Byline reads and every text as a range
/// of one byte buffer. No libxml2 tree is built or freed, which halves the cost of parsing.
///
///     let page = try HTMLDocument(bytes: bytes, uri: "page.html")
///     page.withRoot { root in root?.first(.p)?.textContent }
///
/// Nodes are views into the document, valid only inside ``withRoot(_:)``.
public final class HTMLDocument {
    /// The encoding the page was read in.
    public let encoding: String
    /// How many bytes that broke the page's UTF-8 were replaced by U+FFFD before parsing.
    public let invalidBytesReplaced: Int
    /// The tree, complete once the initializer returns and never changed after.
    let tree: HTMLTree

    /// Parses a page; `declaredCharset` is the charset its transport declared (HTTP), if any.
    ///
    /// - Throws: ``BylineError`` of kind `unsupportedFormat` when libxml2 cannot start.
    public init(bytes input: [UInt8], uri: String, declaredCharset: String? = nil) throws(BylineError) {
        let valid = Charset.isValidUTF8(input)
        var encoding = Charset.detect(input, validUTF8: valid, transport: declaredCharset)
        var source = input
        var replaced = 0
        if encoding == "UTF-8" && !valid {
            // libxml2 would switch to Latin-1 at the first bad byte; repair the few instead.
            (source, replaced) = Charset.repairedUTF8(input)
        }
        invalidBytesReplaced = replaced
        if !encoding.hasPrefix("UTF-16"), source.starts(with: [0xEF, 0xBB, 0xBF]) {
            source.removeFirst(3)
            encoding = "UTF-8"
        }
        self.encoding = encoding
        if !encoding.hasPrefix("UTF-16") { source = ParserInput.prepared(from: source) }
        var tree = HTMLTree()
        tree.reserve(forPageOf: source.count)
        try HTMLDocument.parse(source, encoding: encoding, into: &tree, uri: uri)
        tree.stack = []
        self.tree = tree
    }

    /// libxml2's global tables, set up once before any page is parsed: pages are parsed on
    /// several threads at once, and libxml2 2.9 does not guard its own lazy set-up.
    private static let libraryReady: Void = xmlInitParser()

    private static func parse(_ source: [UInt8], encoding: String, into tree: inout HTMLTree, uri: String) throws(BylineError) {
        _ = HTMLDocument.libraryReady
        guard let context = htmlNewParserCtxt() else {
            throw BylineError(.unsupportedFormat, input: uri, "libxml2 could not start reading the page")
        }
        defer { htmlFreeParserCtxt(context) }
        // libxml2 reports problems of recovered pages on standard error unless told otherwise.
        xmlSetStructuredErrorFunc(nil) { _, _ in }
        var handler = htmlSAXHandler()
        handler.startElement = { context, name, attributes in
            HTMLTree.from(context).pointee.start(name, attributes)
        }
        handler.endElement = { context, _ in
            HTMLTree.from(context).pointee.end()
        }
        handler.characters = { context, characters, length in
            HTMLTree.from(context).pointee.text(characters, length)
        }
        handler.cdataBlock = handler.characters
        handler.ignorableWhitespace = handler.characters
        handler.initialized = 0
        withUnsafeMutablePointer(to: &handler) { pointer in
            _ = memcpy(context.pointee.sax, pointer, MemoryLayout<htmlSAXHandler>.size)
        }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
                | XML_PARSE_HUGE.rawValue)
        guard !source.isEmpty else { return }
        withUnsafeMutablePointer(to: &tree) { treePointer in
            // Reading resets `userData` to the parser context itself; `_private` is the application's.
            context.pointee._private = UnsafeMutableRawPointer(treePointer)
            let document: htmlDocPtr? = source.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    htmlCtxtReadMemory(context, chars.baseAddress!, Int32(clamping: chars.count), nil, encoding, options)
                }
            }
            if let document { xmlFreeDoc(document) }
            context.pointee._private = nil
        }
    }

    /// Calls `body` with the root element (`<html>`, or whatever the root is). Nodes are views
    /// into the document: they must not escape `body`, during which the document stays alive.
    public func withRoot<T>(_ body: (HTMLNode?) throws -> T) rethrows -> T {
        try withExtendedLifetime(self) {
            var child = tree.firstChildren[0]
            while child >= 0, tree.kinds[Int(child)] != .element { child = tree.nextSiblings[Int(child)] }
            return try body(child >= 0 ? HTMLNode(self, child) : nil)
        }
    }
}

/// The parsed page as arrays: node 0 is the document itself, -1 means none. Texts are ranges
/// of `bytes`, and so are the attributes readers use.
struct HTMLTree {
    var kinds: [NodeKind] = [.document]
    var tags: [HTMLTag] = [.other]
    var parents: [Int32] = [-1]
    var firstChildren: [Int32] = [-1]
    var lastChildren: [Int32] = [-1]
    var nextSiblings: [Int32] = [-1]
    /// For text nodes, their bytes (empty for elements).
    var spans: [Range<Int32>] = [0..<0]
    /// For elements, their kept attributes: a range of `attributeList`.
    var attributeRanges: [Range<Int32>] = [0..<0]
    var attributeList: [(name: Range<Int32>, value: Range<Int32>)] = []
    /// Every byte of text, element name and attribute kept.
    var bytes: [UInt8] = []
    /// Open elements while parsing.
    var stack: [Int32] = [0]
    /// Inside how many open elements whose text nobody reads (scripts other than JSON-LD,
    /// styles): their text is not kept.
    var unreadDepth = 0

    enum NodeKind: UInt8 { case document, element, text }

    /// Room for the nodes and bytes a page of this size usually has (about one node per 40
    /// bytes of markup), so that building the tree rarely grows an array.
    mutating func reserve(forPageOf size: Int) {
        let nodes = size / 40 + 16
        kinds.reserveCapacity(nodes)
        tags.reserveCapacity(nodes)
        parents.reserveCapacity(nodes)
        firstChildren.reserveCapacity(nodes)
        lastChildren.reserveCapacity(nodes)
        nextSiblings.reserveCapacity(nodes)
        spans.reserveCapacity(nodes)
        attributeRanges.reserveCapacity(nodes)
        attributeList.reserveCapacity(nodes)
        bytes.reserveCapacity(size / 2)
    }

    /// The tree being built, from the parser context libxml2 passes to callbacks.
    static func from(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<HTMLTree> {
        let parser = context!.assumingMemoryBound(to: xmlParserCtxt.self)
        return parser.pointee._private.assumingMemoryBound(to: HTMLTree.self)
    }

    // MARK: Building the tree

    private mutating func append(_ kind: NodeKind, tag: HTMLTag, span: Range<Int32>) -> Int32 {
        let index = Int32(kinds.count)
        let parent = stack.last ?? 0
        kinds.append(kind)
        tags.append(tag)
        parents.append(parent)
        firstChildren.append(-1)
        lastChildren.append(-1)
        nextSiblings.append(-1)
        spans.append(span)
        attributeRanges.append(0..<0)
        let last = lastChildren[Int(parent)]
        if last >= 0 { nextSiblings[Int(last)] = index } else { firstChildren[Int(parent)] = index }
        lastChildren[Int(parent)] = index
        return index
    }

    private mutating func store(_ pointer: UnsafePointer<xmlChar>, _ length: Int) -> Range<Int32> {
        let start = Int32(bytes.count)
        bytes.append(contentsOf: UnsafeBufferPointer(start: pointer, count: length))
        return start..<Int32(bytes.count)
    }

    mutating func start(_ name: UnsafePointer<xmlChar>?, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard let name else { return }
        let index = append(.element, tag: HTMLTag(cName: name), span: 0..<0)
        if let attributes {
            let first = Int32(attributeList.count)
            var i = 0
            while let attributeName = attributes[i] {
                let length = strlen(attributeName)
                if HTMLTree.isKept(attributeName, length) {
                    let value = attributes[i + 1].map { store($0, strlen($0)) } ?? Int32(bytes.count)..<Int32(bytes.count)
                    attributeList.append((store(attributeName, length), value))
                }
                i += 2
            }
            attributeRanges[Int(index)] = first..<Int32(attributeList.count)
        }
        if tags[Int(index)].textIsUnread && !isStructuredData(index) { unreadDepth += 1 }
        stack.append(index)
    }

    mutating func end() {
        guard stack.count > 1 else { return }
        let index = stack.removeLast()
        if tags[Int(index)].textIsUnread && !isStructuredData(index) { unreadDepth -= 1 }
    }

    /// Whether an element is a `<script>` of JSON-LD, whose text metadata readers need.
    private func isStructuredData(_ index: Int32) -> Bool {
        guard tags[Int(index)] == .script else { return false }
        for k in attributeRanges[Int(index)] {
            let (name, value) = attributeList[Int(k)]
            if bytes[Int(name.lowerBound)..<Int(name.upperBound)].elementsEqual("type".utf8) {
                return bytes[Int(value.lowerBound)..<Int(value.upperBound)].map { $0 | 0x20 }.elementsEqual("application/ld+json".utf8)
            }
        }
        return false
    }

    mutating func text(_ characters: UnsafePointer<xmlChar>?, _ length: Int32) {
        guard let characters, length > 0, unreadDepth == 0 else { return }
        let parent = Int(stack.last ?? 0)
        let last = lastChildren[parent]
        // Text reported in pieces continues the text node it extends.
        if last >= 0, kinds[Int(last)] == .text, spans[Int(last)].upperBound == Int32(bytes.count) {
            let range = store(characters, Int(length))
            spans[Int(last)] = spans[Int(last)].lowerBound..<range.upperBound
            return
        }
        _ = append(.text, tag: .other, span: store(characters, Int(length)))
    }

    /// The attributes readers look at; the others (`srcset`, `data-…`) are not kept.
    static let keptAttributes: [[UInt8]] = [
        "class", "id", "style", "hidden", "itemprop", "role", "content", "property", "name", "datetime", "rel",
        "href", "type", "lang", "xml:lang", "http-equiv", "pubdate", "title", "charset", "aria-hidden",
    ].map { Array($0.utf8) }

    private static func isKept(_ name: UnsafePointer<xmlChar>, _ length: Int) -> Bool {
        for kept in keptAttributes where kept.count == length {
            if kept.withUnsafeBufferPointer({ memcmp($0.baseAddress!, name, length) == 0 }) { return true }
        }
        return false
    }
}

/// The length of a NUL-terminated libxml2 string.
private func strlen(_ pointer: UnsafePointer<xmlChar>) -> Int {
    Glibc.strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
}
