import BylineCore
import BylineHTML
import Foundation

/// Reads an HTML page's metadata in a fixed order of precedence: JSON-LD, then meta tags (Open
/// Graph, Twitter, Dublin Core, `itemprop`, plain names), then `<time>` elements and other
/// elements near the headline, then the URL. A field is filled only while it is empty, and the
/// rule that filled it is recorded in ``Metadata/filledBy``.
struct HTMLMetadataReader {
    let stage: String
    private(set) var metadata = Metadata()

    init(stage: String) {
        self.stage = stage
    }

    // MARK: Filling

    private mutating func fill(_ field: WritableKeyPath<Metadata, String?>, _ name: String, _ value: String?, rule: String) {
        guard metadata[keyPath: field] == nil, let value = Self.clean(value) else { return }
        metadata[keyPath: field] = value
        metadata.filledBy[name] = Provenance(stage: stage, rule: rule)
    }

    /// UTC offsets other than zero that the page's timestamps state: the publisher's zone.
    private var zoneHints: [Int: Int] = [:]

    private mutating func noteZone(_ date: DateStamp) {
        if let offset = date.utcOffsetMinutes, offset != 0 { zoneHints[offset, default: 0] += 1 }
    }

    private mutating func fillDate(_ field: WritableKeyPath<Metadata, DateStamp?>, _ name: String, _ value: String?, rule: String) {
        guard let value, let date = DateText.parse(value), DateText.plausible(date) else { return }
        noteZone(date)
        guard metadata[keyPath: field] == nil else { return }
        metadata[keyPath: field] = date
        metadata.filledBy[name] = Provenance(stage: stage, rule: rule)
    }

    private mutating func fillAuthors(_ names: [String], rule: String) {
        guard metadata.authors.isEmpty else { return }
        var seen: Set<String> = []
        // A bar sets the name off from the employer ("Ana Ruiz | Harbor Media for Example.com").
        let authors = names.compactMap(Self.clean).compactMap { $0.components(separatedBy: " | ").first }.filter { name in
            !name.contains("://") && !name.hasPrefix("@") && name.count <= 80 && seen.insert(name).inserted
        }
        guard !authors.isEmpty else { return }
        metadata.authors = authors
        metadata.filledBy["authors"] = Provenance(stage: stage, rule: rule)
    }

    static func clean(_ value: String?) -> String? {
        guard let value else { return nil }
        let folded = BlockCollector.folded(Array(HTMLEntities.decode(value).utf8))
        return folded.isEmpty ? nil : folded
    }

    // MARK: Sources

    /// Reads every source the walks over the page sighted, strongest first.
    mutating func read(_ sightings: MetadataSightings) {
        let metas = sightings.metas
        let times = sightings.times
        for text in sightings.jsonLD { readJSONLD(text) }
        readMetaTags(metas)
        for datetime in times.map(\.datetime) + sightings.commentTimes { if let date = DateText.parse(datetime) { noteZone(date) } }
        fill(\.url, "url", sightings.canonical, rule: "link-canonical")
        if let language = sightings.language.flatMap(Self.primaryLanguage) {
            fill(\.language, "language", language, rule: "html-lang")
        }
        fill(\.title, "title", sightings.title, rule: "title-element")
    }

    /// Meta tags, by the precedence of their vocabularies (ranked in `meta-keys.tsv`).
    private mutating func readMetaTags(_ metas: [String: String]) {
        let keys = MetaTagKeys.shared
        for key in keys[.title] {
            fill(\.title, "title", metas[key], rule: "meta-\(key)")
        }
        for key in keys[.publisher] {
            fill(\.publisher, "publisher", metas[key]?.hasPrefix("@") == true ? nil : metas[key], rule: "meta-\(key)")
        }
        for key in keys[.published] {
            fillDate(\.published, "published", metas[key], rule: "meta-\(key)")
        }
        for key in keys[.modified] {
            fillDate(\.modified, "modified", metas[key], rule: "meta-\(key)")
        }
        for key in keys[.author] {
            if let value = metas[key] {
                fillAuthors(AuthorLine.authors(in: value) ?? AuthorLine.namesWithoutRoles(in: value) ?? [value], rule: "meta-\(key)")
            }
        }
        for key in keys[.url] {
            fill(\.url, "url", metas[key], rule: "meta-\(key)")
        }
        for key in keys[.language] {
            if let value = metas[key].flatMap(Self.primaryLanguage) {
                fill(\.language, "language", value, rule: "meta-\(key)")
            }
        }
    }

    /// "en-US", "en_GB" → "en".
    static func primaryLanguage(_ tag: String) -> String? {
        let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.asciiLowercased() }
        guard let primary, (2...3).contains(primary.count), primary.allSatisfy({ $0.isLetter && $0.isASCII }) else { return nil }
        return primary
    }

    // MARK: JSON-LD

    /// `uploadDate` of JSON-LD media objects (`VideoObject`), read after `<time>` elements.
    private var mediaUploads: [String] = []

    private static let articleTypes: Set<String> = [
        "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "reviewnewsarticle", "backgroundnewsarticle", "blogposting", "socialmediaposting", "liveblogposting",
        "scholarlyarticle", "techarticle", "report",
    ]

    private mutating func readJSONLD(_ text: String) {
        // Some pages put several JSON values in one script, or leave junk after the first.
        let objects = Self.jsonValues(in: Array(text.utf8)).compactMap { value in
            (try? JSONSerialization.jsonObject(with: Data(value), options: [.fragmentsAllowed]))
                ?? (try? JSONSerialization.jsonObject(with: Data(Self.controlsEscaped(value)), options: [.fragmentsAllowed]))
        }
        guard !objects.isEmpty else { return }
        var articles: [[String: Any]] = []
        var pages: [[String: Any]] = []
        var others: [[String: Any]] = []
        var organizations: [[String: Any]] = []
        var pending: [Any] = objects.reversed()
        while let next = pending.popLast() {
            if let array = next as? [Any] {
                pending.append(contentsOf: array.reversed())
            } else if let dictionary = next as? [String: Any] {
                if let graph = dictionary["@graph"] { pending.append(graph) }
                let types = Self.types(dictionary["@type"])
                if !types.isDisjoint(with: Self.articleTypes) {
                    articles.append(dictionary)
                } else if types.contains("webpage") {
                    pages.append(dictionary)
                    if let name = dictionary["name"] as? String { headlines.append(name) }
                } else if !types.isDisjoint(with: Self.organizationTypes) {
                    organizations.append(dictionary)
                } else if dictionary["datePublished"] != nil {
                    others.append(dictionary)
                } else if let uploaded = dictionary["uploadDate"] as? String {
                    mediaUploads.append(uploaded)
                }
            }
        }
        let ranked = articles.map { ($0, "json-ld-article") } + pages.map { ($0, "json-ld-webpage") } + others.map { ($0, "json-ld-other") }
        for (article, rule) in ranked {
            if let headline = article["headline"] as? String { headlines.append(headline) }
            fill(\.title, "title", article["headline"] as? String ?? article["name"] as? String, rule: rule)
            fillDate(\.published, "published", article["datePublished"] as? String ?? article["dateCreated"] as? String, rule: rule)
            fillDate(\.modified, "modified", article["dateModified"] as? String, rule: rule)
            fillAuthors(Self.names(article["author"], people: true) + Self.names(article["creator"], people: true), rule: rule)
            fill(\.publisher, "publisher", Self.names(article["publisher"]).first, rule: rule)
            fill(\.url, "url", article["url"] as? String ?? (article["mainEntityOfPage"] as? [String: Any])?["@id"] as? String, rule: rule)
            if let language = (article["inLanguage"] as? String).flatMap(Self.primaryLanguage) {
                fill(\.language, "language", language, rule: rule)
            }
        }
        pendingOrganizations += organizations.compactMap { $0["name"] as? String }
    }

    /// Types of JSON-LD objects that are organisations, never authors.
    private static let organizationTypes: Set<String> = [
        "organization", "newsmediaorganization", "corporation", "newsorganization", "mediaorganization",
    ]

    /// Names of organisations the page describes in JSON-LD of their own: the publisher when
    /// nothing else names one.
    private var pendingOrganizations: [String] = []

    /// Headlines the page's JSON-LD gives (article headlines, page names): witnesses of the
    /// visible headline.
    private var headlines: [String] = []

    /// JSON whose strings hold raw line breaks or tabs, as some pages write it, with each such
    /// control character inside a string turned into a space: JSON forbids them there.
    static func controlsEscaped(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out = Array(bytes)
        var inString = false
        var escaped = false
        for i in out.indices {
            let byte = out[i]
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false } else if byte < 0x20 { out[i] = 0x20 }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            }
        }
        return out
    }

    /// The top-level JSON values in `bytes`, each as its own bytes: brackets are matched,
    /// strings (with their escapes) passed over.
    static func jsonValues(in bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var values: [ArraySlice<UInt8>] = []
        var depth = 0
        var start: Int?
        var inString = false
        var escaped = false
        for (i, byte) in bytes.enumerated() {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if depth == 0 { start = i }
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard depth > 0 else { continue }
                depth -= 1
                if depth == 0, let from = start {
                    values.append(bytes[from...i])
                    start = nil
                }
            default:
                break
            }
        }
        return values
    }

    private static func types(_ value: Any?) -> Set<String> {
        if let single = value as? String { return [single.asciiLowercased()] }
        if let many = value as? [Any] { return Set(many.compactMap { ($0 as? String)?.asciiLowercased() }) }
        return []
    }

    /// The names in a JSON-LD person or organisation value: a string, an object with `name`,
    /// or an array of either. With `people`, objects typed as organisations are left out (an
    /// article "by" its newsroom has no author).
    private static func names(_ value: Any?, people: Bool = false) -> [String] {
        if let name = value as? String { return [name] }
        if let object = value as? [String: Any] {
            if people, !types(object["@type"]).isDisjoint(with: organizationTypes) { return [] }
            return (object["name"] as? String).map { [$0] } ?? []
        }
        if let array = value as? [Any] { return array.flatMap { names($0, people: people) } }
        return []
    }

    // MARK: Fallbacks from the body

    /// Fills what is still empty from the page's date elements, its text and the URL.
    mutating func readFallbacks(blocks: [TextBlock], sightings: MetadataSightings, headlines: [String], source: [UInt8]) {
        dayFirst = DateText.writesDayFirst(languageTag: sightings.language ?? sightings.metas["og:locale"] ?? sightings.metas["content-language"])
        preferVisibleHeadline(headlines, sightings: sightings)
        fill(\.title, "title", headlines.first, rule: "h1")
        preferShownModification(blocks)
        readPageDates(blocks: blocks, sightings: sightings, source: source)
        for name in pendingOrganizations { fill(\.publisher, "publisher", name, rule: "json-ld-organization") }
        readAuthorLine(blocks)
        // The publisher is no author: an unsigned story names none.
        if let publisher = metadata.publisher.map({ Self.nameKey($0) }), metadata.authors.contains(where: { Self.nameKey($0) == publisher }) {
            metadata.authors.removeAll { Self.nameKey($0) == publisher }
            if metadata.authors.isEmpty { metadata.filledBy["authors"] = nil }
        }
    }

    /// A name compared without case, spaces and punctuation.
    static func nameKey(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
    }

    /// The headline readers see: the first `<h1>` that another title of the page (a meta
    /// title, the `<title>` before the site's name, a JSON-LD headline) repeats wins over a
    /// title from the metadata that differs from it, such as a headline written for search
    /// engines or social media.
    private mutating func preferVisibleHeadline(_ candidates: [String], sightings: MetadataSightings) {
        let witnesses = ([sightings.metas["og:title"], sightings.metas["twitter:title"], sightings.title].compactMap { $0 } + headlines)
            .compactMap { Self.clean($0)?.lowercased() }
        for candidate in candidates.prefix(Self.headlineCandidates) {
            guard ScrapedLine(candidate).words >= Self.shortestHeadlineWords, let title = metadata.title else { continue }
            let key = Self.nameKey(candidate)
            let lowered = candidate.lowercased()
            guard key != Self.nameKey(title), witnesses.contains(where: { witness in
                Self.nameKey(witness) == key || Self.siteName(after: lowered, in: witness)
            }) else { continue }
            metadata.title = candidate
            metadata.filledBy["title"] = Provenance(stage: stage, rule: "h1-seconded")
            return
        }
    }

    /// Whether `title` is `headline` followed by a separator and a site's name ("Budget passes
    /// - The Courier").
    static func siteName(after headline: String, in title: String) -> Bool {
        guard title.hasPrefix(headline) else { return false }
        let rest = title.dropFirst(headline.count).trimmingWhiteSpace()
        guard let mark = rest.first, "-|–—:·»/".contains(mark) else { return false }
        return rest.count <= siteNameCharacters
    }

    /// How many `<h1>` elements are weighed as the headline (a page may set its logo in one).
    static let headlineCandidates = 3
    /// A headline has at least this many words ("Warning", "Menu" are labels).
    static let shortestHeadlineWords = 3
    /// The most characters a site's name adds after a headline in a `<title>` (" - The Daily
    /// Courier").
    static let siteNameCharacters = 40

    /// The author line nearest the headline: it names the authors when the metadata does not,
    /// and wins over metadata that names only some of them.
    private mutating func readAuthorLine(_ blocks: [TextBlock]) {
        let short = blocks.prefix(Self.authorLineBlocks).filter { $0.characters <= Self.authorLineCharacters }
        let visible = short.lazy.filter(\.underHeadline).compactMap { AuthorLine.authors(in: $0.text) }.first
        if let visible, !metadata.authors.isEmpty {
            let known = Set(metadata.authors.map(Self.nameKey))
            let seen = Set(visible.map(Self.nameKey))
            if seen.count > known.count, known.isSubset(of: seen) {
                metadata.authors = []
                fillAuthors(visible, rule: "author-line-under-headline")
            }
            return
        }
        if let visible {
            fillAuthors(visible, rule: "author-line-under-headline")
            return
        }
        guard metadata.authors.isEmpty else { return }
        for block in short {
            if let authors = AuthorLine.authors(in: block.text) {
                fillAuthors(authors, rule: "author-line")
                return
            }
        }
    }

    /// Author lines are looked for in this many blocks from the top of the page …
    static let authorLineBlocks = 400
    /// … that are at most this many characters long.
    static let authorLineCharacters = 120

    /// The publication date from the page itself when its metadata gives none, strongest
    /// first: what stands under the headline or is marked as the publication date, then dates
    /// the page labels, other `<time>` and date elements, dates in the text, the URL, the lead
    /// image's path, and any date written in the source. Then the date is put in the
    /// publisher's time zone.
    private mutating func readPageDates(blocks: [TextBlock], sightings: MetadataSightings, source: [UInt8]) {
        // A time right under the headline stamps the article; marked times elsewhere may stamp
        // teasers and comments.
        for time in sightings.times where time.underHeadline {
            fillDate(\.published, "published", time.datetime, rule: "time-under-headline")
        }
        for value in sightings.datePublished {
            fillDate(\.published, "published", value, rule: "itemprop-datepublished")
            fillFirstDate(in: value, rule: "itemprop-datepublished")
        }
        let urlDate = metadata.url.flatMap { DateText.inURL($0) }
        for element in sightings.dateTexts where element.underHeadline {
            fillFirstDate(in: element.text, rule: "date-element-under-headline")
        }
        // A date the page labels as the publication's, in a short block anywhere.
        for block in blocks where block.characters <= Self.textScanCharacters && metadata.published == nil {
            guard block.text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }),
                let (field, date) = DateText.labeled(in: block.text, dayFirst: dayFirst), field == .published
            else { continue }
            fillFirstDate(date, rule: "date-labeled")
        }
        for time in sightings.times where time.marked {
            fillDate(\.published, "published", time.datetime, rule: "time-pubdate")
        }
        if let first = sightings.times.first { fillDate(\.published, "published", first.datetime, rule: "time-datetime") }
        // A page that is a video's home dates itself by the upload.
        for uploaded in mediaUploads { fillDate(\.published, "published", uploaded, rule: "json-ld-upload-date") }
        for block in blocks where block.underHeadline && block.characters <= Self.textScanCharacters {
            fillFirstDate(in: block.text, rule: "date-text-under-headline")
        }
        // Meta tags that say only "date" may mean any date; a date printed under the headline
        // says more.
        for key in MetaTagKeys.shared[.date] {
            fillDate(\.published, "published", sightings.metas[key], rule: "meta-\(key)")
        }
        for element in sightings.dateTexts { fillFirstDate(in: element.text, rule: "date-element") }
        // Any other meta tag that names a date of creation or publication.
        for (key, value) in sightings.metas.sorted(by: { $0.key < $1.key })
        where (key.containsBytes("date") || key.containsBytes("publish") || key.containsBytes("created"))
            && !key.containsBytes("modif") && !key.containsBytes("updat") && !key.containsBytes("expir")
        {
            fillDate(\.published, "published", value, rule: "meta-other-date")
        }
        if metadata.published == nil, let date = DateText.inEmbeddedJSON(source, keys: Self.jsonDateKeys) {
            fillFirstDate(date, rule: "embedded-json")
        }
        if metadata.published == nil, let date = printedDates(blocks).first { fillFirstDate(date, rule: "date-in-text") }
        if let urlDate, urlDate.day != nil { fillFirstDate(urlDate, rule: "url-path") }
        // The path of the page's lead image, where publishing systems file uploads by day.
        for key in MetaTagKeys.shared[.image] {
            if let image = sightings.metas[key], let date = DateText.inURL(image, fileTimestamps: true), date.day != nil {
                fillFirstDate(date, rule: "image-url")
            }
        }
        // Last, any date written in the source (a script, a comment, a link): the first one
        // in the month a month-only URL names, else the first.
        if metadata.published == nil {
            let written = DateText.inSource(source)
            let inMonth = urlDate.flatMap { url in written.first { $0.year == url.year && $0.month == url.month } }
            if let date = urlDate == nil ? written.first : inMonth { fillFirstDate(date, rule: "source-scan") }
        }
        if let urlDate { fillFirstDate(urlDate, rule: "url-path", monthEnough: true) }
        // A timestamp in UTC can fall on the day before or after the local date the URL carries.
        if let urlDate, urlDate.day != nil, let published = metadata.published, published.hour != nil,
            published.utcOffsetMinutes == 0 || published.utcOffsetMinutes == nil,
            let days = DateText.daysBetween(urlDate, published), abs(days) == 1
        {
            metadata.published = urlDate
            metadata.filledBy["published"] = Provenance(stage: stage, rule: "url-path-local-date")
        }
        // A timestamp written in UTC is the publisher's local time when the page states its zone.
        if let published = metadata.published, published.utcOffsetMinutes == 0,
            let zone = zoneHints.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key,
            let local = published.converted(toUTCOffset: zone)
        {
            metadata.published = local
        } else if let published = metadata.published, published.utcOffsetMinutes == 0, let hour = published.hour,
            hour >= 22, published.minute == 0, published.second ?? 0 == 0,
            let local = published.converted(toUTCOffset: (24 - hour) * 60)
        {
            // 22:00 or 23:00 UTC on the hour is a date-only stamp stored as local midnight east of
            // Greenwich (UTC+2, UTC+1): the day meant is the next one.
            metadata.published = local
        }
    }

    /// A page whose metadata gives a publication and a later modification date, but whose
    /// printed stamps show only the modification's day, presents itself as of that day: the
    /// date a reader of the page sees is its date, whether the stamp is labelled as the
    /// publication's or as an update ("Updated: 20 March 2021").
    private mutating func preferShownModification(_ blocks: [TextBlock]) {
        guard let published = metadata.published, let modified = metadata.modified, !Self.sameDay(published, modified) else { return }
        let shown = printedDates(blocks).stamps
        guard shown.contains(where: { Self.sameDay($0, modified) }), !shown.contains(where: { Self.sameDay($0, published) }) else { return }
        metadata.published = modified
        metadata.filledBy["published"] = Provenance(stage: stage, rule: "stamp-shows-modified")
    }

    /// The dates the page prints in its text, read in one walk over its first blocks when a
    /// rule first asks for them.
    private mutating func printedDates(_ blocks: [TextBlock]) -> PrintedDates {
        if let printed { return printed }
        var found = PrintedDates()
        var textBlocks = 0
        for (index, block) in blocks.enumerated() {
            let stampReach = index < Self.textScanBlocks
            let looksForFirst = found.first == nil && textBlocks < Self.textScanBlocks
            guard stampReach || looksForFirst else { break }
            // Menus come first on many pages: their links are passed over, not counted.
            let textReach = looksForFirst && block.linkDensity < Self.textScanLinkDensity
            if textReach { textBlocks += 1 }
            guard stampReach || textReach, block.text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { continue }
            // Furniture (a site header's clock, comments, teasers) prints other dates, and so
            // does what stands before the headline.
            if stampReach, block.afterHeadline, block.characters <= Self.stampCharacters, block.furniture.isEmpty,
                let stamps = PublicationStamp.parse(block.text)
            {
                found.stamps += stamps.map(\.date)
            }
            if textReach {
                // A long block is prose, where dates are events; but a dateline may open it.
                let text = block.characters <= Self.textScanCharacters ? block.text : String(block.text.prefix(Self.datelineCharacters))
                if let date = DateText.first(in: text, dayFirst: dayFirst), Self.canBePublished(date) { found.first = date }
            }
        }
        printed = found
        return found
    }

    /// Whether two dates name the same calendar day as written.
    static func sameDay(_ a: DateStamp, _ b: DateStamp) -> Bool {
        a.day != nil && a.year == b.year && a.month == b.month && a.day == b.day
    }

    /// A block that is a printed stamp is at most this long ("Updated: 12 March 2025, 14:05 CET").
    static let stampCharacters = 60

    /// Keys of embedded JSON that hold a publication date, from `json-date-keys.txt`.
    static let jsonDateKeys = DataFile(PackageResources.json_date_keys_txt).lines

    /// Blocks made (almost) only of links are menus, passed over by the date search; a date
    /// beside a category link ("24. April 2020 | Press releases") is not.
    static let textScanLinkDensity = 0.9

    /// How many blocks from the top of the page are searched for a date in the text.
    static let textScanBlocks = 300
    /// Blocks longer than this are prose, where dates are events rather than the stamp.
    static let textScanCharacters = 160
    /// How much of the start of a prose block is searched for a dateline.
    static let datelineCharacters = 24

    /// How the page writes slashed dates, from its language tag.
    private var dayFirst: Bool?
    /// The dates printed in the page's text, once read.
    private var printed: PrintedDates?

    private mutating func fillFirstDate(in text: String, rule: String) {
        guard metadata.published == nil, text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }),
            let date = DateText.first(in: text, dayFirst: dayFirst)
        else { return }
        fillFirstDate(date, rule: rule)
    }

    private mutating func fillFirstDate(_ date: DateStamp, rule: String, monthEnough: Bool = false) {
        guard metadata.published == nil, Self.canBePublished(date, monthEnough: monthEnough) else { return }
        metadata.published = date
        metadata.filledBy["published"] = Provenance(stage: stage, rule: rule)
    }

    /// Whether a date read from the page can be its publication date: plausible, and with a day
    /// (or only a month, where the rule says a month is enough).
    static func canBePublished(_ date: DateStamp, monthEnough: Bool = false) -> Bool {
        DateText.plausible(date) && (date.day != nil || (monthEnough && date.month != nil))
    }
}

/// The dates a page prints in the text of its first blocks.
struct PrintedDates {
    /// The dates of stamps (of publication or update) printed after the headline, outside
    /// page furniture.
    var stamps: [DateStamp] = []
    /// The first date with a day in the text: the page's date when nothing else gives one.
    var first: DateStamp?
}

/// The metadata elements a walk over the page passes: meta tags, JSON-LD scripts, the title,
/// the canonical link, `<time>` elements and the document's language.
struct MetadataSightings {
    var metas: [String: String] = [:]
    var jsonLD: [String] = []
    var title: String?
    var canonical: String?
    var times: [(datetime: String, marked: Bool, underHeadline: Bool)] = []
    /// Text blocks passed since the last `<h1>` began, nil before the first.
    var blocksSinceHeadline: Int?
    /// Whether a heading that repeats the title was met: later headings head other things.
    var headlineFound = false
    var language: String?
    /// Values of elements marked `itemprop="datePublished"` that are not meta tags.
    var datePublished: [String] = []
    /// The first text of elements whose class or id speaks of dates, in page order.
    var dateTexts: [(text: String, underHeadline: Bool)] = []
    /// Whether the walk is inside a section of readers' comments, whose times date the
    /// comments rather than the article.
    var inComments = false
    /// The `datetime` values of `<time>` elements in readers' comments: they tell the site's
    /// time zone, never the article's date.
    var commentTimes: [String] = []

    /// How many text blocks after a headline (its own included) a `<time>` may come and still
    /// stamp the article under it: the headline, a kicker or standfirst, the byline line.
    /// Calibrated on htmldate's evaluation set (1,000 pages): 4 to 6 score alike, 3 a page less.
    static let headlineReach = 4
    /// How many date elements are read; the date sits near the headline.
    static let maximumDateElements = 24
    /// How much of a date element's text is read.
    static let dateTextLimit = 160

    /// Whether the walk is within reach of the last headline.
    var isUnderHeadline: Bool { blocksSinceHeadline.map { $0 <= Self.headlineReach } ?? false }

    /// Whether `text` (a heading's) is the page's title, or the title's leading part before
    /// the site's name.
    func repeatsTitle(_ text: String) -> Bool {
        guard text.utf8.count >= Self.shortestTitleRepeat, let title = metas["og:title"] ?? title else { return false }
        return BlockCollector.folded(Array(title.utf8)).hasPrefix(text)
    }

    /// Headings shorter than this ("News", "Home") repeat titles by chance. Set by hand: the
    /// shortest headlines of the benchmark pages run to about 25 characters.
    static let shortestTitleRepeat = 20

    mutating func noteDatePublished(_ node: HTMLNode) {
        let values = node.attributes(["content", "datetime", "title"])
        datePublished.append(values[0] ?? values[1] ?? values[2] ?? node.textPrefix(limit: Self.dateTextLimit))
    }

    mutating func noteDateElement(_ node: HTMLNode) {
        guard dateTexts.count < Self.maximumDateElements else { return }
        let values = node.attributes(["datetime", "title", "content"])
        let underHeadline = isUnderHeadline
        for value in values.compactMap({ $0 }) { dateTexts.append((value, underHeadline)) }
        dateTexts.append((node.textPrefix(limit: Self.dateTextLimit), underHeadline))
    }

    /// Records `node` when it carries metadata. Returns `.skipChildren` for elements whose
    /// content is not text (scripts, the title), nil for every other node.
    mutating func observe(_ node: HTMLNode, tag: HTMLTag) -> HTMLNode.WalkStep? {
        switch tag {
        case .meta:
            let values = node.attributes(["property", "name", "itemprop", "content", "http-equiv"])
            if let content = values[3] {
                for key in [values[0], values[1], values[2], values[4]].compactMap({ $0?.asciiLowercased() }) where metas[key] == nil {
                    metas[key] = content
                }
            }
            return .skipChildren
        case .script:
            if node.attribute("type")?.asciiLowercased().containsBytes("ld+json") == true {
                jsonLD.append(node.textContentIncludingScripts)
            }
            return .skipChildren
        case .title:
            if title == nil { title = node.textContentIncludingScripts }
            return .skipChildren
        case .link:
            let values = node.attributes(["rel", "href"])
            if values[0]?.asciiLowercased() == "canonical" { canonical = values[1] }
            return .skipChildren
        case .time:
            if inComments {
                // A comment's time dates the comment, but its zone is the site's.
                if let datetime = node.attribute("datetime") { commentTimes.append(datetime) }
                return nil
            }
            let values = node.attributes(["datetime", "pubdate", "itemprop", "class"])
            if let datetime = values[0] {
                let marked = values[1] != nil || values[2]?.asciiLowercased() == "datepublished"
                    || values[3]?.asciiLowercased().containsBytes("publish") == true
                times.append((datetime, marked, isUnderHeadline))
            } else {
                // A `<time>` without a machine-readable value shows one in its text.
                noteDateElement(node)
            }
            return nil
        case .html:
            if language == nil { language = node.attribute("lang") ?? node.attribute("xml:lang") }
            return nil
        default:
            return nil
        }
    }
}

extension HTMLNode {
    /// All text inside the node, scripts included (for `<script>` and `<title>` contents).
    var textContentIncludingScripts: String {
        var out = ""
        walk { node in
            if node.isText { out += node.text }
            return .descend
        }
        return out
    }
}
