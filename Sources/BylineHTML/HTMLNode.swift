/// A node of an ``HTMLDocument``: an element or a text. A view into the document's tree,
/// valid only inside ``HTMLDocument/withRoot(_:)``.
public struct HTMLNode: Hashable {
    // Not counted: nodes never outlive the `withRoot` call that keeps the document alive.
    unowned(unsafe) let document: HTMLDocument
    let index: Int32

    init(_ document: HTMLDocument, _ index: Int32) {
        self.document = document
        self.index = index
    }

    public static func == (lhs: HTMLNode, rhs: HTMLNode) -> Bool {
        lhs.index == rhs.index && lhs.document === rhs.document
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(index)
    }

    private var i: Int { Int(index) }

    /// The node's position in its document, from 0 up to ``documentSize``: an index for
    /// per-node arrays.
    public var ordinal: Int { Int(index) }

    /// How many nodes the document has.
    public var documentSize: Int { document.tree.kinds.count }

    /// Whether the node is an element.
    public var isElement: Bool { document.tree.kinds[i] == .element }
    /// Whether the node is text.
    public var isText: Bool { document.tree.kinds[i] == .text }

    /// The element's tag, `.other` for unknown elements and for text.
    public var tag: HTMLTag { document.tree.tags[i] }

    private func bytes(_ range: Range<Int32>) -> ArraySlice<UInt8> {
        document.tree.bytes[Int(range.lowerBound)..<Int(range.upperBound)]
    }

    private func node(_ index: Int32) -> HTMLNode? {
        index >= 0 ? HTMLNode(document, index) : nil
    }

    /// The enclosing element, nil at the root.
    public var parent: HTMLNode? {
        let parent = document.tree.parents[i]
        return parent > 0 ? HTMLNode(document, parent) : nil
    }
    public var firstChild: HTMLNode? { node(document.tree.firstChildren[i]) }
    public var nextSibling: HTMLNode? { node(document.tree.nextSiblings[i]) }

    /// The node's children, in order.
    public var children: [HTMLNode] {
        var out: [HTMLNode] = []
        var child = document.tree.firstChildren[i]
        while child >= 0 {
            out.append(HTMLNode(document, child))
            child = document.tree.nextSiblings[Int(child)]
        }
        return out
    }

    /// The value of an attribute, or nil. Attribute names are lower-cased by the parser; only
    /// the attributes readers use are kept (class, id, style, itemprop, content, datetime, …).
    public func attribute(_ name: String) -> String? {
        var found: String?
        forEachAttribute { attributeName, value in
            if found == nil, attributeName.elementsEqual(name.utf8) {
                found = String(decoding: value, as: UTF8.self)
            }
        }
        return found
    }

    /// The values of several attributes in one pass; nil where an attribute is absent.
    public func attributes(_ names: [StaticString]) -> [String?] {
        var values = [String?](repeating: nil, count: names.count)
        forEachAttribute { attributeName, value in
            for (k, name) in names.enumerated() where name.utf8CodeUnitCount == attributeName.count {
                if attributeName.elementsEqual(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)) {
                    values[k] = String(decoding: value, as: UTF8.self)
                }
            }
        }
        return values
    }

    /// Calls `body` with the name and value bytes of each kept attribute, without copying.
    public func forEachAttribute(_ body: (_ name: UnsafeBufferPointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>) -> Void) {
        guard isElement else { return }
        let range = document.tree.attributeRanges[i]
        guard !range.isEmpty else { return }
        document.tree.bytes.withUnsafeBufferPointer { all in
            for k in Int(range.lowerBound)..<Int(range.upperBound) {
                let (name, value) = document.tree.attributeList[k]
                body(
                    UnsafeBufferPointer(rebasing: all[Int(name.lowerBound)..<Int(name.upperBound)]),
                    UnsafeBufferPointer(rebasing: all[Int(value.lowerBound)..<Int(value.upperBound)]))
            }
        }
    }

    /// The text of a text node (empty for other nodes), as UTF-8 bytes, without copying.
    public func withTextBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        guard isText else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let span = document.tree.spans[i]
        return document.tree.bytes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[Int(span.lowerBound)..<Int(span.upperBound)]))
        }
    }

    /// The text of a text node.
    public var text: String {
        isText ? String(decoding: bytes(document.tree.spans[i]), as: UTF8.self) : ""
    }

    /// All the text inside the node, in document order, skipping scripts and styles.
    public var textContent: String {
        var out = ""
        walk { node in
            if node.isText {
                out += node.text
                return .descend
            }
            return node.tag.holdsNoText ? .skipChildren : .descend
        }
        return out
    }

    /// The first text inside the node, up to about `limit` bytes, scripts and styles skipped:
    /// cheap even for a large subtree.
    public func textPrefix(limit: Int) -> String {
        var out = ""
        walk { node in
            if out.utf8.count >= limit { return .stop }
            if node.isText {
                out += node.text
                out += " "
                return .descend
            }
            return node.tag.holdsNoText ? .skipChildren : .descend
        }
        return out
    }

    /// What a walk does after visiting a node.
    public enum WalkStep {
        case descend, skipChildren, stop
    }

    /// Visits the node and its descendants in document order, without recursion (so that
    /// pages nested thousands deep cannot exhaust the stack).
    public func walk(_ visit: (HTMLNode) -> WalkStep) {
        walk(enter: visit, leave: { _ in })
    }

    /// Visits the node and its descendants in document order, calling `leave` after a node's
    /// children (also for nodes whose children were skipped). No recursion.
    public func walk(enter: (HTMLNode) -> WalkStep, leave: (HTMLNode) -> Void) {
        let root = index
        var current = index
        let firstChildren = document.tree.firstChildren
        let nextSiblings = document.tree.nextSiblings
        let parents = document.tree.parents
        while true {
            let step = enter(HTMLNode(document, current))
            if step == .stop { return }
            let child = firstChildren[Int(current)]
            if step == .descend, child >= 0 {
                current = child
                continue
            }
            leave(HTMLNode(document, current))
            var up = current
            while true {
                if up == root { return }
                let next = nextSiblings[Int(up)]
                if next >= 0 {
                    current = next
                    break
                }
                up = parents[Int(up)]
                leave(HTMLNode(document, up))
            }
        }
    }

    /// The element descendants, in document order.
    public var descendants: [HTMLNode] {
        var out: [HTMLNode] = []
        walk { node in
            if node.isElement && node.index != index { out.append(node) }
            return .descend
        }
        return out
    }

    /// The first descendant element with `tag`.
    public func first(_ tag: HTMLTag) -> HTMLNode? {
        var found: HTMLNode?
        walk { node in
            if node.index != index, node.tag == tag {
                found = node
                return .stop
            }
            return .descend
        }
        return found
    }
}
