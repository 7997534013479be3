import BylineCore
import BylineNER

/// The analysis pipeline `byline analyze` runs after extraction.
public enum Analysis {
    /// The stages in order, checked when the pipeline is made. The fact stages use whatever
    /// entities and quotes the document has.
    public static func pipeline() throws(BylineError) -> Pipeline {
        try Pipeline([
            TokenizeStage(), SentenceStage(), TimeStage(), EntityStage(tagger: NERModel.shared), RoleStage(), QuoteStage(),
            QuantityStage(), EventStage(), TimelineStage(),
        ])
    }
}

/// The trained CoNLL-2003 model tags names for the entity stage.
extension NERModel: NameTagger {}
