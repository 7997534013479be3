import CLibXML2

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A node of an ``HTMLDocument``: an element, a text node or a comment. A view into the
/// document's tree, valid while the document lives.
public struct HTMLNode: Hashable {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) {
        self.pointer = pointer
    }

    /// Whether the node is an element.
    public var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    /// Whether the node is text (or CDATA).
    public var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The element's tag, `.other` for unknown elements and for nodes that are not elements.
    public var tag: HTMLTag {
        guard isElement, let name = pointer.pointee.name else { return .other }
        return HTMLTag(cName: name)
    }

    /// The element's name as written, lower-cased by the parser.
    public var name: String {
        pointer.pointee.name.map { String(cString: $0) } ?? ""
    }

    public var parent: HTMLNode? {
        guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return HTMLNode(parent)
    }
    public var firstChild: HTMLNode? { pointer.pointee.children.map(HTMLNode.init) }
    public var nextSibling: HTMLNode? { pointer.pointee.next.map(HTMLNode.init) }
    public var previousSibling: HTMLNode? { pointer.pointee.prev.map(HTMLNode.init) }

    /// The node's children, in order.
    public var children: [HTMLNode] {
        var out: [HTMLNode] = []
        var child = pointer.pointee.children
        while let c = child {
            out.append(HTMLNode(c))
            child = c.pointee.next
        }
        return out
    }

    /// The value of an attribute, or nil. Attribute names are lower-cased by the parser.
    public func attribute(_ name: String) -> String? {
        findAttribute(name).map(Self.value(of:))
    }

    /// Whether the element has the attribute.
    public func hasAttribute(_ name: String) -> Bool {
        findAttribute(name) != nil
    }

    private func findAttribute(_ name: String) -> xmlAttrPtr? {
        guard isElement else { return nil }
        var wanted = name
        return wanted.withUTF8 { want in
            var attribute = pointer.pointee.properties
            while let a = attribute {
                if let attributeName = a.pointee.name, strlen(UnsafeRawPointer(attributeName).assumingMemoryBound(to: CChar.self)) == want.count,
                    memcmp(attributeName, want.baseAddress!, want.count) == 0
                {
                    return a
                }
                attribute = a.pointee.next
            }
            return nil
        }
    }

    /// The text of a text node (empty for other nodes), as raw UTF-8 bytes without copying.
    public func withTextBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        guard isText, let content = pointer.pointee.content else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))))
    }

    /// The text of a text node.
    public var text: String {
        guard isText, let content = pointer.pointee.content else { return "" }
        return String(cString: content)
    }

    /// All the text inside the node, in document order, skipping scripts, styles and comments.
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
        var current: xmlNodePtr? = pointer
        let root = pointer
        while let node = current {
            let step = visit(HTMLNode(node))
            if step == .stop { return }
            if step == .descend, let child = node.pointee.children {
                current = child
                continue
            }
            // Up until a node has a next sibling, staying inside the subtree.
            var up: xmlNodePtr? = node
            current = nil
            while let u = up, u != root {
                if let next = u.pointee.next {
                    current = next
                    break
                }
                up = u.pointee.parent
            }
        }
    }

    /// Visits the node and its descendants in document order, calling `leave` after a node's
    /// children (also for nodes whose children were skipped). No recursion.
    public func walk(enter: (HTMLNode) -> WalkStep, leave: (HTMLNode) -> Void) {
        let root = pointer
        var current: xmlNodePtr? = pointer
        while let node = current {
            let step = enter(HTMLNode(node))
            if step == .stop { return }
            if step == .descend, let child = node.pointee.children {
                current = child
                continue
            }
            leave(HTMLNode(node))
            var up: xmlNodePtr? = node
            current = nil
            while let u = up, u != root {
                if let next = u.pointee.next {
                    current = next
                    break
                }
                up = u.pointee.parent
                if let parent = up { leave(HTMLNode(parent)) }
            }
        }
    }

    /// The values of several attributes in one pass over the element's attributes; nil where
    /// an attribute is absent. Names must be lower case.
    public func attributes(_ names: [StaticString]) -> [String?] {
        var values = [String?](repeating: nil, count: names.count)
        guard isElement else { return values }
        var attribute = pointer.pointee.properties
        while let a = attribute {
            if let attributeName = a.pointee.name {
                let length = strlen(UnsafeRawPointer(attributeName).assumingMemoryBound(to: CChar.self))
                for (i, name) in names.enumerated() where name.utf8CodeUnitCount == length {
                    if memcmp(attributeName, name.utf8Start, length) == 0 {
                        values[i] = Self.value(of: a)
                    }
                }
            }
            attribute = a.pointee.next
        }
        return values
    }

    /// Calls `body` with the name and value bytes of each attribute, without copying either.
    /// (A value made of several text pieces, which parsers rarely produce, gives its first.)
    public func forEachAttribute(_ body: (_ name: UnsafeBufferPointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>) -> Void) {
        guard isElement else { return }
        var attribute = pointer.pointee.properties
        while let a = attribute {
            if let name = a.pointee.name {
                let nameLength = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
                var value = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
                if let content = a.pointee.children?.pointee.content {
                    value = UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self)))
                }
                body(UnsafeBufferPointer(start: name, count: nameLength), value)
            }
            attribute = a.pointee.next
        }
    }

    private static func value(of attribute: xmlAttrPtr) -> String {
        var value = ""
        var child = attribute.pointee.children
        while let c = child {
            if let content = c.pointee.content { value += String(cString: content) }
            child = c.pointee.next
        }
        return value
    }

    /// The element descendants, in document order.
    public var descendants: [HTMLNode] {
        var out: [HTMLNode] = []
        walk { node in
            if node.isElement && node.pointer != pointer { out.append(node) }
            return .descend
        }
        return out
    }

    /// The first descendant element with `tag`.
    public func first(_ tag: HTMLTag) -> HTMLNode? {
        var found: HTMLNode?
        walk { node in
            if node.pointer != pointer, node.tag == tag {
                found = node
                return .stop
            }
            return .descend
        }
        return found
    }
}
