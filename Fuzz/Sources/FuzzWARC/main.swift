import FuzzDriver
import BylineSource

/// What every input shares, made once.
private enum Setup {
    /// Small enough that a fuzzed length field can pass it, so the limit's path is fuzzed too.
    static let limits = ReadLimits(maximumDocumentSize: 1 << 16)
}

/// One libFuzzer input: the bytes as a WARC archive (gzip compressed when they start as gzip
/// does); every record is read.
func fuzzWARC(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    for item in InputReader.items(in: bytes, name: "fuzz.warc", limits: Setup.limits) {
        if case .document(let document) = item { _ = document.sha256 }
    }
    return 0
}

runFuzzer { data, count in fuzzWARC(data, count) }
