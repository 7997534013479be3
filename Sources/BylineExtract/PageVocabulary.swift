import BylineCore

/// The word lists the readers' line rules use (scraped text, and the HTML reader's trimming), from the module's data files.
final class PageVocabulary: Sendable {
    /// Whole lines of site furniture, normalised (see ``normalise(_:)``).
    let chromePhrases: Set<String>
    /// Words of share widgets.
    let shareWords: Set<String>
    /// Footer markers that must open the line.
    let footerOpeners: [String]
    /// Footer markers found anywhere in the line.
    let footerPhrases: [String]
    /// Words of photo credits (lower-case ASCII).
    let photoCredits: Set<String>
    /// The longest of them, in bytes.
    let photoCreditMaximumLength: Int
    /// Lower-case words allowed inside a title-cased name.
    let nameConnectors: Set<String>

    static let shared = PageVocabulary()

    private init() {
        chromePhrases = Set(DataFile(PackageResources.chrome_phrases_txt).lines.map(Self.normalise))
        shareWords = Set(DataFile(PackageResources.share_words_txt).lines)
        let footer = DataFile(PackageResources.footer_markers_txt).lines
        footerOpeners = footer.filter { $0.hasPrefix("^") }.map { String($0.dropFirst()) }
        footerPhrases = footer.filter { !$0.hasPrefix("^") }
        photoCredits = Set(DataFile(PackageResources.photo_credits_txt).lines)
        photoCreditMaximumLength = photoCredits.map(\.utf8.count).max() ?? 0
        nameConnectors = Set(DataFile(PackageResources.name_connectors_txt).lines)
    }

    /// Lower case, bullets and symbols trimmed from both ends, digits as `#`, single spaces.
    static func normalise(_ line: some StringProtocol) -> String {
        let scalars = Array(line.lowercased().unicodeScalars)
        guard let first = scalars.firstIndex(where: isKept), let last = scalars.lastIndex(where: isKept) else { return "" }
        var out = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in scalars[first...last] {
            if scalar.value < 0x80 {
                if scalar == " " || scalar == "\t" {
                    if !lastWasSpace { out.append(" ") }
                    lastWasSpace = true
                } else {
                    lastWasSpace = false
                    out.append((0x30...0x39).contains(scalar.value) ? "#" : scalar)
                }
                continue
            }
            if scalar.properties.isWhitespace {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            out.append(scalar.properties.numericType == .decimal ? "#" : scalar)
        }
        return String(out)
    }

    private static func isKept(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            return (0x61...0x7A).contains(s.value) || (0x30...0x39).contains(s.value) || s == "+" || s == "-"
        }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// The rule that makes `line` chrome, or nil: a short line (see ``LineLimits``) that is a
    /// known phrase of site furniture or made only of share-widget words.
    func chromeRule(_ line: ScrapedLine) -> String? {
        guard line.words <= LineLimits.maximumChromeWords, line.text.utf8.count <= LineLimits.maximumChromeBytes else { return nil }
        let normal = Self.normalise(line.text)
        if chromePhrases.contains(normal) { return "chrome-phrase" }
        let words = normal.split(whereSeparator: { $0 == " " || $0 == "|" || $0 == "/" || $0 == "\u{00B7}" || $0 == "\u{2022}" })
        if !words.isEmpty, words.count <= LineLimits.maximumChromeWords, words.allSatisfy({ shareWords.contains(String($0)) }) {
            return "share-widget"
        }
        return nil
    }

    /// Whether `line` is a footer notice.
    func isFooter(_ line: ScrapedLine) -> Bool {
        let lowered = line.text.asciiLowercased()
        if footerOpeners.contains(where: { lowered.hasPrefix($0) }) { return true }
        if footerPhrases.contains(where: { lowered.containsBytes($0) }) { return true }
        // A line that is only an e-mail address.
        return line.words == 1 && lowered.utf8.contains(UInt8(ascii: "@")) && lowered.utf8.contains(UInt8(ascii: "."))
    }

    /// Whether a credit names a photographer or agency ("AP Photo/Jane Doe", "Yonhap").
    func isPhotoCredit(_ credit: some StringProtocol) -> Bool {
        var word: [UInt8] = []
        var found = false
        func finish() {
            if !found, (2...photoCreditMaximumLength).contains(word.count) {
                found = photoCredits.contains(String(decoding: word, as: UTF8.self))
            }
            word.removeAll(keepingCapacity: true)
        }
        for byte in credit.utf8 {
            switch byte {
            case 0x41...0x5A: word.append(byte | 0x20)
            case 0x61...0x7A, 0x30...0x39: word.append(byte)
            default: finish()
            }
            if found { return true }
        }
        finish()
        return found
    }
}
