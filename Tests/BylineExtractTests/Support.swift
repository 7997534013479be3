import BylineCore
import BylineExtract
import BylineSource
import Foundation
import Testing

/// Reads a hand-written page through the scraped-text reader.
func readPage(_ text: String) throws -> Document {
    try ScrapedTextReader().read(SourceDocument(uri: "page.txt", bytes: Array(text.utf8)))
}

/// The texts of the paragraphs of one kind.
func paragraphs(_ document: Document, _ kind: ParagraphKind) -> [String] {
    document.paragraphs.filter { $0.kind == kind }.map { String(document.text[$0.span]) }
}
