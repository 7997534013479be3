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
    ("By Jane Doe - 03/04/21 10:00 AM EST", ["Jane Doe"]),
    ("By Jane Doe – The Courier", ["Jane Doe"]),
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

/// Author lines whose names carry a job title or a newsroom: only the people are authors.
@Test(arguments: [
    ("By Mirela Kostova, Health Correspondent", ["Mirela Kostova"]),
    ("By Mirela Kostova · Europe Editor", ["Mirela Kostova"]),
    ("Analysis by Joaquín Olmedo, Ledger Editor-at-large", ["Joaquín Olmedo"]),
    ("By Mirela Kostova with Tunde Bakare", ["Mirela Kostova", "Tunde Bakare"]),
    ("By Mirela Kostova and Tunde Bakare, Business Reporters", ["Mirela Kostova", "Tunde Bakare"]),
])
func authorLinesWithJobTitles(line: String, authors: [String]) {
    #expect(AuthorLine.authors(in: line) == authors)
}

@Test func aNameListWithAJobTitleNeedsNoPrefix() {
    #expect(AuthorLine.namesWithoutRoles(in: "Mirela Kostova, Health Correspondent") == ["Mirela Kostova"])
    #expect(AuthorLine.namesWithoutRoles(in: "Mirela Kostova") == nil)
}
