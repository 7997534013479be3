import BylineExtract
import Testing

@Test(arguments: [
    ("By Jane Doe", ["Jane Doe"]),
    ("BY JANE DOE", ["JANE DOE"]),
    ("By Jane Doe and Omar Haddad", ["Jane Doe", "Omar Haddad"]),
    ("By Jane Doe, Omar Haddad and Li Wei", ["Jane Doe", "Omar Haddad", "Li Wei"]),
    ("By Jane Doe, Staff Reporter", ["Jane Doe"]),
    ("Written by Pieter van der Berg | Reuters", ["Pieter van der Berg"]),
    ("By Park Min-jun (minjun@example.com)", nil),
    ("By Ahmad bin Ismail", ["Ahmad bin Ismail"]),
])
func authorLinesAreRead(line: String, expected: [String]?) {
    #expect(AuthorLine.authors(in: line) == expected)
}

@Test(arguments: [
    "By the end of the year, prices had doubled.",
    "Byline",
    "By",
    "Bylaws were changed",
])
func otherLinesAreNotAuthorLines(line: String) {
    #expect(AuthorLine.authors(in: line) == nil)
}
