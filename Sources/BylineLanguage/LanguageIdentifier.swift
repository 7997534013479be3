import BylineCore

/// Tells the language of a text: by its script where one language owns the script (Hangul,
/// Thai, Greek, …), by kana against Han for Japanese and Chinese, and otherwise by counting the
/// function words of each language written in that script.
///
///     LanguageIdentifier.shared.identify("The minister said that the talks…")  // "en"
public struct LanguageIdentifier: Sendable {
    /// How many code points of a text are looked at; the start of an article is enough.
    public static let sampleLength = 20_000
    /// The least share of a text's words that must be function words of the chosen language.
    /// Calibrated by hand on news prose: running text of any listed language scores 0.2–0.5,
    /// lists of names and headlines below 0.1.
    public static let minimumFunctionWordShare = 0.08

    private struct ScriptRange: Sendable {
        let first: UInt32
        let last: UInt32
        let script: String
        let language: String?
    }

    private let ranges: [ScriptRange]
    /// Function word → the languages (indices into `languages`) that use it.
    private let functionWords: [String: [Int]]
    private let languages: [(code: String, script: String)]

    /// The identifier built from the module's data files.
    public static let shared = LanguageIdentifier()

    private init() {
        ranges = DataFile(PackageResources.scripts_tsv).rows.compactMap { row in
            guard row.count >= 4, let first = UInt32(row[0], radix: 16), let last = UInt32(row[1], radix: 16) else {
                return nil
            }
            return ScriptRange(first: first, last: last, script: row[2], language: row[3] == "-" ? nil : row[3])
        }.sorted { $0.first < $1.first }
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
        self.functionWords = words
    }

    /// The script of a code point, with the language that owns it, or nil for non-letters.
    private func range(of scalar: Unicode.Scalar) -> ScriptRange? {
        let value = scalar.value
        var lo = 0
        var hi = ranges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if value < ranges[mid].first {
                hi = mid - 1
            } else if value > ranges[mid].last {
                lo = mid + 1
            } else {
                return ranges[mid]
            }
        }
        return nil
    }

    /// The name of the script most letters of `text` are written in ("Latin", "Hangul"), or nil.
    public func dominantScript(_ text: some StringProtocol) -> String? {
        var counts: [String: Int] = [:]
        for scalar in text.unicodeScalars.prefix(Self.sampleLength) where scalar.properties.isAlphabetic {
            if let range = range(of: scalar) { counts[range.script, default: 0] += 1 }
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// The ISO 639-1 code of the language of `text`, or nil when it cannot be told.
    public func identify(_ text: some StringProtocol) -> String? {
        var scripts: [String: Int] = [:]
        var owners: [String: String] = [:]
        var letters = 0
        for scalar in text.unicodeScalars.prefix(Self.sampleLength) where scalar.properties.isAlphabetic {
            guard let range = range(of: scalar) else { continue }
            letters += 1
            scripts[range.script, default: 0] += 1
            if let language = range.language { owners[range.script] = language }
        }
        guard letters > 0 else { return nil }
        let kana = (scripts["Hiragana"] ?? 0) + (scripts["Katakana"] ?? 0)
        let han = scripts["Han"] ?? 0
        if kana > 0 && kana * 10 >= (kana + han) { return "ja" }
        guard let (script, _) = scripts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { return nil }
        if script == "Han" { return "zh" }
        if let owner = owners[script] { return owner }
        return byFunctionWords(text, script: script)
    }

    private func byFunctionWords(_ text: some StringProtocol, script: String) -> String? {
        var hits = [Int](repeating: 0, count: languages.count)
        var words = 0
        var word = String.UnicodeScalarView()
        func finish() {
            guard !word.isEmpty else { return }
            words += 1
            if let users = functionWords[String(word).lowercased()] {
                for index in users where languages[index].script == script { hits[index] += 1 }
            }
            word.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars.prefix(Self.sampleLength) {
            if scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark {
                word.append(scalar)
            } else {
                finish()
            }
        }
        finish()
        guard words > 0, let best = hits.indices.max(by: { hits[$0] < hits[$1] }), hits[best] > 0 else { return nil }
        guard Double(hits[best]) / Double(words) >= Self.minimumFunctionWordShare else { return nil }
        return languages[best].code
    }
}
