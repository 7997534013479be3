import BylineCore
import BylineExtract
import BylineSource
import Testing

private func read(_ html: String) throws -> Document {
    try HTMLReader().read(SourceDocument(uri: "page.html", bytes: Array(html.utf8)))
}

private func page(head: String = "", body: String = "") -> String {
    "<!DOCTYPE html><html><head>\(head)</head><body>\(body)<p>The council met on Tuesday to approve the budget for the coming year, members said after a long debate.</p></body></html>"
}

/// One row: a page, the metadata field, the value expected, and the rule that must fill it.
/// JSON-LD of a story published on 16 March 2021 and modified on 20 March.
private let updatedStory = #"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Pier vote","datePublished":"2021-03-16T16:16:10+01:00","dateModified":"2021-03-20T15:00:17+01:00"}</script>"#

private let cases: [(name: String, html: String, field: String, value: String?, rule: String?)] = [
    ("JSON-LD NewsArticle", page(head: #"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Budget passes","datePublished":"2024-03-04T09:30:00+09:00","author":{"@type":"Person","name":"Jane Doe"},"publisher":{"@type":"Organization","name":"The Courier"}}</script>"#),
     "published", "2024-03-04T09:30:00+09:00", "json-ld-article"),
    ("JSON-LD @graph", page(head: #"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},{"@type":["ReportageNewsArticle"],"headline":"From the graph","datePublished":"2023-05-06"}]}</script>"#),
     "title", "From the graph", "json-ld-article"),
    ("JSON-LD author array", page(head: #"<script type="application/ld+json">[{"@type":"Article","author":[{"name":"Ana Lima"},{"name":"Li Wei"}]}]</script>"#),
     "authors", "Ana Lima|Li Wei", "json-ld-article"),
    ("an author's employer after a bar is left out", page(head: #"<meta name="author" content="Ana Lima | Harbor Media for Example.com">"#),
     "authors", "Ana Lima", "meta-author"),
    ("JSON-LD beats Open Graph", page(head: #"<meta property="og:title" content="OG title"><script type="application/ld+json">{"@type":"NewsArticle","headline":"LD title"}</script>"#),
     "title", "LD title", "json-ld-article"),
    ("Open Graph", page(head: #"<meta property="og:title" content="OG title"><meta property="og:site_name" content="The Courier">"#),
     "publisher", "The Courier", "meta-og:site_name"),
    ("article:published_time", page(head: #"<meta property="article:published_time" content="2022-11-10T11:12:00Z">"#),
     "published", "2022-11-10T11:12:00Z", "meta-article:published_time"),
    ("Dublin Core", page(head: #"<meta name="DC.date.issued" content="2021-07-08">"#),
     "published", "2021-07-08", "meta-dc.date.issued"),
    ("itemprop meta", page(head: #"<meta itemprop="datePublished" content="2020-02-03">"#),
     "published", "2020-02-03", "meta-datepublished"),
    ("time pubdate", page(body: #"<time datetime="2019-06-07T08:00" pubdate>June 7</time>"#),
     "published", "2019-06-07T08:00", "time-pubdate"),
    ("date element text", page(body: #"<span class="post-date">March 3, 2012</span>"#),
     "published", "2012-03-03", "date-element"),
    ("a labelled date", page(body: #"<div class="info">Veröffentlicht am 16.08.2019</div>"#),
     "published", "2019-08-16", "date-labeled"),
    ("a modification label is passed over", page(body: #"<p>Last updated: 5 May 2021</p><div>Published: 4 May 2021</div>"#),
     "published", "2021-05-04", "date-labeled"),
    ("a time under the headline beats marked times elsewhere", page(body: #"<h1>Budget passes</h1><p><time datetime="2019-06-28T13:49:45Z">28 June</time></p><aside><p>Long enough paragraph of a teaser for another story.</p><time datetime="2019-09-22" pubdate>22 Sept</time></aside>"#),
     "published", "2019-06-28T13:49:45Z", "time-under-headline"),
    ("a heading that repeats the title heads the article", page(head: "<title>Council approves the budget for next year - The Courier</title>", body: #"<h1>The Courier</h1><div class="nav">Home</div><div>News</div><div>Sport</div><div>Weather</div><div>Opinion</div><h3>Council approves the budget for next year</h3><div>27 Sep 2016</div>"#),
     "published", "2016-09-27", "date-text-under-headline"),
    ("a VideoObject's upload date", page(head: #"<script type="application/ld+json">{"@type":"VideoObject","name":"Clip","uploadDate":"2020-04-04T20:57:00+02:00"}</script>"#),
     "published", "2020-04-04T20:57:00+02:00", "json-ld-upload-date"),
    ("UTC midnight of a zone east of Greenwich", page(head: #"<meta property="article:published_time" content="2021-11-04T23:00Z">"#),
     "published", "2021-11-05T00:00+01:00", "meta-article:published_time"),
    ("day first from xml:lang", "<html xml:lang=\"en-GB\"><body><h1>Halls too full</h1><p><span class=\"time\">02/10/2020</span></p><p>Students returned to halls that experts say are too full to be safe this autumn.</p></body></html>",
     "published", "2020-10-02", "date-element-under-headline"),
    ("a URL with a month name", page(head: #"<link rel="canonical" href="https://example.com/education/2020/oct/02/halls">"#),
     "published", "2020-10-02", "url-path"),
    ("an image named by its upload time", page(head: #"<meta property="og:image" content="https://img.example.com/large/20201007120909561.jpg">"#),
     "published", "2020-10-07", "image-url"),
    ("a date written only in a script", page(body: #"<script>showDate("2020/04/17 01:43:09")</script>"#),
     "published", "2020-04-17", "source-scan"),
    ("a meta tag of another vocabulary", page(head: #"<meta property="gallery:created_date" content="2013-02-16T04:36:36-05:00">"#),
     "published", "2013-02-16T04:36:36-05:00", "meta-other-date"),
    ("JSON embedded in a script", page(body: #"<script type="application/json">{"review":{"publishedDate":"2016-11-04T20:37:27Z"}}</script>"#),
     "published", "2016-11-04T20:37:27Z", "embedded-json"),
    ("UTC shown in the page's zone", page(head: #"<meta property="article:published_time" content="2023-11-09T02:11:03+00:00">"#, body: #"<time datetime="2023-11-08T22:00:00-05:00">Nov 8</time>"#),
     "published", "2023-11-08T21:11:03-05:00", "meta-article:published_time"),
    ("URL date", page(head: #"<link rel="canonical" href="https://example.com/2018/09/10/story.html">"#),
     "published", "2018-09-10", "url-path"),
    ("a month-only URL gets no day", page(head: #"<link rel="canonical" href="https://example.com/2018/09/story.html">"#),
     "published", "2018-09", "url-path"),
    ("a month-only meta date is no date", page(head: #"<meta property="article:published_time" content="March 2024">"#),
     "published", nil, nil),
    ("html lang", "<html lang=\"de-AT\"><body><p>Der Rat hat am Dienstag den Haushalt für das kommende Jahr beschlossen.</p></body></html>",
     "language", "de", "html-lang"),
    ("entities escaped twice", page(head: #"<meta property="og:title" content="Tom &amp;amp; Jerry &amp;mdash; again">"#),
     "title", "Tom & Jerry — again", "meta-og:title"),
    ("h1 when nothing else", "<html><body><h1>Plain headline</h1><p>Some words in a paragraph that is long enough to be a paragraph of an article.</p></body></html>",
     "title", "Plain headline", "h1"),
    ("the visible headline the <title> repeats beats a promotional headline", page(head: #"<title>Ferry pier to be rebuilt before winter - The Harbour Ledger</title><meta property="og:title" content="Is this the end of the pier's long wait?"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Is this the end of the pier's long wait?"}</script>"#, body: "<h1>Ferry pier to be rebuilt before winter</h1>"),
     "title", "Ferry pier to be rebuilt before winter", "h1-seconded"),
    ("the visible headline Open Graph repeats beats a headline written for search", page(head: #"<meta property="og:title" content="Ferry pier to be rebuilt before winter"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry pier rebuild: council vote, costs and timeline explained"}</script>"#, body: "<h1>Ferry pier to be rebuilt before winter</h1>"),
     "title", "Ferry pier to be rebuilt before winter", "h1-seconded"),
    ("an h1 nothing repeats leaves the metadata title", page(head: #"<meta property="og:title" content="Ferry pier to be rebuilt before winter">"#, body: "<h1>The Harbour Ledger newsroom</h1>"),
     "title", "Ferry pier to be rebuilt before winter", "meta-og:title"),
    ("the newsroom as JSON-LD author is no author", page(head: #"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Pier vote","author":{"@type":"Organization","name":"Harbour Ledger"},"publisher":{"@type":"Organization","name":"Harbour Ledger"}}</script>"#),
     "authors", nil, nil),
    ("an author that is the publisher is no author", page(head: #"<meta property="og:site_name" content="Harbour Ledger"><meta name="author" content="Harbour Ledger">"#),
     "authors", nil, nil),
    ("a JSON-LD organisation of its own names the publisher", page(head: #"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Pier vote"}</script><script type="application/ld+json">{"@type":"NewsMediaOrganization","name":"Harbour Ledger"}</script>"#),
     "publisher", "Harbour Ledger", "json-ld-organization"),
    ("JSON-LD with a raw line break in a string", page(head: "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"First line.\nSecond line.\",\"author\":\"Mirela Kostova\"}</script>"),
     "authors", "Mirela Kostova", "json-ld-article"),
    ("the byline under the headline beats metadata that names fewer", page(head: #"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Pier vote","author":{"@type":"Person","name":"Mirela Kostova"}}</script>"#, body: "<h1>Pier vote</h1><p>By Mirela Kostova, Tunde Bakare</p>"),
     "authors", "Mirela Kostova|Tunde Bakare", "author-line-under-headline"),
    ("a date in readers' comments is passed over", page(body: #"<h1>Pier vote</h1><p>Long enough paragraph of the story about the pier and its vote.</p><div class="post-footer">Written on 14 March 2015 by Ana Lima</div><ol class="commentlist"><li class="comment"><div class="comment-meta"><span class="date">15 March 2015 at 11:21</span></div><p>A reader's reply that is long enough to be a paragraph.</p></li></ol>"#),
     "published", "2015-03-14", "date-text-under-headline"),
    ("a page that prints only its modification day is of that day", page(head: updatedStory, body: "<h1>Pier vote</h1><div>20. März 2021 - 15:00 Uhr</div>"),
     "published", "2021-03-20T15:00:17+01:00", "stamp-shows-modified"),
    ("a date printed before the headline, as a site header's clock, is no stamp", page(head: updatedStory, body: "<div>20. März 2021 - 08:05 Uhr</div><h1>Pier vote</h1>"),
     "published", "2021-03-16T16:16:10+01:00", "json-ld-article"),
    ("the first date in the text when nothing else dates the page", page(body: "<div>Harbour news desk</div><p>Filed on 3 March 2012 by the desk</p>"),
     "published", "2012-03-03", "date-in-text"),
    ("a page that prints only its update stamp is of the update's day", page(head: updatedStory, body: "<h1>Pier vote</h1><div>Updated: 20 March 2021</div>"),
     "published", "2021-03-20T15:00:17+01:00", "stamp-shows-modified"),
    ("a page that prints its publication day beside the update keeps it", page(head: updatedStory, body: "<h1>Pier vote</h1><div>Published: 16 March 2021</div><div>Updated: 20 March 2021</div>"),
     "published", "2021-03-16T16:16:10+01:00", "json-ld-article"),
    ("a dotted date with a two-digit year", page(body: "<h1>Pier vote</h1><div>By Ana Lima | 07.09.22</div>"),
     "published", "2022-09-07", "date-text-under-headline"),
    ("a meta author with a job title", page(head: #"<meta name="author" content="Analysis by Joaquín Olmedo, Ledger Editor-at-large">"#),
     "authors", "Joaquín Olmedo", "meta-author"),
]

@Test(arguments: cases.indices)
func metadataIsReadInOrderOfPrecedence(index: Int) throws {
    let row = cases[index]
    let metadata = try read(row.html).metadata
    let value: String? =
        switch row.field {
        case "published": metadata.published?.iso
        case "title": metadata.title
        case "publisher": metadata.publisher
        case "language": metadata.language
        case "authors": metadata.authors.isEmpty ? nil : metadata.authors.joined(separator: "|")
        default: nil
        }
    #expect(value == row.value, "\(row.name)")
    if let rule = row.rule {
        #expect(metadata.filledBy[row.field]?.rule == rule, "\(row.name)")
    }
}
