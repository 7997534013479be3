/// Queries both back ends run as written, since SQLite's and PostgreSQL's dialects agree on
/// them: written once, each back end adding its own placeholders and paging.
enum SharedSQL {
    /// One article's columns and citation (`a` is the article), to be followed by a WHERE clause.
    static let article = """
        SELECT a.number, a.format, a.authors, a.language, a.url, a.text, a.bylineVersion, a.story,
               a.id AS articleId, a.uri AS articleUri, a.title AS articleTitle, a.publisher AS articleOutlet,
               a.published AS articlePublished
        FROM article a
        """

    /// The entities of the article whose number is the placeholder `article`, by rank.
    static func articleEntities(article: String) -> String {
        """
        SELECT l.localId, l.entityId, e.type, l.name, l.mentions FROM entityLink l JOIN entity e ON e.id = l.entityId
        WHERE l.articleNumber = \(article) ORDER BY l.rank
        """
    }

    /// Entities with their article and quote counts, most articles first.
    static func entityList(where filters: [String], page: String) -> String {
        let whereClause = filters.isEmpty ? "" : "WHERE " + filters.joined(separator: " AND ")
        return """
            SELECT e.id, e.type, e.name, count(DISTINCT l.articleNumber) AS articles,
                   (SELECT count(*) FROM quote q WHERE q.speakerId = e.id) AS quotes
            FROM entity e JOIN entityLink l ON l.entityId = e.id \(whereClause)
            GROUP BY e.id ORDER BY articles DESC, e.id \(page)
            """
    }
}
