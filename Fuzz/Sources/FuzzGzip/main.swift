import FuzzDriver
import BylineSource

/// What every input shares, made once.
private enum Setup {
    /// Small, so that inflating past the limit is reached by short inputs.
    static let limits = ReadLimits(maximumDocumentSize: 1 << 20)
}

/// One libFuzzer input: the bytes as a `.gz` file holding one document.
func fuzzGzip(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    for item in InputReader.items(in: bytes, name: "fuzz.txt.gz", limits: Setup.limits) {
        if case .document(let document) = item { _ = document.bytes.count }
    }
    return 0
}

runFuzzer { data, count in fuzzGzip(data, count) }
