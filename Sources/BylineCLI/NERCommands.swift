import ArgumentParser
import BylineCore
import BylineNER
import BylineSource
import Foundation

/// `byline train`: trains Byline's statistical models.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a statistical model.",
        subcommands: [TrainNER.self, TrainSpeakers.self, TrainAttributions.self, TrainContent.self]
    )
}

/// `byline train ner`: trains the named-entity tagger on CoNLL-2003 files.
struct TrainNER: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Train the named-entity tagger on CoNLL-2003 files and write its model file.",
        discussion: """
            Each pass is trained for up to --epochs epochs and the epoch with the best F1 on the \
            --dev file (PER/ORG/LOC) is kept. The same files and options give the same model file, \
            byte for byte.
            """
    )

    @Option(help: ArgumentHelp("The training data: CoNLL-2003, the entity tag last on each token line.", valueName: "file"))
    var train: String

    @Option(help: ArgumentHelp("Development data, for choosing the number of epochs.", valueName: "file"))
    var dev: String

    @Option(help: ArgumentHelp("Where to write the model file.", valueName: "file"))
    var output: String

    @Option(help: "The most epochs to train each pass for.")
    var epochs = NERTrainer.Options().epochs

    @Option(help: "The seed of the training shuffles.")
    var seed = NERTrainer.Options().seed

    func validate() throws {
        guard epochs >= 1 else { throw ValidationError("--epochs: give at least 1") }
    }

    func run() throws {
        let started = Date()
        var options = NERTrainer.Options()
        options.epochs = epochs
        options.seed = seed
        do {
            let training = try Self.taggedFile(train)
            let development = try Self.taggedFile(dev)
            let model = try NERTrainer(options: options).train(
                training: training.documents, development: development.documents,
                log: { print($0) })
            let bytes = model.fileBytes
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: output))
            } catch {
                throw BylineError(.unreadable, input: output, "cannot write the model file")
            }
            let seconds = Int(Date().timeIntervalSince(started).rounded())
            print("wrote \(output) (\(bytes.count) bytes) in \(seconds) s")
        } catch {
            FileHandle.standardError.write(Data("byline: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// The CoNLL file at `path`, checked to carry an entity tag on every token line.
    private static func taggedFile(_ path: String) throws(BylineError) -> CoNLLFile {
        let file = try CoNLLFile(path: path)
        do {
            try file.checkTags()
        } catch {
            throw error.about(path)
        }
        return file
    }
}

/// `byline tag`: named-entity tags for tokenised text.
struct Tag: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tag named entities (PER, ORG, LOC, MISC) in a CoNLL-2003 token file.",
        discussion: """
            The file holds one token per line (the first white-space separated field; other \
            fields are ignored), blank lines between sentences and -DOCSTART- lines between \
            documents. Every input line gives one output line: token lines become token, a tab \
            and the IOB2 tag; blank and -DOCSTART- lines are echoed.
            """
    )

    @Option(help: ArgumentHelp("The CoNLL-2003 file to tag (.gz is decompressed), or - for standard input.", valueName: "file"))
    var conll: String

    func run() throws {
        let model = try orExit { try NERModel.bundled() }
        let file: CoNLLFile
        let input: Input = conll == "-" ? .standardInput : .file(uri: conll)
        do {
            let source = try InputReader.read(input)
            do {
                file = try CoNLLFile(bytes: source.bytes)
            } catch {
                throw error.about(input.uri)
            }
        } catch {
            reportOnStandardError("\(error)")
            throw ExitCode(1)
        }
        let tags = file.documents.map { model.tag(document: $0.sentences) }
        let output = OutputFile.standardOutput()
        do {
            try output.write(file.tagged(tags))
            try output.flush()
        } catch {
            reportOnStandardError(error.description)
            throw ExitCode(1)
        }
    }
}
