import BylineCore

/// The binary model file: a short header, then flat little-endian arrays that load with a copy.
///
///     magic "BYLNER" + format (UInt16)
///     featureVersion, tagCount, gazetteer entries G   (UInt32 each)
///     G gazetteer keys (UInt32), G list masks (UInt32)
///     then for the first pass and for the second:
///       features F, weights W   (UInt32 each)
///       F feature keys (UInt32, ascending), F weight counts (UInt8)
///       W tags (UInt8), W weights (Int16), feature after feature
enum ModelFile {
    private static let magic: [UInt8] = Array("BYLNER".utf8) + [2, 0]
    /// The version of the feature templates; a model trained with other features is refused.
    static let featureVersion: UInt32 = 5

    static func encode(gazetteer: Gazetteer, passes: [LinearModel]) -> [UInt8] {
        var bytes = magic
        for field in [featureVersion, UInt32(EntityTag.count), UInt32(gazetteer.entries.count)] {
            append(field, to: &bytes)
        }
        for entry in gazetteer.entries { append(entry.key, to: &bytes) }
        for entry in gazetteer.entries { append(entry.lists, to: &bytes) }
        for model in passes {
            append(UInt32(model.keys.count), to: &bytes)
            append(UInt32(model.weights.count), to: &bytes)
            for key in model.keys { append(key, to: &bytes) }
            bytes.append(contentsOf: model.counts)
            bytes.append(contentsOf: model.tags)
            for weight in model.weights { append(weight, to: &bytes) }
        }
        return bytes
    }

    /// The gazetteer and the weights of `passCount` passes.
    static func decode(_ bytes: [UInt8], passCount: Int) throws(BylineError) -> (gazetteer: Gazetteer, passes: [LinearModel]) {
        var reader = Reader(bytes: bytes)
        guard let head = reader.take(magic.count), head.elementsEqual(magic) else {
            throw BylineError(.unsupportedFormat, "not a Byline NER model")
        }
        let cutShort = BylineError(.unsupportedFormat, "model file cut short")
        guard let header = reader.array(UInt32.self, count: 3) else { throw cutShort }
        guard header[0] == featureVersion, header[1] == EntityTag.count else {
            throw BylineError(.unsupportedFormat, "model made for other features (version \(header[0])); retrain it")
        }
        let entryCount = Int(header[2])
        guard let entryKeys = reader.array(UInt32.self, count: entryCount),
            let entryLists = reader.array(UInt32.self, count: entryCount)
        else { throw cutShort }
        var passes: [LinearModel] = []
        for _ in 0..<passCount {
            guard let sizes = reader.array(UInt32.self, count: 2) else { throw cutShort }
            let featureCount = Int(sizes[0])
            let weightCount = Int(sizes[1])
            guard let keys = reader.array(UInt32.self, count: featureCount),
                let counts = reader.array(UInt8.self, count: featureCount),
                let tags = reader.array(UInt8.self, count: weightCount),
                let weights = reader.array(Int16.self, count: weightCount)
            else { throw cutShort }
            guard weightCount < LinearModel.maximumWeights, counts.reduce(0, { $0 + Int($1) }) == weightCount,
                tags.allSatisfy({ Int($0) < EntityTag.count })
            else { throw BylineError(.unsupportedFormat, "model file damaged") }
            passes.append(LinearModel(keys: keys, counts: counts, tags: tags, weights: weights))
        }
        guard reader.atEnd else { throw BylineError(.unsupportedFormat, "model file longer than its header says") }
        return (Gazetteer(entries: zip(entryKeys, entryLists).map { ($0, $1) }), passes)
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Reads flat arrays off the front of the bytes.
    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        var atEnd: Bool { offset == bytes.count }

        mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
            guard count >= 0, bytes.count - offset >= count else { return nil }
            defer { offset += count }
            return bytes[offset..<offset + count]
        }

        /// `count` little-endian integers, copied in one piece.
        mutating func array<T: FixedWidthInteger>(_ type: T.Type, count: Int) -> [T]? {
            guard let slice = take(count * MemoryLayout<T>.size) else { return nil }
            let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                slice.withUnsafeBytes { raw in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: raw)
                }
                initialized = count
            }
            #if _endian(little)
            return values
            #else
            return values.map { T(littleEndian: $0) }
            #endif
        }
    }
}
