import BylineCore

/// The word lists the scraped-text reader's rules use, from the module's data files.
struct PageVocabulary: Sendable {
    /// Whole lines of site furniture, normalised (see ``normalise(_:)``).
    let chromePhrases: Set<String>
    /// Words of share widgets.
    let shareWords: Set<String>
    /// Footer markers that must open the line.
    let footerOpeners: [String]
    /// Footer markers found anywhere in the line.
    let footerPhrases: [String]
    /// Words of photo credits.
    let photoCredits: Set<String>
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
        nameConnectors = Set(DataFile(PackageResources.name_connectors_txt).lines)
    }

    /// Lower case, bullets and symbols trimmed from both ends, digits as `#`, single spaces.
    static func normalise(_ line: some StringProtocol) -> String {
        let lowered = line.lowercased()
        let trimmed = lowered.drop(while: { !isKept($0) }).reversed().drop(while: { !isKept($0) }).reversed()
        var out = ""
        var lastWasSpace = false
        for character in trimmed {
            if character.isWhitespace {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            out.append(character.isNumber ? "#" : character)
        }
        return out
    }

    private static func isKept(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "+" || c == "-" }

    /// The rule that makes `line` chrome, or nil.
    func chromeRule(_ line: ScrapedLine) -> String? {
        let normal = Self.normalise(line.text)
        if chromePhrases.contains(normal) { return "chrome-phrase" }
        let words = normal.split(whereSeparator: { $0 == " " || $0 == "|" || $0 == "/" || $0 == "\u{00B7}" || $0 == "\u{2022}" })
        if !words.isEmpty, words.count <= 12, words.allSatisfy({ shareWords.contains(String($0)) }) {
            return "share-widget"
        }
        return nil
    }

    /// Whether `line` is a footer notice.
    func isFooter(_ line: ScrapedLine) -> Bool {
        let lowered = line.text.lowercased()
        if footerOpeners.contains(where: { lowered.hasPrefix($0) }) { return true }
        if footerPhrases.contains(where: { lowered.contains($0) }) { return true }
        // A line that is only an e-mail address.
        return line.words == 1 && lowered.contains("@") && lowered.contains(".")
    }

    /// Whether a credit names a photographer or agency ("AP Photo/Jane Doe", "Yonhap").
    func isPhotoCredit(_ credit: some StringProtocol) -> Bool {
        credit.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains { photoCredits.contains(String($0)) }
    }
}
