import CLibXML2

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

    /// Elements that start a new block of text.
    public var isBlock: Bool {
        switch self {
        case .p, .div, .section, .article, .main, .header, .footer, .nav, .aside, .h1, .h2, .h3, .h4, .h5, .h6,
            .ul, .ol, .li, .dl, .dt, .dd, .blockquote, .pre, .table, .thead, .tbody, .tfoot, .tr, .td, .th, .caption,
            .figure, .figcaption, .form, .fieldset, .address, .details, .summary, .hr, .br, .body, .html:
            return true
        default:
            return false
        }
    }

    /// Headings `h1` … `h6`.
    public var isHeading: Bool {
        switch self {
        case .h1, .h2, .h3, .h4, .h5, .h6: return true
        default: return false
        }
    }

    private struct Key: Hashable {
        let low: UInt64
        let high: UInt64
    }

    /// Tags keyed by their names' bytes (names longer than 16 bytes are no known tag).
    private static let byName: [Key: HTMLTag] = {
        var table: [Key: HTMLTag] = [:]
        for tag in allCases where tag != .other {
            var bytes = Array(tag.rawValue.utf8)
            bytes.withUnsafeMutableBufferPointer { buffer in
                table[key(buffer.baseAddress!, count: buffer.count)!] = tag
            }
            bytes.removeAll()
        }
        return table
    }()

    private static func key(_ name: UnsafePointer<UInt8>, count: Int) -> Key? {
        guard count <= 16 else { return nil }
        var low: UInt64 = 0
        var high: UInt64 = 0
        for i in 0..<count {
            let byte = UInt64(name[i])
            if i < 8 { low |= byte << (8 * UInt64(i)) } else { high |= byte << (8 * UInt64(i - 8)) }
        }
        return Key(low: low, high: high)
    }

    /// The tag of a NUL-terminated element name as libxml2 stores it.
    init(cName: UnsafePointer<xmlChar>) {
        var count = 0
        while count <= 16 && cName[count] != 0 { count += 1 }
        guard let key = Self.key(cName, count: count), let tag = Self.byName[key] else {
            self = .other
            return
        }
        self = tag
    }
}
