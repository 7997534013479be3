import BylineCore

/// Month names, weekday names and time-zone abbreviations, from the module's data files.
public final class DateVocabulary: Sendable {
    private let months: [String: Int]
    private let weekdays: [String: Int]
    private let zones: [String: Int]
    /// Words between a day, its month and its year ("de", "of").
    public let connectors: Set<String>
    /// The markers after year, month and day in East Asian dates ("年", "月", "日").
    public let eastAsianMarkers: [(year: String, month: String, day: String)]
    /// Lower-case region codes whose English writes dates month first (us).
    public let monthFirstRegions: Set<String>

    public static let shared = DateVocabulary()

    /// The endings of English digit ordinals ("1st", "22nd", "3rd", "7th").
    public static let ordinalEndings = ["st", "nd", "rd", "th"]

    private init() {
        var months: [String: Int] = [:]
        for row in DataFile(PackageResources.months_tsv).rows where row.count >= 2 {
            months[row[0]] = Int(row[1])
        }
        var weekdays: [String: Int] = [:]
        for row in DataFile(PackageResources.weekdays_tsv).rows where row.count >= 2 {
            weekdays[row[0]] = Int(row[1])
        }
        var zones: [String: Int] = [:]
        for row in DataFile(PackageResources.timezones_tsv).rows where row.count >= 2 {
            if let minutes = Self.offsetMinutes(row[1]) { zones[row[0]] = minutes }
        }
        self.months = months
        self.weekdays = weekdays
        self.zones = zones
        self.connectors = Set(DataFile(PackageResources.date_connectors_txt).lines)
        self.eastAsianMarkers = DataFile(PackageResources.cjk_date_markers_tsv).rows.compactMap { row in
            row.count >= 3 ? (row[0], row[1], row[2]) : nil
        }
        self.monthFirstRegions = Set(DataFile(PackageResources.month_first_regions_txt).lines)
    }

    /// The number (1–12) of a month name or abbreviation, any case, final period allowed.
    public func month(_ word: some StringProtocol) -> Int? {
        months[Self.key(word)]
    }

    /// The ISO number (1 = Monday) of a weekday name or abbreviation.
    public func weekday(_ word: some StringProtocol) -> Int? {
        weekdays[Self.key(word)]
    }

    /// The UTC offset in minutes of a zone abbreviation ("KST") or a numeric offset
    /// ("+09:00", "+0900", "GMT+9", "UTC-5").
    public func zoneOffset(_ word: some StringProtocol) -> Int? {
        let upper = word.uppercased()
        if let minutes = zones[upper] { return minutes }
        for base in ["GMT", "UTC"] where upper.hasPrefix(base) {
            return Self.offsetMinutes(String(upper.dropFirst(base.count)))
        }
        return Self.offsetMinutes(upper)
    }

    /// Parses `+HH:MM`, `+HHMM`, `+H` and `+HH` into minutes east of UTC.
    static func offsetMinutes(_ text: String) -> Int? {
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let digits = text.dropFirst().filter { $0 != ":" }
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isASCII), let value = Int(digits) else {
            return nil
        }
        let minutes = digits.count <= 2 ? value * 60 : (value / 100) * 60 + value % 100
        guard minutes <= 14 * 60 else { return nil }
        return sign == "-" ? -minutes : minutes
    }

    private static func key(_ word: some StringProtocol) -> String {
        var w = word.lowercased()
        if w.hasSuffix(".") { w.removeLast() }
        return w
    }
}
