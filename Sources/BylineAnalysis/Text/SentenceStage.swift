import BylineCore
import BylineLanguage

/// Splits each paragraph's tokens into sentences; no sentence crosses a paragraph boundary.
public struct SentenceStage: Stage {
    public let name = "sentences"
    public let requires: Set<Layer> = [.text, .paragraphs, .tokens]
    public let provides: Set<Layer> = [.sentences]
    let splitter: SentenceSplitter

    public init(splitter: SentenceSplitter = .english) {
        self.splitter = splitter
    }

    public func run(on document: inout Document) {
        let tokens = document.tokens
        var sentences: [Sentence] = []
        var next = 0
        let provenance = Provenance(stage: name, rule: SentenceRule.terminalPunctuation)
        for paragraph in document.paragraphs {
            // Tokens are in paragraph order: this paragraph's run starts where the last ended.
            var end = next
            while end < tokens.count, tokens[end].span.end <= paragraph.span.end { end += 1 }
            for range in splitter.split(document.text, tokens: tokens, paragraph: next..<end) where !range.isEmpty {
                let span = Span(tokens[range.lowerBound].span.start, tokens[range.upperBound - 1].span.end)
                sentences.append(Sentence(span: span, tokens: range, provenance: provenance))
            }
            next = end
        }
        document.setSentences(sentences)
    }
}

/// The rules of the sentence stage, as its facts record them; the rule catalogue
/// (`Resources/rules.tsv`) says what each one means.
enum SentenceRule: String, StageRule {
    case terminalPunctuation
}
