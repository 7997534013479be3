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

    @Option(help: ArgumentHelp("The annotated training articles: a folder with text/ and attributions/.", valueName: "folder"))
    var train: String

    @Option(help: ArgumentHelp("Where to write the model file.", valueName: "file"))
    var output: String

    @Option(help: ArgumentHelp("What the training data is and where it comes from, for the model file's header.", valueName: "text"))
    var about = "PolNeAR train (Newell, Margolin & Ruths, LREC 2018; github.com/networkdynamics/PolNeAR; no licence stated)"

    @Option(help: "Passes over the training articles.")
    var epochs = AttributionCueTrainer.Options().epochs

    func validate() throws {
        guard epochs >= 1 else { throw ValidationError("--epochs: give at least 1") }
    }

    func run() throws {
        let started = Date()
        var options = AttributionCueTrainer.Options()
        options.epochs = epochs
        do {
            let articles = try AnnotatedArticle.corpus(at: URL(fileURLWithPath: train))
            let pipeline = try Analysis.pipeline()
            var trainer = AttributionCueTrainer(articles: articles, options: options)
            for article in articles {
                var document = try PlainTextReader().read(SourceDocument(uri: article.name, bytes: Array(article.text.utf8)))
                pipeline.run(on: &document)
                trainer.add(document, cues: article.attributions.flatMap(\.cue))
            }
            let bytes = trainer.model(about: about + ", \(articles.count) articles", log: { print($0) })
            guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else {
                throw BylineError(.unreadable, input: output, "cannot write the model file")
            }
            print("wrote \(output) (\(bytes.count) bytes) in \(Int(Date().timeIntervalSince(started).rounded())) s")
        } catch {
            reportOnStandardError("\(error)")
            throw ExitCode(1)
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

    @Option(help: ArgumentHelp("The annotated training articles: a folder with text/ and attributions/.", valueName: "folder"))
    var train: String

    @Option(help: ArgumentHelp("Where to write the model file.", valueName: "file"))
    var output: String

    @Option(help: ArgumentHelp("What the training data is and where it comes from, for the model file's header.", valueName: "text"))
    var about = "PolNeAR train (Newell, Margolin & Ruths, LREC 2018; github.com/networkdynamics/PolNeAR; no licence stated)"

    @Option(help: "Passes over the training sentences.")
    var epochs = ContentTaggerTrainer.Options().epochs

    func validate() throws {
        guard epochs >= 1 else { throw ValidationError("--epochs: give at least 1") }
    }

    func run() throws {
        let started = Date()
        var options = ContentTaggerTrainer.Options()
        options.epochs = epochs
        do {
            let articles = try AnnotatedArticle.corpus(at: URL(fileURLWithPath: train))
            let pipeline = try Analysis.pipeline(quotes: .withoutLearnedContent)
            var trainer = ContentTaggerTrainer(options: options)
            for article in articles {
                var document = try PlainTextReader().read(SourceDocument(uri: article.name, bytes: Array(article.text.utf8)))
                pipeline.run(on: &document)
                trainer.add(document, attributions: article.attributions)
            }
            let bytes = trainer.model(about: about + ", \(articles.count) articles", log: { print($0) })
            guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else {
                throw BylineError(.unreadable, input: output, "cannot write the model file")
            }
            print("wrote \(output) (\(bytes.count) bytes) in \(Int(Date().timeIntervalSince(started).rounded())) s")
        } catch {
            reportOnStandardError("\(error)")
            throw ExitCode(1)
        }
    }
}
