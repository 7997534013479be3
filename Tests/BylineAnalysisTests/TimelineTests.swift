import BylineAnalysis
import BylineCore
import Testing

private func timeline(_ text: String) throws -> [(String, String, String)] {
    let document = try analyze(text, names: [:], published: "2023-05-20")
    return document.timeline.map { ($0.date, String(document.text[$0.span]), $0.provenance.rule) }
}

@Test func milestonesAreOrderedByDate() throws {
    let got = try timeline(
        "The Northern Policy introduced in 2015 has helped. The museum was founded in 1962. The new wing opened last month.")
    #expect(got.map(\.0) == ["1962", "2015", "2023-04"])
    #expect(got.map(\.1) == ["The museum was founded in 1962", "The Northern Policy introduced in 2015", "The new wing opened last month"])
}

@Test func aCoordinatedPhraseSharesTheVerb() throws {
    let got = try timeline("The Fisheries Pact signed in 1999 and the Port Accord in 2004 still hold.")
    #expect(got.map(\.0) == ["1999", "2004"])
    #expect(got.last?.1 == "the Port Accord in 2004")
    #expect(got.last?.2 == "coordinated")
}

@Test func aRelativeClauseReachesItsNoun() throws {
    let got = try timeline("The Green Plan, which was unveiled two years ago, is popular.")
    #expect(got.map(\.0) == ["2021"])
    #expect(got.first?.1 == "The Green Plan, which was unveiled two years ago")
}

@Test func anOpeningAdverbialDatesTheClause() throws {
    let got = try timeline("During the visit last month, the leaders signed a new charter.")
    #expect(got.map(\.0) == ["2023-04"])
    #expect(got.first?.1 == "During the visit last month, the leaders signed a new charter")
    #expect(got.first?.2 == "date-in-opening-adverbial")
}

@Test func aVerbWithoutADateIsNoMilestone() throws {
    #expect(try timeline("The company was founded by two brothers.").isEmpty)
}

@Test func changesToABodyOrALawAreMilestones() throws {
    let got = try timeline("The ferry line was acquired by a rival in 2011. The harbour law was amended in 2019. The old pier closed in 2008.")
    #expect(got.map(\.0) == ["2008", "2011", "2019"])
    #expect(got.map(\.1) == ["The old pier closed in 2008", "The ferry line was acquired by a rival in 2011", "The harbour law was amended in 2019"])
}
