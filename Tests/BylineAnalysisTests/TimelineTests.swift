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

// MARK: - Every dated milestone the text states, each citing its sentence

/// A text and the dates of the timeline drawn from it, in order, each with words its evidence holds.
private let milestoneCases: [(text: String, milestones: [(date: String, words: String)])] = [
    // A biography: every date of a life, in order.
    ("Ada Lind was born in 1950 in Oslo. She joined the firm in 1975, and in 1990 she became its chief executive. She wrote in her memoir in 2019 that she would retire.",
     [("1950", "was born"), ("1975", "joined the firm"), ("1990", "chief executive"), ("2019", "wrote in her memoir")]),
    // A schedule: what is set to happen, after what happened.
    ("The smoking ban starts on Jan. 1, 2024. Lawmakers voted for it last month.",
     [("2023-04", "Lawmakers voted"), ("2024-01-01", "ban starts")]),
    // A date inside a noun phrase dates its sentence.
    ("The senator spoke of little but taxes during the 2012 campaign.", [("2012", "2012 campaign")]),
]

@Test(arguments: milestoneCases.indices)
func everyDatedMilestoneIsOnTheTimeline(index: Int) throws {
    let row = milestoneCases[index]
    let got = try timeline(row.text)
    #expect(got.map(\.0) == row.milestones.map(\.date), "\(row.text)")
    for (entry, milestone) in zip(got, row.milestones) {
        #expect(entry.1.contains(milestone.words), "\(entry.1)")
    }
}

@Test func aDatedEventIsAMilestoneEvenWithoutADateInItsSentence() throws {
    let got = try timeline("GRANADA — The Hawks edged the Pilots on Sunday.\n\nOrtega said the 88-86 victory against the Pilots was earned.")
    #expect(got.contains { $0.0 == "2023-05-14" && $0.1.contains("88-86 victory against the Pilots") && $0.2 == "dated-event" })
}
