import BylineCore
import Testing

@Test(arguments: [
    ("2024", "2024"),
    ("2024-11", "2024-11"),
    ("2024-11-10", "2024-11-10"),
    ("2024-11-10T11:12", "2024-11-10T11:12"),
    ("2024-11-10T11:12:30Z", "2024-11-10T11:12:30Z"),
    ("2024-11-10T11:12:30+09:00", "2024-11-10T11:12:30+09:00"),
    ("2024-11-10T11:12:30.250-05:00", "2024-11-10T11:12:30-05:00"),
])
func dateStampRoundTrips(input: String, iso: String) {
    #expect(DateStamp(parsing: input)?.iso == iso)
}

@Test(arguments: ["", "24-11-10", "2024-13-01", "2023-02-29", "2024-11-10T25:00", "2024-11-10 junk", "Nov 10"])
func dateStampRejects(input: String) {
    #expect(DateStamp(parsing: input) == nil)
}

@Test func dateStampKeepsItsPrecision() {
    let month = DateStamp(year: 2024, month: 10)
    #expect(month.iso == "2024-10")
    #expect(month.day == nil)
    #expect(DateStamp(year: 2024, month: 2, day: 29).isValid)
    #expect(!DateStamp(year: 2100, month: 2, day: 29).isValid)
}

@Test(arguments: [
    ("2023-11-09T02:11:03Z", -300, "2023-11-08T21:11:03-05:00"),
    ("2024-12-31T23:30+00:00", 540, "2025-01-01T08:30+09:00"),
    ("2024-03-01T01:00+01:00", 0, "2024-03-01T00:00Z"),
    ("2024-03-01T00:30Z", -60, "2024-02-29T23:30-01:00"),
])
func aStampConvertsToAnotherOffset(input: String, offset: Int, expected: String) throws {
    let stamp = try #require(DateStamp(parsing: input))
    #expect(stamp.converted(toUTCOffset: offset)?.iso == expected)
}

@Test func dayNumbersRoundTrip() {
    for (y, m, d) in [(2024, 2, 29), (2000, 1, 1), (1999, 12, 31), (2100, 3, 1)] {
        let (yy, mm, dd) = DateStamp.civil(fromDayNumber: DateStamp.dayNumber(y, m, d))
        #expect(yy == y && mm == m && dd == d)
    }
}
