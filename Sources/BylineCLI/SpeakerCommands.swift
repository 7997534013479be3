import ArgumentParser
import BylineAnalysis
import BylineCore
import BylineExtract
import BylineSource
import Foundation

/// `byline train speakers`: trains the ranking of quotes' candidate speakers on PolNeAR.
struct TrainSpeakers: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speakers",
        abstract: "Train the ranking of quotes' candidate speakers on attribution-annotated articles and write its model file.",
        discussion: """
            The folders hold text/NAME.txt and attributions/NAME_ANNOTATOR.ann (brat standoff, \
            as PolNeAR is laid out). Each article is read as `byline analyze --plain` reads it. \
            With --dev, prints how often the quotes' speakers are right there, by confidence. \
            The same files and options give the same model file, byte for byte.
            """
    )

    @Option(help: ArgumentHelp("The training articles: a folder with text/ and attributions/.", valueName: "folder"))
    var train: String

    @Option(help: ArgumentHelp("Articles to report the calibration on, laid out the same way.", valueName: "folder"))
    var dev: String?

    @Option(help: ArgumentHelp("Where to write the model file.", valueName: "file"))
    var output: String

    @Option(help: "The number of training epochs.")
    var epochs = SpeakerRankerTrainer.Options().epochs

    func validate() throws {
        guard epochs >= 1 else { throw ValidationError("--epochs: give at least 1") }
    }

    func run() throws {
        do {
            let training = try Self.analysed(train)
            var options = SpeakerRankerTrainer.Options()
            options.epochs = epochs
            let ranker = SpeakerRankerTrainer(options: options).train(training)
            let header = [
                "The learned ranking of a quote's candidate speakers (SpeakerRanker): feature weights of an",
                "averaged perceptron, then the isotonic calibration of the winner's share of the scores.",
                "Format: weight, TAB, feature, TAB, value; calibration, TAB, share from, TAB, probability right.",
                "Source: PolNeAR train (networkdynamics/PolNeAR, Newell, Margolin & Ruths, LREC 2018; no licence",
                "stated), \(training.count) articles, trained by `byline train speakers --train FOLDER --epochs \(epochs)`.",
            ]
            do {
                try Data(ranker.fileText(header: header).utf8).write(to: URL(fileURLWithPath: output))
            } catch {
                throw BylineError(.unwritable, input: output, "cannot write the model file")
            }
            print("wrote \(output) from \(training.count) articles")
            if let dev {
                for line in SpeakerRankerTrainer.calibrationTable(of: ranker, on: try Self.analysed(dev)) { print(line) }
            }
        } catch {
            reportOnStandardError("\(error)")
            throw ExitCode(1)
        }
    }

    /// The annotated articles of `folder`, each with its document analysed.
    private static func analysed(_ folder: String) throws -> [(article: AnnotatedArticle, document: Document)] {
        let pipeline = try Analysis.pipeline()
        let extractor = Extractor(options: ReadOptions(plain: true))
        return try AnnotatedArticle.corpus(at: URL(fileURLWithPath: folder)).map { article in
            var document = try extractor.extract(SourceDocument(uri: article.name, bytes: Array(article.text.utf8)))
            pipeline.run(on: &document)
            return (article, document)
        }
    }
}
