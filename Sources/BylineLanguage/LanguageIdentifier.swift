import BylineCore

/// Tells the language of a text: by its script where one language owns the script (Hangul,
/// Thai, Greek, …), by kana against Han for Japanese and Chinese, and otherwise by counting the
/// function words of each language written in that script.
///
///     LanguageIdentifier.shared.identify("The minister said that the talks…")  // "en"
public final class LanguageIdentifier: Sendable {
    /// How many code points of a text are looked at to count scripts; the start of an article
    /// is enough.
    public static let sampleLength = 2_000
    /// The least share of a text's words that must be function words of the chosen language.
    /// Calibrated by hand on news prose: running text of any listed language scores 0.2–0.5,
    /// lists of names and headlines below 0.1.
    public static let minimumFunctionWordShare = 0.08

    private struct ScriptRange: Sendable {
        let first: UInt32
        let last: UInt32
        /// An index into `scripts`.
        let script: Int
        let language: String?
    }

    private let ranges: [ScriptRange]
    /// Script names, in the order of their first range in `scripts.tsv`.
    private let scripts: [String]
    /// Function word → the languages (indices into `languages`) that use it.
    private let functionWords: WordMap<[Int]>
    private let languages: [(code: String, script: String)]
    private let latin: Int
    private let han: Int?
    private let kana: Set<Int>

    /// The identifier built from the module's data files.
    public static let shared = LanguageIdentifier()

    private init() {
        var scripts: [String] = []
        var ranges: [ScriptRange] = []
        for row in DataFile(PackageResources.scripts_tsv).rows where row.count >= 4 {
            guard let first = UInt32(row[0], radix: 16), let last = UInt32(row[1], radix: 16) else { continue }
            if !scripts.contains(row[2]) { scripts.append(row[2]) }
            let index = scripts.firstIndex(of: row[2])!
            ranges.append(ScriptRange(first: first, last: last, script: index, language: row[3] == "-" ? nil : row[3]))
        }
        self.ranges = ranges.sorted { $0.first < $1.first }
        self.scripts = scripts
        latin = scripts.firstIndex(of: "Latin") ?? 0
        han = scripts.firstIndex(of: "Han")
        kana = Set(["Hiragana", "Katakana"].compactMap { scripts.firstIndex(of: $0) })
        var languages: [(String, String)] = []
        var words: [String: [Int]] = [:]
        for row in DataFile(PackageResources.function_words_tsv).rows where row.count >= 3 {
            let index = languages.count
            languages.append((row[0], row[1]))
            for word in row[2].split(separator: " ") {
                words[String(word), default: []].append(index)
            }
        }
        self.languages = languages
        self.functionWords = WordMap(words)
    }

    /// The script range of a letter, with the language that owns it; nil for anything but a
    /// letter of a listed script.
    private func range(of scalar: Unicode.Scalar) -> ScriptRange? {
        let value = scalar.value
        if value < 0x80 {
            guard (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) else { return nil }
        } else if !scalar.properties.isAlphabetic {
            return nil
        }
        // The ranges are sorted and apart: the first that ends at or after the letter holds it, if any.
        let i = ranges.partitioningIndex { $0.last >= value }
        return i < ranges.count && ranges[i].first <= value ? ranges[i] : nil
    }

    /// Letters per script (indices into `scripts`) in the sample, and the languages that own
    /// the scripts that have one.
    private func census(_ text: String) -> (counts: [Int], owners: [String?]) {
        var counts = [Int](repeating: 0, count: scripts.count)
        var owners = [String?](repeating: nil, count: scripts.count)
        var seen = 0
        for scalar in text.unicodeScalars {
            seen += 1
            if seen > Self.sampleLength { break }
            if scalar.value < 0x80 {
                if (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value) { counts[latin] += 1 }
                continue
            }
            guard let range = range(of: scalar) else { continue }
            counts[range.script] += 1
            if let language = range.language { owners[range.script] = language }
        }
        return (counts, owners)
    }

    /// The name of the script most letters of `text` are written in ("Latin", "Hangul"), or nil.
    public func dominantScript(_ text: String) -> String? {
        let counts = census(text).counts
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] > 0 else { return nil }
        return scripts[best]
    }

    /// The ISO 639-1 code of the language of `text`, or nil when it cannot be told.
    public func identify(_ text: String) -> String? {
        let (counts, owners) = census(text)
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] > 0 else { return nil }
        let kanaLetters = kana.reduce(0) { $0 + counts[$1] }
        let hanLetters = han.map { counts[$0] } ?? 0
        if kanaLetters > 0 && kanaLetters * 10 >= kanaLetters + hanLetters { return "ja" }
        if best == han { return "zh" }
        if let owner = owners[best] { return owner }
        return byFunctionWords(text, script: scripts[best])
    }

    /// How many words the function-word count looks at.
    static let sampleWords = 150

    private func byFunctionWords(_ text: String, script: String) -> String? {
        var hits = [Int](repeating: 0, count: languages.count)
        var words = 0
        var word: [UInt8] = []
        var ascii = true
        func finish() {
            guard !word.isEmpty else { return }
            words += 1
            let key = ascii ? String(decoding: word, as: UTF8.self) : String(decoding: word, as: UTF8.self).lowercased()
            if let users = functionWords[key] {
                for index in users where languages[index].script == script { hits[index] += 1 }
            }
            word.removeAll(keepingCapacity: true)
            ascii = true
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if (0x61...0x7A).contains(value) {
                    word.append(UInt8(value))
                } else if (0x41...0x5A).contains(value) {
                    word.append(UInt8(value) | 0x20)
                } else {
                    finish()
                    if words >= Self.sampleWords { break }
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark {
                word.append(contentsOf: UTF8.encode(scalar)!)
                ascii = false
            } else {
                finish()
                if words >= Self.sampleWords { break }
            }
        }
        finish()
        guard words > 0, let best = hits.indices.max(by: { hits[$0] < hits[$1] }), hits[best] > 0 else { return nil }
        guard Double(hits[best]) / Double(words) >= Self.minimumFunctionWordShare else { return nil }
        return languages[best].code
    }
}
