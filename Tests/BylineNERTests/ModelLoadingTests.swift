import BylineNER
import Testing

@Test func theBundledModelLoads() throws {
    _ = try NERModel.bundled()
}
