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

/// One step of analysis with one job: it declares what it reads, what it adds, and which
/// layers of other stages it changes.
public protocol Stage: Sendable {
    /// A short name, recorded in the provenance of what the stage produces.
    var name: String { get }
    /// The layers the stage reads: each must be present before it runs.
    var requires: Set<Layer> { get }
    /// The layers the stage fills.
    var provides: Set<Layer> { get }
    /// The layers of earlier stages that the stage changes (adds to or edits); each must be
    /// present before it runs. None by default.
    var modifies: Set<Layer> { get }
    /// Adds the stage's layers to `document`.
    func run(on document: inout Document)
}

extension Stage {
    public var modifies: Set<Layer> { [] }
}

/// An ordered list of stages whose requirements were checked when it was made.
///
///     let pipeline = try Pipeline([Tokenize(), SplitSentences()])
///     pipeline.run(on: &document)
///
/// In a debug build, running also checks that each stage changed only the layers it provides
/// or modifies, and stops the program naming the stage and the layer when one did not.
public struct Pipeline: Sendable {
    public let stages: [any Stage]
    /// Every layer a document has after the pipeline ran.
    public let layers: Set<Layer>
    /// The stages that read only some languages, and how a document's language is told.
    public let gate: LanguageGate?

    /// Checks the chain: each stage's requirements and the layers it modifies must be met by
    /// the reader or an earlier stage.
    ///
    /// - Throws: ``BylineError`` of kind `pipeline`, naming the stage and the missing layers.
    /// - Parameter gate: the stages left out of documents in other languages; none by default.
    public init(_ stages: [any Stage], given: Set<Layer> = Layer.fromReader, gate: LanguageGate? = nil) throws(BylineError) {
        var available = given
        for stage in stages {
            let missing = stage.requires.union(stage.modifies).subtracting(available)
            guard missing.isEmpty else {
                throw BylineError(.pipeline, "stage '\(stage.name)' needs \(Self.names(missing)), which no earlier stage provides")
            }
            available.formUnion(stage.provides)
        }
        self.stages = stages
        self.layers = available
        self.gate = gate
    }

    /// Runs every stage in order.
    public func run(on document: inout Document) {
        run(on: &document, continuing: { true })
    }

    /// Runs the stages in order while `continuing` says so: it is asked before each stage, and
    /// a false answer leaves the later stages unrun (a document past its time limit). On a
    /// document in a language the ``gate`` does not let through, its stages are left out and a
    /// warning names the language and the stages.
    public func run(on document: inout Document, continuing: () -> Bool) {
        let barred = gate?.barredLanguage(of: document)
        if let barred, let gate {
            let names = stages.map(\.name).filter(gate.stages.contains)
            document.warnings.append(
                "written in '\(barred)': \(names.joined(separator: ", ")) read only \(gate.languages.sorted().joined(separator: ", ")) and were left out")
        }
        for stage in stages {
            guard continuing() else { return }
            if barred != nil, gate?.stages.contains(stage.name) == true { continue }
            #if DEBUG
            let before = LayerFingerprints(document)
            #endif
            stage.run(on: &document)
            #if DEBUG
            let undeclared = Self.undeclaredChanges(by: stage, from: before, to: LayerFingerprints(document))
            precondition(undeclared.isEmpty, "stage '\(stage.name)' changed \(Self.names(undeclared)), which it does not declare")
            #endif
        }
    }

    /// The layers that differ between `before` and `after` but that `stage` neither provides
    /// nor modifies.
    static func undeclaredChanges(by stage: any Stage, from before: LayerFingerprints, to after: LayerFingerprints) -> Set<Layer> {
        before.changedLayers(comparedWith: after).subtracting(stage.provides).subtracting(stage.modifies)
    }

    private static func names(_ layers: Set<Layer>) -> String {
        layers.sorted().map(\.rawValue).joined(separator: ", ")
    }
}

/// A hash of each layer of a document, taken before and after a stage runs to tell which
/// layers it changed. Roles are a layer of their own although they sit inside entities.
struct LayerFingerprints {
    private let hashes: [Layer: Int]

    init(_ document: Document) {
        func hash(_ value: some Hashable) -> Int {
            var hasher = Hasher()
            hasher.combine(value)
            return hasher.finalize()
        }
        let entitiesWithoutRoles = document.entities.map { entity in
            var entity = entity
            entity.roles = []
            return entity
        }
        // The roles with the entities that hold them: entities without roles add nothing.
        var roles = Hasher()
        for (e, entity) in document.entities.enumerated() where !entity.roles.isEmpty {
            roles.combine(e)
            roles.combine(entity.roles)
        }
        hashes = [
            .metadata: hash(document.metadata), .text: hash(document.text), .paragraphs: hash(document.paragraphs),
            .captions: hash(document.captions), .tokens: hash(document.tokens), .sentences: hash(document.sentences),
            .entities: hash(entitiesWithoutRoles), .roles: roles.finalize(), .quotes: hash(document.quotes),
            .times: hash(document.times), .quantities: hash(document.quantities), .events: hash(document.events),
            .timeline: hash(document.timeline),
        ]
    }

    /// The layers whose hash differs in `other`.
    func changedLayers(comparedWith other: LayerFingerprints) -> Set<Layer> {
        Set(Layer.allCases.filter { hashes[$0] != other.hashes[$0] })
    }
}

/// The stages of a pipeline that read only some languages (rules and a model made for English
/// news read other languages' capitalised nouns as names and their words as cues), and how a
/// document's language is told.
public struct LanguageGate: Sendable {
    /// The languages (ISO 639-1 codes) the gated stages read.
    public let languages: Set<String>
    /// The names of the gated stages.
    public let stages: Set<String>
    /// Tells the language of a document's text; nil when it cannot be told, and the gated
    /// stages then run.
    public let identify: @Sendable (Document) -> String?

    public init(languages: Set<String>, stages: Set<String>, identify: @escaping @Sendable (Document) -> String?) {
        self.languages = languages
        self.stages = stages
        self.identify = identify
    }

    /// The language of `document` when it is told and is none of ``languages``; else nil.
    func barredLanguage(of document: Document) -> String? {
        guard let language = identify(document), !languages.contains(language) else { return nil }
        return language
    }
}
