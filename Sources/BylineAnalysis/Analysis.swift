import BylineCore

/// The analysis pipeline `byline analyze` runs after extraction.
public enum Analysis {
    /// The stages in order, checked when the pipeline is made. The fact stages use whatever
    /// entities and quotes the document has.
    public static func pipeline() throws(BylineError) -> Pipeline {
        try Pipeline([TokenizeStage(), SentenceStage(), TimeStage(), QuantityStage(), EventStage(), TimelineStage()])
    }
}
