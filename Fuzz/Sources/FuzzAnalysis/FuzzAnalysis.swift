import BylineAnalysis
import BylineCore
import BylineExtract
import BylineSource

/// The analysis stages, loaded once (the model and tables), as the command-line tool does.
private let pipeline = try! Analysis.pipeline()
private let extractor = Extractor(options: ReadOptions(plain: true, published: DateStamp(parsing: "2024-05-01")))

/// One libFuzzer input: the bytes as an article's body text, analysed by every stage, and the
/// result written as the JSON contract.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnalysis(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let source = SourceDocument(uri: "fuzz.txt", bytes: Array(UnsafeBufferPointer(start: data, count: count)))
    guard var document = try? extractor.extract(source) else { return 0 }
    pipeline.run(on: &document)
    _ = try? DocumentWriter(fields: .analysis, pretty: false).encode(document)
    return 0
}
