import BylineSource

/// Small enough that a fuzzed length field can pass it, so the limit's path is fuzzed too.
private let limits = ReadLimits(maximumDocumentSize: 1 << 16)

/// One libFuzzer input: the bytes as a WARC archive (gzip compressed when they start as gzip
/// does); every record is read.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWARC(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    for item in InputReader.items(in: bytes, name: "fuzz.warc", limits: limits) {
        if case .document(let document) = item { _ = document.sha256 }
    }
    return 0
}
