import BylineCore

/// What libxml2 is given to parse: the page less what no reader looks at. The bodies of
/// `<script>`, `<style>` and `<svg>` elements go (JSON-LD is kept), comments go whole (so that
/// a `<script>` inside one changes nothing), and start tags lose the attributes no reader reads
/// (`data-…`, `srcset`, link targets of `<a>`). Those are often more than half a page's bytes,
/// which libxml2 would otherwise read character by character. A tag that does not read cleanly
/// (an unclosed quote, a stray character) is passed on as written.
enum ParserInput {
    private static let commentOpen = Array("<!--".utf8)
    private static let commentClose = Array("-->".utf8)
    private static let jsonLD = Array("ld+json".utf8)
    private static let closingTags = Dictionary(uniqueKeysWithValues: ["script", "style", "svg"].map { ($0, Array("</\($0)".utf8)) })

    static func prepared(from page: [UInt8]) -> [UInt8] {
        page.withUnsafeBufferPointer { bytes in
            var writer = Writer(page: bytes)
            var attributes: [Range<Int>] = []
            var i = 0
            while let open = ByteSearch.firstIndex(of: UInt8(ascii: "<"), in: bytes, from: i) {
                i = open + 1
                if bytes[open...].starts(with: commentOpen) {
                    let end = ByteSearch.firstIndex(of: commentClose, in: bytes, from: open + 4).map { $0 + 3 } ?? bytes.count
                    writer.skip(open..<end)
                    i = end
                    continue
                }
                guard let tag = StartTag(bytes, at: open, attributes: &attributes) else { continue }
                i = tag.end
                if let name = rawTextElement(bytes, tag: tag) {
                    let openTag = UnsafeBufferPointer(rebasing: bytes[open..<tag.end])
                    if name == "script", ByteSearch.firstIndex(of: jsonLD, in: openTag, from: 0, ignoringASCIICase: true) != nil {
                        continue
                    }
                    guard let close = ByteSearch.firstIndex(of: closingTags[name]!, in: bytes, from: tag.end, ignoringASCIICase: true) else {
                        continue
                    }
                    writer.skip(tag.end..<close)
                    i = close + 2
                    continue
                }
                guard !attributes.isEmpty else { continue }
                let keepsLinks = tag.isNamed("link", in: bytes) || tag.isNamed("base", in: bytes)
                for attribute in attributes where !isRead(attribute, in: bytes, keepsLinks: keepsLinks) { writer.skip(attribute) }
            }
            return writer.finish()
        }
    }

    /// Whether a reader looks at the attribute whose bytes (leading white space included) are
    /// `range`. Link targets are read from `<link>` and `<base>` only.
    private static func isRead(_ range: Range<Int>, in page: UnsafeBufferPointer<UInt8>, keepsLinks: Bool) -> Bool {
        var start = range.lowerBound
        while start < range.upperBound, isSpace(page[start]) { start += 1 }
        var end = start
        while end < range.upperBound, page[end] != UInt8(ascii: "="), !isSpace(page[end]) { end += 1 }
        let name = UnsafeBufferPointer(rebasing: page[start..<end])
        guard let first = name.first else { return false }
        // `data-…`, the most of what is dropped, in one look.
        if name.count > 5, first | 0x20 == UInt8(ascii: "d"), name[4] == UInt8(ascii: "-") { return false }
        if equalsLowercased(name, "href") { return keepsLinks }
        return HTMLTree.keptAttributes.contains { $0.count == name.count && $0[0] == first | 0x20 && equalsLowercased(name, $0) }
    }

    /// "script", "style" or "svg" when `tag` opens one of them.
    private static func rawTextElement(_ page: UnsafeBufferPointer<UInt8>, tag: StartTag) -> String? {
        // All three names open with an s.
        guard page[tag.name.lowerBound] | 0x20 == UInt8(ascii: "s"), (3...6).contains(tag.name.count) else { return nil }
        return rawTextNames.first { tag.isNamed($0, in: page) }
    }

    private static let rawTextNames = ["script", "style", "svg"]

    private static func equalsLowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: some Collection<UInt8>) -> Bool {
        bytes.count == lower.count && zip(bytes, lower).allSatisfy { ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }
    }

    private static func equalsLowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: String) -> Bool {
        equalsLowercased(bytes, lower.utf8)
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    /// The page copied with some ranges left out; no copy is made while nothing is left out.
    private struct Writer {
        let page: UnsafeBufferPointer<UInt8>
        var out: [UInt8] = []
        var copied = 0
        var changed = false

        init(page: UnsafeBufferPointer<UInt8>) {
            self.page = page
        }

        /// Leaves out `range`, which starts at or after everything left out before.
        mutating func skip(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            if !changed {
                out.reserveCapacity(page.count)
                changed = true
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: page[copied..<range.lowerBound]))
            copied = range.upperBound
        }

        mutating func finish() -> [UInt8] {
            guard changed else { return Array(page) }
            if copied < page.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: page[copied...])) }
            return out
        }
    }
}

/// A start tag read the way HTML tokenizes one: a name, then attributes (a name, and perhaps
/// `=` and a value, quoted or not) up to `>`. Nil when the bytes at `<` are no start tag or
/// the tag does not read cleanly.
private struct StartTag {
    /// The tag's name.
    let name: Range<Int>
    /// Just past the closing `>`.
    let end: Int

    /// Reads the tag at `open`, putting each attribute, with the white space before it, in
    /// `attributes`.
    init?(_ page: UnsafeBufferPointer<UInt8>, at open: Int, attributes: inout [Range<Int>]) {
        attributes.removeAll(keepingCapacity: true)
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
        func endsName(_ b: UInt8) -> Bool { ParserInput.isSpace(b) || b == UInt8(ascii: ">") || b == UInt8(ascii: "/") }
        var i = open + 1
        guard i < page.count, isLetter(page[i]) else { return nil }
        while i < page.count, !endsName(page[i]) { i += 1 }
        name = (open + 1)..<i
        while true {
            let start = i
            while i < page.count, ParserInput.isSpace(page[i]) || page[i] == UInt8(ascii: "/") {
                if page[i] == UInt8(ascii: "/"), i + 1 < page.count, page[i + 1] == UInt8(ascii: ">") { break }
                i += 1
            }
            guard i < page.count else { return nil }
            if page[i] == UInt8(ascii: ">") {
                end = i + 1
                break
            }
            if page[i] == UInt8(ascii: "/") {
                end = i + 2
                break
            }
            // A name runs to white space, `=`, `/` or `>`; quotes and `<` in it are a page's error.
            let nameStart = i
            while i < page.count, !endsName(page[i]), page[i] != UInt8(ascii: "=") {
                let b = page[i]
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "<") { return nil }
                i += 1
            }
            guard i > nameStart, i < page.count else { return nil }
            var j = i
            while j < page.count, ParserInput.isSpace(page[j]) { j += 1 }
            if j < page.count, page[j] == UInt8(ascii: "=") {
                j += 1
                while j < page.count, ParserInput.isSpace(page[j]) { j += 1 }
                guard j < page.count else { return nil }
                let quote = page[j]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    guard let close = ByteSearch.firstIndex(of: quote, in: page, from: j + 1) else { return nil }
                    i = close + 1
                } else {
                    while j < page.count, !ParserInput.isSpace(page[j]), page[j] != UInt8(ascii: ">") {
                        let b = page[j]
                        if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "<") { return nil }
                        j += 1
                    }
                    i = j
                }
                // The next attribute must be set apart by white space, `/` or the tag's end.
                guard i < page.count, endsName(page[i]) else { return nil }
            }
            attributes.append(start..<i)
        }
    }

    func isNamed(_ lower: String, in page: UnsafeBufferPointer<UInt8>) -> Bool {
        name.count == lower.utf8.count && zip(page[name], lower.utf8).allSatisfy { ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }
    }
}
