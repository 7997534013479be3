import FuzzDriver
import BylineExtract
import BylineSource

/// One libFuzzer input: the bytes as an HTML page. A thrown ``BylineError`` is a good answer;
/// a crash, a hang or a leak is a finding.
func fuzzHTML(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let source = SourceDocument(uri: "fuzz.html", bytes: Array(UnsafeBufferPointer(start: data, count: count)))
    _ = try? HTMLReader().read(source)
    return 0
}

runFuzzer { data, count in fuzzHTML(data, count) }
