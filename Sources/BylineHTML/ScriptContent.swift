/// Removes the bodies of `<script>` and `<style>` elements from a page before it is parsed:
/// no reader looks at them (but for JSON-LD, which is kept), and they are often half a page's
/// bytes, which libxml2 would otherwise read character by character. Comments are passed over
/// whole, so that a `<script>` inside a comment changes nothing.
enum ScriptContent {
    static func removed(from page: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        var copied = 0
        let count = page.count
        while i < count {
            guard page[i] == UInt8(ascii: "<"), i + 1 < count else {
                i += 1
                continue
            }
            if page[(i + 1)...].starts(with: Array("!--".utf8)) {
                i = find(Array("-->".utf8), in: page, from: i + 4).map { $0 + 3 } ?? count
                continue
            }
            guard let name = elementName(page, at: i + 1) else {
                i += 1
                continue
            }
            guard let tagEnd = page[(i + 1)...].firstIndex(of: UInt8(ascii: ">")) else { break }
            let openTag = page[i...tagEnd]
            if name == "script" && containsIgnoringCase(openTag, "ld+json") {
                i = tagEnd + 1
                continue
            }
            guard let close = findIgnoringCase("</" + name, in: page, from: tagEnd + 1) else {
                i = tagEnd + 1
                continue
            }
            if out.isEmpty { out.reserveCapacity(count) }
            out.append(contentsOf: page[copied...tagEnd])
            copied = close
            i = close + 2
        }
        guard copied > 0 else { return page }
        out.append(contentsOf: page[copied...])
        return out
    }

    /// "script" or "style" when the tag at `start` (just after `<`) opens one of them.
    private static func elementName(_ page: [UInt8], at start: Int) -> String? {
        for name in ["script", "style"] where start + name.utf8.count < page.count {
            let end = start + name.utf8.count
            guard zip(page[start..<end], name.utf8).allSatisfy({ ($0 | 0x20) == $1 }) else { continue }
            let next = page[end]
            if next == UInt8(ascii: ">") || next == UInt8(ascii: " ") || next == UInt8(ascii: "/") || (next >= 0x09 && next <= 0x0D) {
                return name
            }
        }
        return nil
    }

    private static func containsIgnoringCase(_ bytes: ArraySlice<UInt8>, _ needle: String) -> Bool {
        findIgnoringCase(needle, in: Array(bytes), from: 0) != nil
    }

    private static func find(_ needle: [UInt8], in page: [UInt8], from start: Int) -> Int? {
        guard start < page.count, page.count - start >= needle.count else { return nil }
        var i = start
        while i <= page.count - needle.count {
            if page[i] == needle[0] && page[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// The first place `needle` (lower-case ASCII) stands in `page` in any case.
    private static func findIgnoringCase(_ needle: String, in page: [UInt8], from start: Int) -> Int? {
        let needle = Array(needle.utf8)
        guard start < page.count, page.count - start >= needle.count else { return nil }
        var i = start
        let first = needle[0]
        while i <= page.count - needle.count {
            if page[i] | 0x20 == first | 0x20, zip(page[i..<(i + needle.count)], needle).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) {
                return i
            }
            i += 1
        }
        return nil
    }
}
