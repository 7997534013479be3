import BylineCore
import BylineExtract
import BylineSource
import BylineTestSupport
import Foundation
import Testing

/// Real news pages from the article-extraction benchmark in ../shared/bench/aeb, read at test
/// time. Each must give its article body with a token 4-gram F1 of at least ``floor`` against
/// the benchmark's gold (the metric of score_extraction.py), and a title and language.
private let floor = 0.9

private let pages: [(id: String, language: String)] = [
    ("8b19453030820413", "en"), ("11ea381ad92b5448", "pt"), ("5a822960e9a2cb1e", "en"),
    ("33fe2471fd553c65", "en"), ("624fcd903d56fc70", "en"), ("b37be3535e1fb61e", "en"),
    ("e593d7fe88f9f5cd", "en"), ("7de5241947a5f714", "en"), ("ec7fc408c5ce66c2", "en"),
    ("05844573ca7e1fba", "en"), ("9cb8224b660f36c9", "en"), ("702d1da63b8e064c", "en"),
]


private func goldBodies() throws -> [String: String] {
    let data = try Data(contentsOf: SharedData.url("bench/aeb/ground-truth.json"))
    let gold = try #require(JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
    return gold.compactMapValues { $0["articleBody"] as? String }
}

@Test(arguments: pages)
func benchmarkPageGivesItsArticle(page: (id: String, language: String)) throws {
    let gold = try goldBodies()
    let key = try #require(gold.keys.first { $0.hasPrefix(page.id) })
    let path = try SharedData.url("bench/aeb/html/\(key).html.gz").path
    let document = try Extractor(options: ReadOptions()).extract(InputReader.read(.file(uri: path)))
    let body = document.articleParagraphs.map { String(document.text[$0.span]) }.joined(separator: "\n\n")
    let f1 = ShingleScore(predicted: body, gold: try #require(gold[key])).f1
    #expect(f1 >= floor, "F1 \(f1) below \(floor) for \(page.id)")
    #expect(document.metadata.title?.isEmpty == false)
    #expect(document.metadata.language == page.language)
    #expect(document.source.format == .html)
}

/// Token 4-gram shingles, precision and recall as the benchmark computes them.
struct ShingleScore {
    let precision: Double
    let recall: Double
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    init(predicted: String, gold: String) {
        let p = Self.shingles(predicted)
        let g = Self.shingles(gold)
        let hits = p.reduce(0) { $0 + min($1.value, g[$1.key] ?? 0) }
        precision = p.isEmpty ? 0 : Double(hits) / Double(p.values.reduce(0, +))
        recall = g.isEmpty ? 0 : Double(hits) / Double(g.values.reduce(0, +))
    }

    static func shingles(_ text: String) -> [[String]: Int] {
        let words = text.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
        guard words.count >= 4 else { return words.isEmpty ? [:] : [words: 1] }
        var counts: [[String]: Int] = [:]
        for i in 0...(words.count - 4) { counts[Array(words[i..<(i + 4)]), default: 0] += 1 }
        return counts
    }
}
