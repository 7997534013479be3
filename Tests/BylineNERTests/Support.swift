import BylineNER
import Foundation

/// A sentence written with spaces between its tokens, as a token list.
func tokens(_ sentence: String) -> [String] {
    sentence.split(separator: " ").map(String.init)
}

/// The entities the bundled model finds in a document: (text, type) in order.
func entities(_ sentences: [String]) throws -> [(text: String, type: String)] {
    let document = sentences.map(tokens)
    let tags = try NERModel.shared.tag(document: document)
    var found: [(text: String, type: String)] = []
    for (words, sentenceTags) in zip(document, tags) {
        for (word, tag) in zip(words, sentenceTags) {
            if tag.hasPrefix("B-") {
                found.append((word, String(tag.dropFirst(2))))
            } else if tag.hasPrefix("I-"), let last = found.popLast() {
                found.append((last.text + " " + word, last.type))
            }
        }
    }
    return found
}

/// A fresh temporary file holding `text`.
func temporaryFile(_ text: String, name: String = "input.conll") throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("byline-ner-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: file)
    return file
}
