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
