import BylineCore
import BylineNER
import Foundation
import Testing

@Test func theBundledModelLoads() throws {
    let model = try NERModel.bundled()
    #expect(model.fileBytes.count > 100_000)
}

@Test func aModelSurvivesWritingAndReading() throws {
    let bytes = try NERModel.shared.fileBytes
    let copy = try NERModel(bytes: bytes)
    #expect(copy.fileBytes == bytes)
}

@Test func damagedModelFilesAreRefused() throws {
    let bytes = try NERModel.shared.fileBytes
    #expect(throws: BylineError.self) { try NERModel(bytes: Array("not a model".utf8)) }
    #expect(throws: BylineError.self) { try NERModel(bytes: Array(bytes.prefix(bytes.count / 2))) }
    #expect(throws: BylineError.self) { try NERModel(bytes: bytes + [0]) }
}
