import BylineStore

/// The frame of every page: the navigation, the title, the content.
enum Layout {
    static func page(_ title: String, _ content: Markup, script: Bool = false) -> String {
        let page: Markup = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">
            <title>\(title) · Byline</title><link rel="stylesheet" href="/static/site.css">\(script ? Markup(trusted: "<script src=\"/static/byline.js\" defer></script>") : .empty)</head>
            <body><header><a class="brand" href="/">Byline</a><nav>
            <a href="/">Search</a><a href="/people">People</a><a href="/quotes">Quotes</a><a href="/claims">Claims</a><a href="/timeline">Timeline</a><a href="/attention">Attention</a><a href="/analyze">Analyze</a>
            </nav></header>
            <main>\(content)</main>
            <footer>Byline · every fact cites its sentence · <a href="/api/v1/openapi.json">API</a></footer>
            </body></html>
            """
        return page.html
    }

    /// "Export: JSON · CSV" links for every row of a list the API answers at `path`.
    static func exports(_ path: String, _ query: [(String, String?)]) -> Markup {
        let json = Link.to(path, query + [("all", "true")])
        let csv = Link.to(path, query + [("all", "true"), ("format", "csv")])
        return "<p class=\"exports\">Export every row: <a href=\"\(json)\" class=\"export-json\">JSON</a> · <a href=\"\(csv)\" class=\"export-csv\">CSV</a></p>"
    }

    /// A "next page" link when there is one.
    static func next(_ path: String, _ query: [(String, String?)], cursor: String?) -> Markup {
        guard let cursor else { return .empty }
        return "<p class=\"pager\"><a rel=\"next\" href=\"\(Link.to(path, query + [("cursor", cursor)]))\">Next page →</a></p>"
    }

    /// The publication day of a cited article.
    static func day(_ citation: ArticleCitation) -> String {
        citation.published.map { String($0.prefix(10)) } ?? "undated"
    }

    /// A link to the article a row cites, named by its title.
    static func articleLink(_ citation: ArticleCitation, at start: Int? = nil) -> Markup {
        let anchor = start.map { "#c\($0)" } ?? ""
        return "<a href=\"/articles/\(citation.article)\(anchor)\">\(citation.title ?? citation.uri)</a>"
    }

    /// A search's snippet: the article's words escaped, the store's `<b>` highlights kept.
    static func snippet(_ text: String) -> Markup {
        var parts: [Markup] = []
        for (index, piece) in text.components(separatedBy: "<b>").enumerated() {
            if index == 0 {
                parts.append("\(piece)")
                continue
            }
            let closed = piece.components(separatedBy: "</b>")
            parts.append("<mark>\(closed[0])</mark>\(closed.dropFirst().joined(separator: ""))")
        }
        return "\(parts)"
    }

    /// A text field of a search form.
    static func field(_ name: String, _ label: String, _ value: String?, type: String = "text", placeholder: String = "") -> Markup {
        "<label>\(label) <input type=\"\(type)\" name=\"\(name)\" value=\"\(value ?? "")\" placeholder=\"\(placeholder)\"></label>"
    }
}
