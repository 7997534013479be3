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
