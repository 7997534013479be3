import BylineCore
import BylineExtract
import Testing

@Test(arguments: [
    ("2024-11-10", "2024-11-10"),
    ("2024-11-10 11:12:00", "2024-11-10T11:12:00"),
    ("2024-11-10T11:12:00.000+0900", "2024-11-10T11:12:00+09:00"),
    ("2020-09-25T16:02:50CDT", "2020-09-25T16:02:50"),
    ("20241110", "2024-11-10"),
    ("Sun, 10 Nov 2024 11:12:00 +0900", "2024-11-10T11:12:00+09:00"),
    ("November 10, 2024", "2024-11-10"),
    ("10. November 2024", "2024-11-10"),
    ("10.11.2024", "2024-11-10"),
    ("martes 17 de marzo de 2020", "2020-03-17"),
    ("15 августа 2016, 13:43", "2016-08-15T13:43"),
    ("2020年07月03日", "2020-07-03"),
    ("2020년 7월 3일", "2020-07-03"),
])
func datesInMarkupAreRead(text: String, iso: String) {
    #expect(DateText.parse(text)?.iso == iso)
}

@Test(arguments: ["", "yesterday", "2024-13-45", "March 2024 and more"])
func otherTextIsNoDate(text: String) {
    #expect(DateText.parse(text) == nil)
}

@Test func theFirstDateInALineIsFound() {
    #expect(DateText.first(in: "Posted by Jane on 3 March 2012 in News")?.iso == "2012-03-03")
    #expect(DateText.first(in: "이용민 기자 | 2020-03-04 16:52:59")?.iso == "2020-03-04T16:52:59")
    #expect(DateText.first(in: "No date here, only 42 things") == nil)
}

@Test(arguments: [
    ("https://example.com/2018/09/10/story.html", "2018-09-10"),
    ("https://example.com/news/2018-09-10-story", "2018-09-10"),
    ("https://example.com/20180910/story", "2018-09-10"),
    ("https://example.com/2018/09/story.html", "2018-09"),
    ("https://example.org/news/releases/29-10-2021", "2021-10-29"),
    ("https://example.com/story/12345", nil),
])
func datesInURLsAreRead(url: String, iso: String?) {
    #expect(DateText.inURL(url)?.iso == iso)
}

@Test func datesInEmbeddedJSONAreFound() {
    let escaped = Array(#"<div data-state="{&quot;publishedDate&quot;:&quot;2019-03-02T06:22:28+01:00&quot;}">"#.utf8)
    #expect(DateText.inEmbeddedJSON(escaped, keys: ["publishedDate"])?.iso == "2019-03-02T06:22:28+01:00")
    let plain = Array(#"<script>window.state={"published_at":"2020-06-28"}</script>"#.utf8)
    #expect(DateText.inEmbeddedJSON(plain, keys: ["datePublished", "published_at"])?.iso == "2020-06-28")
    #expect(DateText.inEmbeddedJSON(plain, keys: ["created_at"]) == nil)
}

@Test func slashedDatesFollowThePagesLocale() {
    #expect(DateText.writesDayFirst(languageTag: "en-GB") == true)
    #expect(DateText.writesDayFirst(languageTag: "en-US") == false)
    #expect(DateText.writesDayFirst(languageTag: "en") == nil)
    #expect(DateText.writesDayFirst(languageTag: "de-DE") == true)
    #expect(DateText.first(in: "Updated 02/10/2020", dayFirst: true)?.iso == "2020-10-02")
    #expect(DateText.first(in: "Updated 02/10/2020", dayFirst: false)?.iso == "2020-02-10")
    #expect(DateText.first(in: "Updated 02/10/2020") == nil)
    #expect(DateText.first(in: "Updated 25/10/2020")?.iso == "2020-10-25")
}
