import FuzzDriver
import BylineNER

/// One libFuzzer input: the bytes as a CoNLL-2003 file; its tags are checked and written back.
func fuzzCoNLL(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard let file = try? CoNLLFile(bytes: Array(UnsafeBufferPointer(start: data, count: count))) else { return 0 }
    _ = try? file.checkTags()
    _ = file.tagged(file.documents.map(\.tags))
    return 0
}

runFuzzer { data, count in fuzzCoNLL(data, count) }
