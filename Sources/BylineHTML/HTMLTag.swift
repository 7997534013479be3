import CLibXML2

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The HTML elements Byline's readers tell apart; every other element is `.other`.
public enum HTMLTag: String, CaseIterable, Sendable {
    case html, head, body, title, meta, link, base, script, style, noscript, template
    case header, footer, nav, aside, main, article, section, div, span
    case p, br, hr, h1, h2, h3, h4, h5, h6, a, b, strong, i, em, u, small, sup, sub, mark, abbr, cite, q, code
    case ul, ol, li, dl, dt, dd, blockquote, pre, table, thead, tbody, tfoot, tr, td, th, caption
    case figure, figcaption, img, picture, source, video, audio, iframe, embed, object, svg, canvas, math
    case form, input, button, select, option, textarea, label, fieldset, time, address, details, summary, dialog
    case other

    /// Elements whose content is never article text.
    public var holdsNoText: Bool {
        switch self {
        case .script, .style, .noscript, .template, .svg, .canvas, .math, .iframe, .embed, .object, .select,
            .option, .textarea, .button, .input, .head, .title, .meta, .link, .base, .video, .audio, .picture, .source,
            .dialog:
            return true
        default:
            return false
        }
    }

    /// Elements whose text no reader looks at, so it is not even kept: scripts (but for
    /// JSON-LD, which the tree keeps), styles, templates, embedded graphics.
    var textIsUnread: Bool {
        switch self {
        case .script, .style, .template, .svg, .math, .canvas: return true
        default: return false
        }
    }

    /// Elements that start a new block of text.
    public var isBlock: Bool {
        switch self {
        case .p, .div, .section, .article, .main, .header, .footer, .nav, .aside, .h1, .h2, .h3, .h4, .h5, .h6,
            .ul, .ol, .li, .dl, .dt, .dd, .blockquote, .pre, .table, .tr, .caption,
            .figure, .figcaption, .form, .fieldset, .address, .details, .summary, .hr, .br, .body, .html:
            return true
        default:
            return false
        }
    }

    /// Tags bucketed by name length and first letter, for a lookup without hashing.
    private static let buckets: [[(name: [UInt8], tag: HTMLTag)]] = {
        var buckets = [[(name: [UInt8], tag: HTMLTag)]](repeating: [], count: 17 * 32)
        for tag in allCases where tag != .other {
            let name = Array(tag.rawValue.utf8)
            buckets[bucket(length: name.count, first: name[0])].append((name, tag))
        }
        return buckets
    }()

    private static func bucket(length: Int, first: UInt8) -> Int {
        length * 32 + Int(first & 31)
    }

    /// The tag of a NUL-terminated element name as libxml2 stores it.
    init(cName: UnsafePointer<xmlChar>) {
        var length = 0
        while length <= 16 && cName[length] != 0 { length += 1 }
        guard length > 0, length <= 16 else {
            self = .other
            return
        }
        for entry in Self.buckets[Self.bucket(length: length, first: cName[0])] where entry.name.withUnsafeBufferPointer({
            memcmp($0.baseAddress!, cName, length) == 0
        }) {
            self = entry.tag
            return
        }
        self = .other
    }
}
