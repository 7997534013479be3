import BylineNER
import BylineTestSupport
import Foundation
import Testing

/// Training twice on the same small slice of eng.train gives the same model file, byte for byte.
@Test func trainingIsReproducible() throws {
    let documents = try CoNLLFile(path: SharedData.url("bench/conll2003/eng.train").path).documents
    let training = Array(documents.prefix(12))
    let development = Array(documents[12..<15])
    var options = NERTrainer.Options()
    options.epochs = 2
    options.folds = 2
    let first = try NERTrainer(options: options).train(training: training, development: development, log: { _ in })
    let second = try NERTrainer(options: options).train(training: training, development: development, log: { _ in })
    #expect(first.fileBytes == second.fileBytes)
    #expect(first.fileBytes.count > 10_000)
    options.seed += 1
    let reshuffled = try NERTrainer(options: options).train(training: training, development: development, log: { _ in })
    #expect(reshuffled.fileBytes != first.fileBytes)
}
