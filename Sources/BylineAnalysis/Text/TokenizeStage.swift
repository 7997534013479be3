import BylineCore
import BylineLanguage

/// Splits every paragraph (title and captions included) into tokens.
public struct TokenizeStage: Stage {
    public let name = "tokens"
    public let requires: Set<Layer> = [.text, .paragraphs]
    public let provides: Set<Layer> = [.tokens]
    let tokenizer: Tokenizer

    public init(tokenizer: Tokenizer = .english) {
        self.tokenizer = tokenizer
    }

    public func run(on document: inout Document) {
        var tokens: [Token] = []
        for paragraph in document.paragraphs {
            tokens.append(contentsOf: tokenizer.tokenize(document.text, in: paragraph.span))
        }
        document.setTokens(tokens)
    }
}
