import BylineCore
import Foundation

/// Word lists of places, organisations and nationalities, matched against sentences as
/// features. The lists are data files under `Resources/Gazetteers/` (each says what it is and
/// where it came from); training reads them, and the model file carries their hashed entries,
/// so a model always tags with the lists it was trained with.
struct Gazetteer: Sendable {
    /// The list files, in the order of their bits in a mark.
    static let listNames = ["countries", "regions", "cities", "demonyms", "organizations", "given-names", "surnames"]
    /// The longest entry, in tokens, that matching tries.
    static let maximumEntryTokens = 6

    /// Set in an entry's mark when longer entries start with its phrase, so matching goes on.
    static let continues: UInt32 = 1 << 31

    /// Folded phrase hash → bit `i` set when the phrase is in list `i` (and ``continues``);
    /// sorted by key.
    let entries: [(key: UInt32, lists: UInt32)]
    private let index: KeyIndex

    init(entries: [(key: UInt32, lists: UInt32)]) {
        self.entries = entries
        index = KeyIndex(keys: entries.map(\.key), payloads: entries.map(\.lists))
    }

    /// The lists bundled with the module.
    static func bundled() throws(BylineError) -> Gazetteer {
        var lists: [UInt32: UInt32] = [:]
        for (bit, name) in listNames.enumerated() {
            guard let url = ModuleResources.url(of: "\(name).txt", subdirectory: "Gazetteers"), let data = try? Data(contentsOf: url)
            else { throw BylineError(.notFound, input: "Gazetteers/\(name).txt", "gazetteer missing from the module's resources") }
            for line in DataFile([UInt8](data)).lines {
                let words = line.split(whereSeparator: \.isWhitespace).map { TokenForms(String($0)) }
                guard words.count <= maximumEntryTokens else { continue }
                lists[phraseKey(words[...]), default: 0] |= 1 << UInt32(bit)
                for length in 1..<words.count { lists[phraseKey(words[..<length]), default: 0] |= continues }
            }
        }
        return Gazetteer(entries: lists.keys.sorted().map { ($0, lists[$0]!) })
    }

    /// The key of a phrase: its tokens' lower-case forms hashed in order.
    static func phraseKey(_ forms: ArraySlice<TokenForms>) -> UInt32 {
        var hash = FeatureHash.offsetBasis
        for form in forms { hash = FeatureHash.combine(hash, form.lower) }
        return FeatureKey.fold(hash)
    }

    /// For each token of a sentence, the list matches covering it: bit `4 × list + position`,
    /// position 0–3 for the first, an inner, the last and the only token of the match. A match
    /// must start with a capital letter; it is extended only while longer entries begin with it.
    func marks(_ sentence: ArraySlice<TokenForms>) -> [UInt32] {
        var marks = [UInt32](repeating: 0, count: sentence.count)
        let base = sentence.startIndex
        for start in sentence.indices where sentence[start].isCapitalized {
            var hash = FeatureHash.offsetBasis
            for end in start..<min(sentence.endIndex, start + Self.maximumEntryTokens) {
                hash = FeatureHash.combine(hash, sentence[end].lower)
                guard let lists = index.payload(of: FeatureKey.fold(hash)) else { break }
                for list in 0..<Self.listNames.count where lists & (1 << UInt32(list)) != 0 {
                    let bit = UInt32(4 * list)
                    if start == end {
                        marks[start - base] |= 1 << (bit + 3)
                        continue
                    }
                    marks[start - base] |= 1 << bit
                    for inner in start + 1..<end { marks[inner - base] |= 1 << (bit + 1) }
                    marks[end - base] |= 1 << (bit + 2)
                }
                if lists & Self.continues == 0 { break }
            }
        }
        return marks
    }
}
