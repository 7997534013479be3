import Foundation

/// HTML in the making, in which every interpolated string is escaped unless it is itself
/// `Markup`: text from an article can only ever become text on the page.
///
///     let title = "<script>alert(1)</script>"
///     let heading: Markup = "<h1>\(title)</h1>"   // <h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>
struct Markup: ExpressibleByStringInterpolation, Sendable {
    private(set) var html: String

    init(stringLiteral value: String) {
        html = value
    }

    init(stringInterpolation: StringInterpolation) {
        html = stringInterpolation.html
    }

    /// Markup known to be safe, made by the server itself (never from article text).
    init(trusted html: String) {
        self.html = html
    }

    /// The same markup: lets a branch of a conditional be written `Markup("…")`.
    init(_ markup: Markup) {
        self = markup
    }

    static let empty = Markup(trusted: "")

    struct StringInterpolation: StringInterpolationProtocol {
        var html = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            html.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        mutating func appendLiteral(_ literal: String) {
            html += literal
        }

        /// Text: escaped for element content and quoted attribute values alike.
        mutating func appendInterpolation(_ text: String) {
            html += Markup.escape(text)
        }

        mutating func appendInterpolation(_ text: String?) {
            html += Markup.escape(text ?? "")
        }

        mutating func appendInterpolation(_ number: Int) {
            html += String(number)
        }

        mutating func appendInterpolation(_ markup: Markup) {
            html += markup.html
        }

        mutating func appendInterpolation(_ parts: [Markup]) {
            for part in parts { html += part.html }
        }
    }

    /// `&`, `<`, `>`, `"` and `'` as character references.
    static func escape(_ text: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}

/// Links to the server's own pages, with every value percent-encoded.
enum Link {
    /// `path?key=value&…`, leaving out absent and empty values.
    static func to(_ path: String, _ query: [(String, String?)] = []) -> String {
        let pairs = query.compactMap { key, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return "\(key)=\(encode(value))"
        }
        return pairs.isEmpty ? path : path + "?" + pairs.joined(separator: "&")
    }

    /// A value for a query string or a path segment: everything but unreserved characters escaped.
    static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// An address from an article that may be shown as a link: http and https only, so that
    /// `javascript:` and `data:` addresses stay text.
    static func external(_ address: String?) -> String? {
        guard let address, let url = URL(string: address), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https"
        else { return nil }
        return address
    }
}
