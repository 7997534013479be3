import BylineAnalysis
import BylineCore
import BylineExtract
import BylineSource
import BylineTestSupport
import Foundation
import Testing

/// The seed article's hand-made gold facts (`fixtures/seed/*.gold.json` in ../shared, read at
/// test time), checked against the analysis the way the fact scorer compares them: names
/// without hyphens and spacing, quote and role texts by word overlap.
private struct SeedGold {
    let document: Document
    let gold: [String: Any]

    static func load() throws -> SeedGold {
        let text = try SharedData.url("fixtures/seed/korea-herald-2024-11-10.txt")
        let goldFile = try SharedData.url("fixtures/seed/korea-herald-2024-11-10.gold.json")
        let gold = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: goldFile)) as? [String: Any])
        var document = try Extractor(options: ReadOptions()).extract(
            SourceDocument(uri: text.lastPathComponent, bytes: Array(try Data(contentsOf: text))))
        try Analysis.pipeline().run(on: &document)
        return SeedGold(document: document, gold: gold)
    }

    func list(_ key: String) -> [[String: String]] {
        (gold[key] as? [[String: Any]] ?? []).map { $0.compactMapValues { $0 as? String } }
    }

    /// Whether `entity` is called `name` (its name or an alias).
    func isCalled(_ entity: Entity, _ name: String) -> Bool {
        ([entity.name] + entity.aliases).contains { nameKey($0) == nameKey(name) }
    }
}

/// Lower case, quotation marks as spaces, single spaces.
private func normalised(_ text: some StringProtocol) -> String {
    let quotes = Set("\"'“”‘’„‟«»‹›")
    let spaced = String(String(text).precomposedStringWithCompatibilityMapping.lowercased().map { quotes.contains($0) ? " " : $0 })
    return spaced.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

/// A name without hyphens, apostrophes, periods and spacing: "Park Min-jun" = "park min jun".
private func nameKey(_ name: String) -> String {
    String(normalised(name).map { "-‐‑–'’.".contains($0) ? " " : $0 }).split(separator: " ").joined(separator: " ")
}

/// The F1 of the two texts' words.
private func wordOverlap(_ a: String, _ b: String) -> Double {
    func words(_ text: String) -> [String] {
        normalised(text).split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" }).map(String.init)
    }
    let wanted = words(a)
    let found = words(b)
    guard !wanted.isEmpty, !found.isEmpty else { return 0 }
    var counts: [String: Int] = [:]
    for word in wanted { counts[word, default: 0] += 1 }
    var hits = 0
    for word in found where counts[word, default: 0] > 0 {
        hits += 1
        counts[word]! -= 1
    }
    guard hits > 0 else { return 0 }
    let precision = Double(hits) / Double(found.count)
    let recall = Double(hits) / Double(wanted.count)
    return 2 * precision * recall / (precision + recall)
}

/// Every quote of the gold is found (80% of its words), with the gold's speaker and cue.
@Test func seedQuotesHaveTheirGoldSpeakersAndCues() throws {
    let seed = try SeedGold.load()
    let document = seed.document
    let wanted = seed.list("quotes")
    try #require(wanted.count >= 10)
    for gold in wanted {
        let text = try #require(gold["text"])
        let best = document.quotes.max { wordOverlap(text, String(document.text[$0.span])) < wordOverlap(text, String(document.text[$1.span])) }
        guard let quote = best, wordOverlap(text, String(document.text[quote.span])) >= 0.8 else {
            Issue.record("quote not found: \(text.prefix(60))")
            continue
        }
        let speaker = document.entities.first { $0.id == quote.speaker }
        #expect(speaker.map { seed.isCalled($0, gold["speaker"] ?? "") } == true,
            "speaker of \(text.prefix(40)): want \(gold["speaker"] ?? "-"), got \(speaker?.name ?? "none")")
        #expect(quote.kind.rawValue == gold["kind"], "kind of \(text.prefix(40))")
        if let cue = gold["cue"] { #expect(quote.cue?.lowercased() == cue.lowercased(), "cue of \(text.prefix(40))") }
    }
}

/// Every person of the gold (the author aside) is a PERSON entity named as the gold names them,
/// holding the gold's role (80% of its words, in the role's evidence or its title).
@Test func seedPeopleHoldTheirGoldRoles() throws {
    let seed = try SeedGold.load()
    let document = seed.document
    let people = seed.list("people").filter { $0["role"] != "author" }
    try #require(people.count >= 5)
    for gold in people {
        let name = try #require(gold["name"])
        let role = try #require(gold["role"])
        let person = document.entities.first { $0.type == .person && nameKey($0.name) == nameKey(name) }
        guard let person else {
            Issue.record("no PERSON entity named \(name)")
            continue
        }
        let best = person.roles.map { max(wordOverlap(role, String(document.text[$0.span])), wordOverlap(role, $0.title)) }.max() ?? 0
        #expect(best >= 0.8, "role of \(name): want \(role), best overlap \(best)")
    }
}

/// Every milestone of the gold is on the timeline, with its date and its key words in the
/// entry's evidence.
@Test func seedTimelineHoldsTheGoldMilestones() throws {
    let seed = try SeedGold.load()
    let document = seed.document
    let milestones = seed.list("timeline")
    try #require(milestones.count >= 5)
    for gold in milestones {
        let date = try #require(gold["date"])
        let key = normalised(try #require(gold["key"]))
        let found = document.timeline.contains { $0.date == date && normalised(document.text[$0.span]).contains(key) }
        #expect(found, "timeline \(date): \(gold["about"] ?? "")")
    }
}
