import FuzzDriver
import BylineExtract
import BylineSource

/// One libFuzzer input: the bytes as a page scraped to text.
func fuzzScrapedText(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let source = SourceDocument(uri: "fuzz.txt", bytes: Array(UnsafeBufferPointer(start: data, count: count)))
    _ = try? ScrapedTextReader().read(source)
    return 0
}

runFuzzer { data, count in fuzzScrapedText(data, count) }
