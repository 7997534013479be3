import ArgumentParser
import BylineCore
import BylineStore
import Foundation

extension QueryFormat: ExpressibleByArgument {}

/// The option every store command shares: where the database is.
struct StoreLocation: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The knowledge base: an SQLite file (made when missing) or a PostgreSQL server, postgres://user:password@host:port/database.",
        valueName: "path-or-url"))
    var db = "byline.db"

    /// Opens the store; one that cannot be opened is reported in one line and exits 2.
    func open() async throws -> any KnowledgeStore {
        try await Self.open(db)
    }

    /// Opens the store to answer questions: read-only when it is up to date (nothing to lock,
    /// write or sync), brought up to date first when it is not.
    func openForQueries() async throws -> any KnowledgeStore {
        if let store = try? await KnowledgeBase.open(db, readOnly: true) { return store }
        return try await open()
    }

    /// Opens the store at `location` (read-only when asked); one that cannot be opened is
    /// reported in one line and exits 2.
    static func open(_ location: String, readOnly: Bool = false) async throws -> any KnowledgeStore {
        do {
            return try await KnowledgeBase.open(location, readOnly: readOnly)
        } catch {
            FileHandle.standardError.write(Data("byline: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}

/// The options of the commands that list results.
struct ResultOptions: ParsableArguments {
    @Option(help: "Output format: table (readable), json, jsonl (one object per line) or csv.")
    var format: QueryFormat = .table

    @Option(help: "At most this many results (0 for all of them).")
    var limit = 50

    var writer: QueryWriter { QueryWriter(format: format) }
    var cap: Int? { limit > 0 ? limit : nil }
}

/// `byline search`: articles ranked by full-text relevance.
struct Search: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find stored articles by their words, best first, with the matching passage highlighted.")

    @Argument(help: "Words to find; \"a phrase\" in quotes, word* for a prefix.")
    var query: String
    @Option(help: ArgumentHelp("Only articles published on or after this day.", valueName: "YYYY-MM-DD"))
    var since: String?
    @Option(help: ArgumentHelp("Only articles published on or before this day.", valueName: "YYYY-MM-DD"))
    var until: String?
    @Option(help: "Only articles of this outlet (part of the publisher's name).")
    var outlet: String?
    @Option(help: "Only articles that mention this person.")
    var person: String?
    @OptionGroup var store: StoreLocation
    @OptionGroup var results: ResultOptions

    func run() async throws {
        let hits = try await store.openForQueries().search(
            ArticleSearch(text: query, since: since, until: until, outlet: outlet, person: person, limit: results.cap))
        try results.writer.write(hits)
    }
}

/// `byline person`: a person across articles.
struct Person: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A person across articles: name forms, roles with their dates, quotes, the people quoted beside them, articles.")

    @Argument(help: "The person's name (a full name, or one name for every person it begins or ends).")
    var name: String
    @OptionGroup var store: StoreLocation
    @Option(help: "Output format: table (readable), json (an object, or a list best match first), jsonl or csv.")
    var format: QueryFormat = .table

    func run() async throws {
        let people = try await store.openForQueries().entities(named: name, kind: .person)
        let writer = QueryWriter(format: format)
        guard format == .table, let best = people.first else {
            return try writer.write(people, single: true)
        }
        var lines = ["\(best.name)  (id \(best.id); in \(best.articleCount) articles, \(best.quoteCount) quotes)"]
        if !best.aliases.isEmpty { lines.append("also written: " + best.aliases.joined(separator: "; ")) }
        lines.append("roles:")
        lines += best.roles.map { "  \($0.citation.published.map { String($0.prefix(10)) } ?? "undated")  \([$0.title, $0.org].compactMap { $0 }.joined(separator: ", "))  [\($0.citation.outlet ?? $0.citation.uri)]" }
        lines.append("quotes:")
        lines += best.quotes.map { "  \($0.citation.published.map { String($0.prefix(10)) } ?? "undated")  \($0.text)" }
        if !best.quotedBeside.isEmpty { lines.append("quoted beside: " + best.quotedBeside.joined(separator: ", ")) }
        if people.count > 1 {
            lines.append("others of that name: " + people.dropFirst().map { "\($0.name) (id \($0.id))" }.joined(separator: ", "))
        }
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}

/// The options of the commands that list facts across articles (`quotes`, `claims`): the store
/// and the results, then which facts: who stated them, which words they hold.
struct FactListing: ParsableArguments {
    @OptionGroup var store: StoreLocation
    @OptionGroup var results: ResultOptions
    @Option(help: "Only facts stated by this person or organisation.")
    var by: String?
    @Option(help: "Only facts with these words: in the quote, or in the figure's subject or sentence.")
    var about: String?

    /// The query the options ask.
    var query: FactQuery { FactQuery(by: by, about: about, limit: results.cap) }
}

/// `byline quotes` and `byline claims`: one kind of fact across articles, newest first.
struct FactCommand<Fact: ListedFact>: AsyncParsableCommand {
    static var configuration: CommandConfiguration { Fact.command }

    @OptionGroup var listing: FactListing

    func run() async throws {
        let store = try await listing.store.openForQueries()
        try listing.results.writer.write(try await Fact.list(listing.query, in: store))
    }
}

/// `byline quotes`: quotes with their speaker across articles.
typealias Quotes = FactCommand<QuoteRow>
/// `byline claims`: figures across articles.
typealias Claims = FactCommand<ClaimRow>

/// A kind of fact that a command lists across articles.
protocol ListedFact: TabularRow {
    /// The command that lists it.
    static var command: CommandConfiguration { get }
    /// The facts of this kind that the query asks for.
    static func list(_ query: FactQuery, in store: any KnowledgeStore) async throws -> [Self]
}

extension QuoteRow: ListedFact {
    static let command = CommandConfiguration(
        commandName: "quotes", abstract: "Quotes with their speaker, the speaker's role at the time, date, outlet and article, newest first.")

    static func list(_ query: FactQuery, in store: any KnowledgeStore) async throws -> [QuoteRow] { try await store.quotes(query) }
}

extension ClaimRow: ListedFact {
    static let command = CommandConfiguration(
        commandName: "claims", abstract: "Figures claimed, with unit, subject, speaker, date and sentence, newest first.")

    static func list(_ query: FactQuery, in store: any KnowledgeStore) async throws -> [ClaimRow] { try await store.claims(query) }
}

/// `byline timeline`: dated milestones of one entity, or of two together.
struct TimelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "The dated milestones of A (and of A with B) across articles, in date order, each citing every article that states it.")

    @Argument(help: "A person, organisation or place.")
    var first: String
    @Argument(help: "A second one: only milestones of the two together.")
    var second: String?
    @OptionGroup var store: StoreLocation
    @Option(help: "Output format: table (readable), json, jsonl or csv.")
    var format: QueryFormat = .table

    func run() async throws {
        let candidates = try await store.openForQueries().timelineEntries(of: [first] + (second.map { [$0] } ?? []))
        try QueryWriter(format: format).write(Timeline.milestones(from: candidates))
    }
}

/// `byline stats`: counts over the store.
struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Articles, stories, outlets, people, quotes, facts and the date range.")

    @OptionGroup var store: StoreLocation
    @Option(help: "Output format: table (readable) or json.")
    var format: QueryFormat = .table

    func run() async throws {
        let statistics = try await store.openForQueries().statistics()
        guard format == .table else { return try QueryWriter(format: format).writeJSON(statistics) }
        let lines = [
            "articles        \(statistics.articles)", "stories         \(statistics.stories)",
            "outlets         \(statistics.outlets)", "people          \(statistics.people)",
            "organisations   \(statistics.organisations)", "places          \(statistics.places)",
            "quotes          \(statistics.quotes)", "claims          \(statistics.claims)",
            "milestones      \(statistics.milestones)",
            "published       \(statistics.firstPublished ?? "-") to \(statistics.lastPublished ?? "-")",
            "byline versions \(statistics.bylineVersions.joined(separator: ", "))",
        ]
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}

/// `byline export`: everything, streamed.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Every stored article with its entities, quotes and claims, uncapped and streamed: jsonl (one article per line) or csv (one fact per line).")

    @Option(help: "jsonl or csv.")
    var format: QueryFormat = .jsonl
    @OptionGroup var store: StoreLocation

    func validate() throws {
        guard format == .jsonl || format == .csv else { throw ValidationError("--format: export writes jsonl or csv") }
    }

    func run() async throws {
        let output = FileHandle.standardOutput
        let csv = format == .csv
        if csv { output.write(Data(CSV.document([ExportedFact]()).utf8)) }
        try await store.openForQueries().exportArticles { article in
            if csv {
                output.write(Data(CSV.document(ExportedFact.rows(of: article), header: false).utf8))
            } else {
                var line = try QueryWriter.compact.encode(article)
                line.append(0x0A)
                output.write(line)
            }
        }
    }
}

/// One line of `byline export --format csv`: an entity mention, a quote or a claim.
struct ExportedFact: TabularRow {
    static let headers = ["article", "published", "outlet", "story", "fact", "entity", "name", "text", "value", "unit", "subject"]
    let cells: [String]

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(cells)
    }

    static func rows(of article: ExportedArticle) -> [ExportedFact] {
        let head = [article.citation.article, article.citation.published ?? "", article.citation.outlet ?? "", article.story.map(String.init) ?? ""]
        var rows = article.entities.map { ExportedFact(cells: head + ["entity", String($0.id), $0.name, $0.type, String($0.mentions), "", ""]) }
        rows += article.quotes.map { ExportedFact(cells: head + ["quote", $0.speakerID.map(String.init) ?? "", $0.speaker ?? "", $0.text, "", "", ""]) }
        rows += article.claims.map {
            ExportedFact(cells: head + ["claim", $0.speakerID.map(String.init) ?? "", $0.speaker ?? "", $0.text, String($0.value), $0.unit ?? "", $0.subject ?? ""])
        }
        return rows
    }
}

/// `byline people`: the merges behind a person, and undoing one.
struct People: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "How people, organisations and places were merged across articles, and undoing a merge.",
        subcommands: [Links.self, Split.self])

    /// `byline people links ID`.
    struct Links: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every article mention merged into an entity, with the reason.")

        @Argument(help: "The entity's id (as `byline person` shows it).")
        var id: Int64
        @OptionGroup var store: StoreLocation
        @OptionGroup var results: ResultOptions

        func run() async throws {
            try results.writer.write(try await store.openForQueries().links(of: id))
        }
    }

    /// `byline people split ID --name FORM`.
    struct Split: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Undo a merge: the article mentions written as NAME leave the entity for a new one, whose id is printed.")

        @Argument(help: "The entity's id.")
        var id: Int64
        @Option(help: "The name form whose mentions move to a new entity.")
        var name: String
        @OptionGroup var store: StoreLocation

        func run() async throws {
            do {
                let new = try await store.open().split(entity: id, nameForm: name)
                FileHandle.standardOutput.write(Data("\(new)\n".utf8))
            } catch let error as BylineError {
                FileHandle.standardError.write(Data("byline: \(error)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}
