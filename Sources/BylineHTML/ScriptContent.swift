import BylineCore

/// Removes the bodies of `<script>`, `<style>` and `<svg>` elements, and comments, from a page
/// before it is parsed: no reader looks at them (but for JSON-LD, which is kept), and they are
/// often half a page's bytes, which libxml2 would otherwise read character by character. A
/// comment goes whole, so that a `<script>` inside one changes nothing.
enum ScriptContent {
    private static let commentOpen = Array("<!--".utf8)
    private static let commentClose = Array("-->".utf8)
    private static let jsonLD = Array("ld+json".utf8)
    private static let closingTags = Dictionary(uniqueKeysWithValues: ["script", "style", "svg"].map { ($0, Array("</\($0)".utf8)) })

    static func removed(from page: [UInt8]) -> [UInt8] {
        page.withUnsafeBufferPointer { bytes in
            var out: [UInt8] = []
            var copied = 0
            var i = 0
            while let open = ByteSearch.firstIndex(of: [UInt8(ascii: "<")], in: bytes, from: i) {
                i = open + 1
                if bytes[open...].starts(with: commentOpen) {
                    let end = ByteSearch.firstIndex(of: commentClose, in: bytes, from: open + 4).map { $0 + 3 } ?? bytes.count
                    if out.isEmpty { out.reserveCapacity(bytes.count) }
                    out.append(contentsOf: bytes[copied..<open])
                    copied = end
                    i = end
                    continue
                }
                guard let name = elementName(bytes, at: open + 1),
                    let tagEnd = ByteSearch.firstIndex(of: [UInt8(ascii: ">")], in: bytes, from: open + 1)
                else { continue }
                let openTag = UnsafeBufferPointer(rebasing: bytes[open...tagEnd])
                if name == "script", ByteSearch.firstIndex(of: jsonLD, in: openTag, from: 0, ignoringASCIICase: true) != nil {
                    i = tagEnd + 1
                    continue
                }
                let closing = closingTags[name]!
                guard let close = ByteSearch.firstIndex(of: closing, in: bytes, from: tagEnd + 1, ignoringASCIICase: true) else {
                    i = tagEnd + 1
                    continue
                }
                if out.isEmpty { out.reserveCapacity(bytes.count) }
                out.append(contentsOf: bytes[copied...tagEnd])
                copied = close
                i = close + 2
            }
            guard copied > 0 else { return page }
            if copied < bytes.count { out.append(contentsOf: bytes[copied...]) }
            return out
        }
    }

    /// "script", "style" or "svg" when the tag at `start` (just after `<`) opens one of them.
    private static func elementName(_ page: UnsafeBufferPointer<UInt8>, at start: Int) -> String? {
        // All three names open with an s.
        guard start < page.count, page[start] | 0x20 == UInt8(ascii: "s") else { return nil }
        for name in ["script", "style", "svg"] where start + name.utf8.count < page.count {
            let end = start + name.utf8.count
            guard zip(page[start..<end], name.utf8).allSatisfy({ ($0 | 0x20) == $1 }) else { continue }
            let next = page[end]
            if next == UInt8(ascii: ">") || next == UInt8(ascii: " ") || next == UInt8(ascii: "/") || (next >= 0x09 && next <= 0x0D) {
                return name
            }
        }
        return nil
    }
}
