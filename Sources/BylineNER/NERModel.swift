import BylineCore
import Foundation

/// A named-entity tagger for English news: people (PER), organisations (ORG), places (LOC) and
/// other names (MISC), trained on CoNLL-2003 (see `byline train ner`).
///
/// Tagging runs two greedy left-to-right passes of an averaged perceptron over BILOU tags; the
/// second pass also sees how the first tagged the other occurrences of each word in the
/// document, which keeps a name's type consistent across it.
///
///     let tags = try NERModel.shared.tag(document: [["Angela", "Merkel", "visited", "Paris", "."]])
///     // [["B-PER", "I-PER", "O", "B-LOC", "O"]]
public final class NERModel: Sendable {
    /// The model file's name among the module's resources.
    static let resourceName = "ner-en"
    static let resourceExtension = "model"

    /// The model bundled with Byline, loaded on first use.
    ///
    /// - Throws: a ``BylineError`` naming the model file when it is missing from the bundle
    ///   (a binary copied without its resource folder) or cannot be read.
    public static var shared: NERModel {
        get throws(BylineError) { try loaded.get() }
    }

    /// The bundled model, or why it could not be loaded; read once.
    private static let loaded: Result<NERModel, BylineError> = {
        do throws(BylineError) {
            return .success(try bundled())
        } catch {
            return .failure(error)
        }
    }()

    let gazetteer: Gazetteer
    /// The weights of the first and of the second pass.
    let first: LinearModel
    let second: LinearModel
    /// Each pass's sums of the features of the two tags before a token.
    private let firstTagPairs: TagPairScores
    private let secondTagPairs: TagPairScores
    /// Each pass's sums of the features of words alone, kept across documents.
    private let firstWordScores = WordScoreCache()
    private let secondWordScores = WordScoreCache()

    init(gazetteer: Gazetteer, first: LinearModel, second: LinearModel) {
        self.gazetteer = gazetteer
        self.first = first
        self.second = second
        firstTagPairs = TagPairScores(scorer: first, pass: .first)
        secondTagPairs = TagPairScores(scorer: second, pass: .second)
    }

    /// A model read from the bytes of a model file.
    public convenience init(bytes: [UInt8]) throws(BylineError) {
        let (gazetteer, passes) = try ModelFile.decode(bytes, passCount: 2)
        self.init(gazetteer: gazetteer, first: passes[0], second: passes[1])
    }

    /// The model bundled with Byline, or an error saying why it cannot be read.
    public static func bundled() throws(BylineError) -> NERModel {
        let name = "\(resourceName).\(resourceExtension)"
        guard let url = ModuleResources.url(of: name), let data = try? Data(contentsOf: url) else {
            throw BylineError(.notFound, input: name, "model missing: put the \(ModuleResources.bundleName).resources folder beside the byline binary")
        }
        do {
            return try NERModel(bytes: [UInt8](data))
        } catch {
            throw error.about(name)
        }
    }

    /// The bytes of this model's file.
    public var fileBytes: [UInt8] {
        ModelFile.encode(gazetteer: gazetteer, passes: [first, second])
    }

    /// IOB2 tags ("B-PER", "I-ORG", "O", …) for each token of each sentence of ONE document.
    ///
    /// - Parameter sentences: the document's sentences, each a list of tokens (words and
    ///   punctuation split apart, as in CoNLL-2003).
    /// - Returns: one tag per token, in the same shape as `sentences`.
    public func tag(document sentences: [[String]]) -> [[String]] {
        let document = DocumentFeatures(sentences, gazetteer: gazetteer)
        let tags = bilouTags(document)
        return document.sentences.map { range in range.map { EntityTag.iob2Names[tags[$0].index] } }
    }

    /// The names in each sentence of ONE document: token ranges within the sentence and their
    /// types, in order.
    ///
    /// - Parameter sentences: the document's sentences, each a list of tokens, as for ``tag(document:)``.
    public func entities(document sentences: [[String]]) -> [[EntitySpan]] {
        let document = DocumentFeatures(sentences, gazetteer: gazetteer)
        let tags = bilouTags(document)
        return document.sentences.map { range in TagScheme.spans(range.map { tags[$0] }) }
    }

    /// The BILOU tags of every token of a prepared document (both passes).
    func bilouTags(_ document: DocumentFeatures) -> [EntityTag] {
        let tags = GreedyTagger.tag(
            document, pass: .first, firstPass: nil, scorer: first, tagPairs: firstTagPairs, wordCache: firstWordScores, settleOrdinaryWords: true)
        let firstPass = DocumentFeatures.FirstPass(tags: tags, document: document)
        return GreedyTagger.tag(
            document, pass: .second, firstPass: firstPass, scorer: second, tagPairs: secondTagPairs, wordCache: secondWordScores,
            settleOrdinaryWords: true)
    }
}
