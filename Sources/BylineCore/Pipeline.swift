/// A layer of a ``Document`` that a stage can require or provide.
public enum Layer: String, Sendable, CaseIterable, Comparable {
    case metadata, text, paragraphs, captions
    case tokens, sentences, entities, roles, quotes, times, quantities, events, timeline
    /// Pronouns resolved to the entities they stand for, as mentions of those entities.
    case coreference

    public static func < (lhs: Layer, rhs: Layer) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The layers every reader provides.
    public static let fromReader: Set<Layer> = [.metadata, .text, .paragraphs, .captions]
}

/// One step of analysis with one job: it declares what it needs and what it adds.
public protocol Stage: Sendable {
    /// A short name, recorded in the provenance of what the stage produces.
    var name: String { get }
    /// The layers that must be present before the stage runs.
    var requires: Set<Layer> { get }
    /// The layers the stage fills.
    var provides: Set<Layer> { get }
    /// Adds the stage's layers to `document`.
    func run(on document: inout Document)
}

/// An ordered list of stages whose requirements were checked when it was made.
///
///     let pipeline = try Pipeline([Tokenize(), SplitSentences()])
///     pipeline.run(on: &document)
public struct Pipeline: Sendable {
    public let stages: [any Stage]
    /// Every layer a document has after the pipeline ran.
    public let layers: Set<Layer>

    /// Checks the chain: each stage's requirements must be met by the reader or an earlier stage.
    ///
    /// - Throws: ``BylineError`` of kind `pipeline`, naming the stage and the missing layers.
    public init(_ stages: [any Stage], given: Set<Layer> = Layer.fromReader) throws(BylineError) {
        var available = given
        for stage in stages {
            let missing = stage.requires.subtracting(available)
            guard missing.isEmpty else {
                let names = missing.sorted().map(\.rawValue).joined(separator: ", ")
                throw BylineError(.pipeline, "stage '\(stage.name)' needs \(names), which no earlier stage provides")
            }
            available.formUnion(stage.provides)
        }
        self.stages = stages
        self.layers = available
    }

    /// Runs every stage in order.
    public func run(on document: inout Document) {
        for stage in stages {
            stage.run(on: &document)
        }
    }
}
