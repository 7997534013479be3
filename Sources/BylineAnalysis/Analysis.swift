import BylineCore
import BylineLanguage
import BylineNER

/// The analysis pipeline `byline analyze` runs after extraction.
public enum Analysis {
    /// The stages in order, checked when the pipeline is made: each stage's requirements are
    /// met by the stages before it. The quote, quantity, event and timeline stages read the
    /// same view of the words (``DocumentView``), built once by the tokenizer.
    ///
    /// Tokens and sentences are found in any language; the later stages, whose rules, word
    /// lists and entity model are English, run on English text and on text whose language
    /// cannot be told. The language is told from the text itself, not from what the page
    /// declares (a site's template may declare one language for pages in another).
    ///
    /// `quotes` is the quote stage to run (training a model of its own may need another).
    public static func pipeline(quotes: QuoteStage = QuoteStage()) throws(BylineError) -> Pipeline {
        let english: [any Stage] = [
            TimeStage(), EntityStage(tagger: try NERModel.shared), RoleStage(), CoreferenceStage(), quotes,
            QuantityStage(), EventStage(), TimelineStage(),
        ]
        let gate = LanguageGate(languages: ["en"], stages: Set(english.map(\.name))) { document in
            LanguageIdentifier.shared.identify(document.text)
        }
        return try Pipeline([TokenizeStage(), SentenceStage()] + english, gate: gate)
    }
}

/// The trained CoNLL-2003 model tags names for the entity stage.
extension NERModel: NameTagger {
    public func names(document sentences: [[String]]) -> [[TaggedName]] {
        entities(document: sentences).map { sentence in
            sentence.map { TaggedName(tokens: $0.start..<$0.end, type: NameType($0.type)) }
        }
    }
}

extension NameType {
    /// The name type of a CoNLL-2003 entity type.
    init(_ type: BylineNER.EntityType) {
        switch type {
        case .person: self = .person
        case .organization: self = .organisation
        case .location: self = .location
        case .miscellaneous: self = .miscellaneous
        }
    }
}
