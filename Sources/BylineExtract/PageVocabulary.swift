import BylineCore

/// The word lists the readers' line rules use (scraped text, and the HTML reader's trimming), from the module's data files.
final class PageVocabulary: Sendable {
    /// Whole lines of site furniture, normalised (see ``normalise(_:)``).
    let chromePhrases: Set<String>
    /// Words of share widgets.
    let shareWords: Set<String>
    /// Markers of footers and notices after an article.
    let footerMarkers: LineMarkers
    /// Markers of promotions: newsletter sign-ups, follow prompts.
    let promotionMarkers: LineMarkers
    /// Labels of links to other articles ("also read", "related coverage"), normalised.
    let relatedLabels: Set<String>
    /// Words of photo credits (lower-case ASCII).
    let photoCredits: Set<String>
    /// The longest of them, in bytes.
    let photoCreditMaximumLength: Int
    /// Lower-case words allowed inside a title-cased name.
    let nameConnectors: Set<String>
    /// Words of notes on how to reach the author or the site ("follow", "write to").
    let contactCues: [String]

    static let shared = PageVocabulary()

    private init() {
        chromePhrases = Set(DataFile(PackageResources.chrome_phrases_txt).lines.map(Self.normalise))
        shareWords = Set(DataFile(PackageResources.share_words_txt).lines)
        footerMarkers = LineMarkers(DataFile(PackageResources.footer_markers_txt).lines)
        promotionMarkers = LineMarkers(DataFile(PackageResources.promotion_markers_txt).lines)
        relatedLabels = Set(DataFile(PackageResources.related_labels_txt).lines.map(Self.normalise))
        photoCredits = Set(DataFile(PackageResources.photo_credits_txt).lines)
        photoCreditMaximumLength = photoCredits.map(\.utf8.count).max() ?? 0
        nameConnectors = Set(DataFile(PackageResources.name_connectors_txt).lines)
        contactCues = DataFile(PackageResources.contact_cues_txt).lines
    }

    /// Lower case, bullets and symbols trimmed from both ends, each run of digits as one `#`,
    /// single spaces.
    static func normalise(_ line: some StringProtocol) -> String {
        let scalars = Array(line.lowercased().unicodeScalars)
        guard let first = scalars.firstIndex(where: isKept), let last = scalars.lastIndex(where: isKept) else { return "" }
        return String(collapsingRuns: scalars[first...last]) { scalar in
            let isSpace = scalar.value < 0x80 ? scalar == " " || scalar == "\t" : scalar.properties.isWhitespace
            if isSpace { return " " }
            let isDigit = scalar.value < 0x80 ? (0x30...0x39).contains(scalar.value) : scalar.properties.numericType == .decimal
            return isDigit ? "#" : nil
        }
    }

    private static func isKept(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            return (0x61...0x7A).contains(s.value) || (0x30...0x39).contains(s.value) || s == "+" || s == "-" || s == "#"
        }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// The rule that makes `line` chrome, or nil: a short line (see ``ShortLine``) that is a
    /// known phrase of site furniture, made only of share-widget words, or made of such parts
    /// between separators ("Advertisement · Scroll to continue", "Listen to this article ▶
    /// 06:40", "Comments (0)").
    func chromeRule(_ line: ScrapedLine) -> String? {
        guard ShortLine.chrome.admits(line), line.text.utf8.count <= ShortLine.maximumChromeBytes else { return nil }
        let normal = Self.normalise(line.text)
        if chromePhrases.contains(normal) { return "chrome-phrase" }
        if isShareWidget(normal) { return "share-widget" }
        let parts = normal.split(whereSeparator: Self.isPartSeparator).map { $0.trimmingWhiteSpace() }.filter { !$0.isEmpty }
        guard parts.count >= 2 else { return nil }
        var named = false
        for part in parts {
            if Self.isCount(part) { continue }
            guard isChromePart(part) else { return nil }
            named = true
        }
        return named ? "chrome-parts" : nil
    }

    /// Marks that separate the parts of a widget line.
    private static func isPartSeparator(_ c: Character) -> Bool {
        "|/·•▶►▸⏵()[]—–".contains(c)
    }

    /// A bare number, count or duration: "#", "#:#".
    private static func isCount(_ part: some StringProtocol) -> Bool {
        part.allSatisfy { $0 == "#" || $0 == ":" || $0 == "." || $0 == "," }
    }

    /// One part of a widget line: a chrome phrase, share words, or a number and a chrome phrase.
    private func isChromePart(_ part: some StringProtocol) -> Bool {
        var text = String(part)
        while let last = text.last, last == ":" { text.removeLast() }
        if chromePhrases.contains(text) || isShareWidget(text) { return true }
        if text.hasPrefix("# ") { return chromePhrases.contains(String(text.dropFirst(2))) }
        return false
    }

    /// Whether normalised text is made only of share-widget words ("Share: Facebook · X").
    private func isShareWidget(_ normal: String) -> Bool {
        let words = normal.split(whereSeparator: { $0 == " " || $0 == "|" || $0 == "/" || $0 == "\u{00B7}" || $0 == "\u{2022}" })
        return !words.isEmpty && words.count <= ShortLine.chrome.maximumWords && words.allSatisfy { word in
            shareWords.contains(word.hasSuffix(":") ? String(word.dropLast()) : String(word))
        }
    }

    /// Whether `line` is a footer notice.
    func isFooter(_ line: ScrapedLine) -> Bool {
        let lowered = line.text.asciiLowercased()
        if footerMarkers.matches(lowered) { return true }
        // A line that is only an e-mail address.
        return line.words == 1 && lowered.utf8.contains(UInt8(ascii: "@")) && lowered.utf8.contains(UInt8(ascii: "."))
    }

    /// Whether `line` is a promotion: a sign-up or follow prompt.
    func isPromotion(_ line: ScrapedLine) -> Bool {
        ShortLine.promotion.admits(line) && promotionMarkers.matches(line.text.asciiLowercased())
    }

    /// Whether `line` is a label that heads a block of links to other articles ("Related
    /// coverage", "Most read").
    func isRelatedHeading(_ line: ScrapedLine) -> Bool {
        ShortLine.relatedLabel.admits(line) && relatedLabels.contains(Self.normalise(line.text))
    }

    /// Whether `line` is a link to another article set off by a label and a colon ("Also read:
    /// Port strike ends after talks").
    func isRelatedLink(_ line: ScrapedLine) -> Bool {
        guard ShortLine.label.admits(line), let colon = line.text.firstIndex(of: ":") else { return false }
        let label = line.text[..<colon]
        guard ShortLine.relatedLabel.admits(ScrapedLine(String(label))), line.text[colon...].count > 2 else {
            return false
        }
        return relatedLabels.contains(Self.normalise(label))
    }

    /// A credit without the copyright mark before the holder's name: "© Jane Doe" → "Jane Doe".
    static func creditName(_ credit: String) -> String {
        var text = Substring(credit)
        for mark in ["©", "(c)", "(C)", "Copyright", "copyright"] where text.hasPrefix(mark) {
            text = text.dropFirst(mark.count).trimmingWhiteSpace()
        }
        return String(text)
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

/// Markers that make a lower-cased line one kind of page furniture: "^marker" opens the line,
/// "marker$" ends it after a sentence's end or a colon, any other marker may stand anywhere.
struct LineMarkers: Sendable {
    let openers: [String]
    let closers: [String]
    let anywhere: [String]

    init(_ lines: [String]) {
        openers = lines.filter { $0.hasPrefix("^") }.map { String($0.dropFirst()) }
        closers = lines.filter { $0.hasSuffix("$") && !$0.hasPrefix("^") }.map { String($0.dropLast()) }
        anywhere = lines.filter { !$0.hasPrefix("^") && !$0.hasSuffix("$") }
    }

    /// Whether the lower-cased `line` carries one of the markers.
    func matches(_ line: String) -> Bool {
        if openers.contains(where: { line.hasPrefix($0) }) { return true }
        if anywhere.contains(where: { line.containsBytes($0) }) { return true }
        let end = line.trimmingWhiteSpace()
        for closer in closers where end.hasSuffix(closer) {
            let before = end.dropLast(closer.count).trimmingWhiteSpace()
            if let mark = before.last, ".!?:|·".contains(mark) { return true }
        }
        return false
    }
}
