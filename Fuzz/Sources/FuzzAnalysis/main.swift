import FuzzDriver
import BylineAnalysis
import BylineCore
import BylineExtract
import BylineSource

/// What every input shares, made once.
private enum Setup {
    static let extractor = Extractor(options: ReadOptions(plain: true, published: DateStamp(parsing: "2024-05-01")))
    /// The analysis stages, loaded once (the model and tables), as the command-line tool does.
    static let pipeline = try! Analysis.pipeline()
}

/// One libFuzzer input: the bytes as an article's body text, analysed by every stage, and the
/// result written as the JSON contract.
func fuzzAnalysis(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let source = SourceDocument(uri: "fuzz.txt", bytes: Array(UnsafeBufferPointer(start: data, count: count)))
    guard var document = try? Setup.extractor.extract(source) else { return 0 }
    Setup.pipeline.run(on: &document)
    _ = try? DocumentWriter(fields: .analysis, pretty: false).encode(document)
    return 0
}

runFuzzer { data, count in fuzzAnalysis(data, count) }
