@testable import BylineAnalysis
import BylineCore
import Testing

/// The rule catalogue's rows: stage, rule and meaning.
private let catalogue = DataFile(PackageResources.rules_tsv).rows

/// Every rule each analysis stage can record, by the stage's name.
private let rulesOfStages: [String: [RuleID]] = [
    "sentences": SentenceRule.allCases.map(\.id),
    "entities": EntityRule.allCases.map(\.id),
    "coreference": CoreferenceRule.allCases.map(\.id),
    "roles": RoleRule.allCases.map(\.id),
    "quotes": QuoteRule.allCases.map(\.id) + SpeakerRule.allCases.map(\.id),
    "quantities": QuantityRule.allCases.map(\.id),
    "events": EventRule.allCases.map(\.id),
    "timeline": TimelineRule.allCases.map(\.id),
]

/// The catalogue says what every rule the stages can record means, and lists no other rule.
@Test func ruleCatalogueListsEveryRuleOfTheStages() {
    let listed = catalogue.map { "\($0[0]) \($0[1])" }
    let declared = rulesOfStages.flatMap { stage, rules in rules.map { "\(stage) \($0.name)" } }
    #expect(Set(listed).subtracting(declared).sorted() == [])
    #expect(Set(declared).subtracting(listed).sorted() == [])
    #expect(listed.count == Set(listed).count)
    #expect(catalogue.allSatisfy { $0.count == 3 && $0[2].hasSuffix(".") })
}

/// A rule's name in the contract is its case's name with hyphens before the capitals; a name
/// given in that form already is kept.
@Test func ruleNamesAreTheCaseNamesHyphenated() {
    #expect(EntityRule.surnameMostRecentOf.id.name == "surname-most-recent-of")
    #expect(EventRule.named.id.name == "named")
    #expect(SpeakerRule.cueAfterInverted.id.name == "cue-after-quote/said-name")
    #expect(Provenance(stage: "entities", rule: EntityRule.ner).then(EntityRule.surnameMostRecentOf, detail: "2").rule == "ner+surname-most-recent-of-2")
}
