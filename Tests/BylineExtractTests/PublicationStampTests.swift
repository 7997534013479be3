import BylineExtract
import Testing

@Test(arguments: [
    ("Published : Nov. 10, 2024 - 11:12", "published", "2024-11-10T11:12"),
    ("Published: November 10, 2024", "published", "2024-11-10"),
    ("Updated 2024-11-10 15:43 KST", "modified", "2024-11-10T15:43+09:00"),
    ("Posted on Sunday, 10 November 2024, 9:05 p.m.", "published", "2024-11-10T21:05"),
    ("Last updated: 10.11.2024 08:00 (GMT+1)", "modified", "2024-11-10T08:00+01:00"),
    ("2024.11.10 11:12", "published", "2024-11-10T11:12"),
    ("2024-11-10T11:12:00+09:00", "published", "2024-11-10T11:12:00+09:00"),
    ("Nov 3rd, 2024", "published", "2024-11-03"),
    ("Veröffentlicht am 3. März 2024", "published", "2024-03-03"),
    ("Published 25/11/2024", "published", "2024-11-25"),
])
func stampLinesAreRead(line: String, field: String, iso: String) throws {
    let stamps = try #require(PublicationStamp.parse(line))
    #expect(stamps.first?.field.rawValue == field)
    #expect(stamps.first?.date.iso == iso)
}

@Test func twoStampsOnOneLine() throws {
    let stamps = try #require(PublicationStamp.parse("Published : Nov. 10, 2024 - 11:12 | Updated : Nov. 11, 2024 - 09:30"))
    #expect(stamps.map(\.field) == [.published, .modified])
    #expect(stamps.map(\.date.iso) == ["2024-11-10T11:12", "2024-11-11T09:30"])
}

@Test(arguments: [
    "The summit was held on Mar. 4, 2025 in Lisbon.",
    "Published by the ministry",
    "Published : Feb. 30, 2024",
    "Posted 05/06/2024",
    "11:12",
])
func otherLinesAreNotStamps(line: String) {
    #expect(PublicationStamp.parse(line) == nil)
}

/// Stamp layouts beyond the label-and-date one: 12- and 24-hour clocks, zones as GMT+N or as
/// abbreviations (known or not), a place before the date, an update that says only how long
/// ago it was.
@Test(arguments: [
    ("March 3, 2026 4:15 PM GMT+3 · Updated 3 hours ago", "2026-03-03T16:15+03:00"),
    ("Wed, Apr 8, 2026 at 9:20 a.m. WAT", "2026-04-08T09:20+01:00"),
    ("Lagos, Apr 8, 2026 21:05 WAT", "2026-04-08T21:05+01:00"),
    ("Thursday 2026-02-12, 18:30 Lagos time", "2026-02-12T18:30"),
    ("Feb. 12, 2026 07:10 XYZT", "2026-02-12T07:10"),
    ("PUBLISHED: 14:20 GMT, 9 January 2026 | UPDATED: 16:05 GMT, 9 January 2026", "2026-01-09T14:20Z"),
    ("Posted 08:05 EAT | Jan 9, 2026", "2026-01-09T08:05+03:00"),
])
func stampLayoutsAreRead(line: String, iso: String) throws {
    let stamps = try #require(PublicationStamp.parse(line))
    #expect(stamps.first?.field == .published)
    #expect(stamps.first?.date.iso == iso)
}

/// A line that only says how long ago the page was stamped is a stamp without a date.
@Test(arguments: ["4 hours ago", "Updated 25 mins ago", "2h ago"])
func relativeStampsAreStampsWithoutADate(line: String) throws {
    let stamps = try #require(PublicationStamp.parse(line))
    #expect(stamps.isEmpty)
}

/// Lines that open like a stamp but say something else.
@Test(arguments: [
    "Nairobi, the capital, had 4 hours of rain",
    "Harbour Street, 12 March 2026 and beyond",
    "3 hours later the road reopened",
])
func placesAndDurationsAreNoStamps(line: String) {
    #expect(PublicationStamp.parse(line) == nil)
}
