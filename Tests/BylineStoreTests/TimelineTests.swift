@testable import BylineStore
import Testing

private func entry(_ date: String, _ text: String, article: String, mentioned: [Bool], rank: [Int]) -> TimelineCandidate {
    TimelineCandidate(
        date: date, text: text, start: 0, end: text.count, mentioned: mentioned, rank: rank,
        citation: ArticleCitation(article: article, uri: "\(article).txt", title: nil, outlet: nil, published: nil))
}

@Test func statementsOfOneMilestoneMergeAndCiteEveryArticle() {
    let milestones = Timeline.milestones(from: [
        entry("2011", "the two ports signed a twinning agreement in 2011", article: "a", mentioned: [true], rank: [5]),
        entry("1998", "the port was founded in 1998", article: "a", mentioned: [true], rank: [5]),
        entry("2011", "a twinning agreement was signed between the ports in 2011", article: "b", mentioned: [true], rank: [4]),
        entry("2011", "a new terminal opened in 2011", article: "b", mentioned: [true], rank: [4]),
    ])
    #expect(milestones.map(\.date) == ["1998", "2011", "2011"])
    #expect(milestones[1].articles.map(\.article) == ["a", "b"])
    #expect(milestones[1].evidence.count == 2)
    #expect(milestones[2].articles.map(\.article) == ["b"])
}

@Test func anEntryThatNamesNeitherCountsOnlyInAnArticleAboutBoth() {
    let milestones = Timeline.milestones(from: [
        entry("2004", "the partnership was launched in 2004", article: "about-both", mentioned: [false, false], rank: [1, 2]),
        entry("2009", "the stadium was rebuilt in 2009", article: "in-passing", mentioned: [false, false], rank: [1, 9]),
    ])
    #expect(milestones.map(\.date) == ["2004"])
}
