import ArgumentParser
import BylineAnalysis
import BylineCore
import BylineExtract
import BylineSource
import Foundation

/// `byline train attributions`: trains the quote stage's attribution cue detector on articles
/// annotated with attributions in brat standoff (PolNeAR's layout).
struct TrainAttributions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attributions",
        abstract: "Train the attribution cue detector on annotated articles and write its model file.",
        discussion: """
            The --train folder holds text/NAME.txt and attributions/NAME_ANNOTATOR.ann (brat \
            standoff, as PolNeAR). Each article is read as plain body text and analysed as \
            `byline analyze --plain` does; its candidate cue words are labelled by the gold Cue \
            spans. The scores are calibrated by cross-validation on the same articles. The same \
            folder and options give the same model file, byte for byte.
            """
    )

    @OptionGroup var corpus: AnnotatedCorpusOptions

    @Option(help: "Passes over the training articles.")
    var epochs = AttributionCueTrainer.Options().epochs

    func validate() throws {
        guard epochs >= 1 else { throw ValidationError("--epochs: give at least 1") }
    }

    func run() throws {
        var options = AttributionCueTrainer.Options()
        options.epochs = epochs
        try corpus.train { articles in
            var trainer = AttributionCueTrainer(articles: articles, options: options)
            try corpus.analyse(articles, with: try Analysis.pipeline()) { trainer.add($0, cues: $1.attributions.flatMap(\.cue)) }
            return trainer.model(about: corpus.about(articles), log: { print($0) })
        }
    }
}

/// `byline train content`: trains the quote stage's content tagger on articles annotated with
/// attributions in brat standoff (PolNeAR's layout).
struct TrainContent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "content",
        abstract: "Train the reported-content tagger on annotated articles and write its model file.",
        discussion: """
            The --train folder holds text/NAME.txt and attributions/NAME_ANNOTATOR.ann (brat \
            standoff, as PolNeAR). Each article is read as plain body text and analysed as \
            `byline analyze --plain` does, without the content tagger; its tokens are labelled \
            by the gold content that no quote or report found overlaps. The bias towards content \
            is chosen by cross-validation on the same articles. The same folder and options give \
            the same model file, byte for byte. The tagger reads the reports of the cue detector: \
            retrain it after `byline train attributions`.
            """
    )

    @OptionGroup var corpus: AnnotatedCorpusOptions

    @Option(help: "Passes over the training sentences.")
    var epochs = ContentTaggerTrainer.Options().epochs

    func validate() throws {
        guard epochs >= 1 else { throw ValidationError("--epochs: give at least 1") }
    }

    func run() throws {
        var options = ContentTaggerTrainer.Options()
        options.epochs = epochs
        try corpus.train { articles in
            var trainer = ContentTaggerTrainer(options: options)
            try corpus.analyse(articles, with: try Analysis.pipeline(quotes: .withoutLearnedContent)) { trainer.add($0, attributions: $1.attributions) }
            return trainer.model(about: corpus.about(articles), log: { print($0) })
        }
    }
}

/// The options of a command that trains a model on articles annotated with attributions, and
/// what every such command does around its own training.
struct AnnotatedCorpusOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The annotated training articles: a folder with text/ and attributions/.", valueName: "folder"))
    var train: String

    @Option(help: ArgumentHelp("Where to write the model file.", valueName: "file"))
    var output: String

    @Option(help: ArgumentHelp("What the training data is and where it comes from, for the model file's header.", valueName: "text"))
    var about = "PolNeAR train (Newell, Margolin & Ruths, LREC 2018; github.com/networkdynamics/PolNeAR; no licence stated)"

    /// The model file's account of its training data: `about` and how many articles.
    func about(_ articles: [AnnotatedArticle]) -> String {
        about + ", \(articles.count) articles"
    }

    /// Reads the articles, has `model` train on them and writes the model file it returns,
    /// then says where and how long it took; any error is one line and exit status 1.
    func train(_ model: ([AnnotatedArticle]) throws -> [UInt8]) throws {
        let started = Date()
        do {
            let bytes = try model(try AnnotatedArticle.corpus(at: URL(fileURLWithPath: train)))
            guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else {
                throw BylineError(.unreadable, input: output, "cannot write the model file")
            }
            print("wrote \(output) (\(bytes.count) bytes) in \(Int(Date().timeIntervalSince(started).rounded())) s")
        } catch {
            reportOnStandardError("\(error)")
            throw ExitCode(1)
        }
    }

    /// Reads each article as plain body text, analyses it with `pipeline` as `byline analyze
    /// --plain` does and hands it to `take` with its annotations.
    func analyse(_ articles: [AnnotatedArticle], with pipeline: Pipeline, _ take: (Document, AnnotatedArticle) -> Void) throws {
        for article in articles {
            var document = try PlainTextReader().read(SourceDocument(uri: article.name, bytes: Array(article.text.utf8)))
            pipeline.run(on: &document)
            take(document, article)
        }
    }
}
