import BylineCore
import BylineNER

/// The analysis pipeline `byline analyze` runs after extraction.
public enum Analysis {
    /// The stages in order, checked when the pipeline is made. The fact stages use whatever
    /// entities and quotes the document has.
    public static func pipeline() throws(BylineError) -> Pipeline {
        try Pipeline([
            TokenizeStage(), SentenceStage(), TimeStage(), EntityStage(tagger: try NERModel.shared), RoleStage(), FactStages(),
        ])
    }
}

/// The quote, quantity, event and timeline stages, run in that order over one reading of the
/// document's words (``FactText``): the four read the same tokens, sentences and times, and
/// none of them changes those.
public struct FactStages: Stage {
    public let name = "facts"
    public let requires: Set<Layer>
    public let provides: Set<Layer>
    public let modifies: Set<Layer>
    let quotes = QuoteStage()
    let quantities = QuantityStage()
    let events = EventStage()
    let timeline = TimelineStage()

    public init() {
        provides = quotes.provides.union(quantities.provides).union(events.provides).union(timeline.provides)
        modifies = quotes.modifies
        requires = quotes.requires.union(quantities.requires).union(events.requires).union(timeline.requires).subtracting(provides)
    }

    public func run(on document: inout Document) {
        let text = FactText(document)
        quotes.run(on: &document, text: text)
        quantities.run(on: &document, text: text)
        events.run(on: &document, text: text)
        timeline.run(on: &document, text: text)
    }
}

/// The trained CoNLL-2003 model tags names for the entity stage.
extension NERModel: NameTagger {}
