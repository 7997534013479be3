import BylineCore

/// The meta tags read for each metadata field, strongest first, from `meta-keys.tsv`.
struct MetaTagKeys: Sendable {
    /// A metadata field that meta tags fill.
    enum Field: String, CaseIterable, Sendable {
        case title, publisher, published, modified, author, url, language
        /// Tags that say only "date" (read after the page's `<time>` elements).
        case date
        /// The lead image's address, whose path may hold the upload day.
        case image
    }

    private let keys: [Field: [String]]

    static let shared = MetaTagKeys(DataFile(PackageResources.meta_keys_tsv))

    init(_ file: DataFile) {
        var ranked: [Field: [(rank: Int, key: String)]] = [:]
        for row in file.rows where row.count == 3 {
            guard let field = Field(rawValue: row[0]), let rank = Int(row[1]) else { continue }
            ranked[field, default: []].append((rank, row[2]))
        }
        keys = ranked.mapValues { $0.sorted { $0.rank < $1.rank }.map(\.key) }
    }

    /// The keys of `field`, by rank.
    subscript(field: Field) -> [String] { keys[field] ?? [] }
}
