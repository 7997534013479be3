import BylineCore
import BylineLanguage

/// Reads a publication stamp line of a scraped page: "Published : Mar. 4, 2025 - 09:30",
/// "Updated 2025-03-04 15:43 KST", "Tuesday, 4 March 2025, 9:05 p.m.". A line is a stamp
/// only when the labels and dates account for all of it.
///
///     PublicationStamp.parse("Published : Mar. 4, 2025 - 09:30")
///     // [(field: .published, date: 2025-03-04T09:30)]
public enum PublicationStamp {
    /// Which metadata field a stamp fills.
    public enum Field: String, Sendable {
        case published, modified
    }

    /// The labels, longest first so that "last updated" wins over "updated".
    static let labels: [(words: [String], field: Field)] = DataFile(PackageResources.stamp_labels_tsv).rows
        .compactMap { row in
            guard row.count >= 2, let field = Field(rawValue: row[1]) else { return nil }
            return (row[0].split(separator: " ").map(String.init), field)
        }
        .sorted { $0.words.count > $1.words.count }

    /// The stamps on `line`, or nil when the line is anything but stamps. A stamp may follow
    /// the place it was filed from ("Lagos, March 4, 2025 09:30 WAT"); a relative stamp ("3
    /// hours ago", "Updated 2 hours ago") is a stamp without a date, so a line of only those
    /// gives an empty list.
    public static func parse(_ line: some StringProtocol) -> [(field: Field, date: DateStamp)]? {
        var text = Substring(line)
        if !mayStartStamp(text) {
            guard let rest = afterPlace(text), mayStartStamp(rest) else { return nil }
            text = rest
        }
        var cursor = StampCursor(StampToken.scan(text))
        var found: [(Field, DateStamp)] = []
        var relative = false
        while true {
            cursor.skipSeparators()
            if cursor.atEnd { break }
            if cursor.relativeStamp() {
                relative = true
                continue
            }
            let label = cursor.label()
            cursor.skipSeparators()
            if label != nil, cursor.relativeStamp() {
                relative = true
                continue
            }
            guard let field = label ?? (found.isEmpty ? .published : nil), let date = cursor.dateTime() else { return nil }
            found.append((field, date))
        }
        return found.isEmpty && !relative ? nil : found
    }

    /// The most words of a place that opens a stamp line.
    static let maximumPlaceWords = 3

    /// The text after a place name and its comma at the start of `line` ("Lagos, March 4, 2025"
    /// → "March 4, 2025"), or nil when the line does not open with one: one to three capitalised
    /// words without digits.
    static func afterPlace(_ line: Substring) -> Substring? {
        guard let comma = line.firstIndex(of: ","), line.distance(from: line.startIndex, to: comma) <= 40 else { return nil }
        let words = line[..<comma].split(separator: " ")
        guard (1...maximumPlaceWords).contains(words.count),
            words.allSatisfy({ word in word.first?.isUppercase == true && word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "." } })
        else { return nil }
        return line[line.index(after: comma)...].trimmingWhiteSpace()
    }
}

extension PublicationStamp {
    /// The units of relative stamps ("hours" in "3 hours ago"), from `relative-stamp-units.txt`.
    static let relativeUnits = Set(DataFile(PackageResources.relative_stamp_units_txt).lines)

    /// The first words of every label.
    static let labelOpeners = Set(labels.compactMap(\.words.first))

    /// A cheap first test: a stamp opens with a digit, a label, a month or a weekday.
    static func mayStartStamp(_ line: some StringProtocol) -> Bool {
        guard let first = line.unicodeScalars.first else { return false }
        if first.value >= 0x30 && first.value <= 0x39 { return true }
        let word = String(String.UnicodeScalarView(line.unicodeScalars.prefix { $0.properties.isAlphabetic })).lowercased()
        let vocabulary = DateVocabulary.shared
        return labelOpeners.contains(word) || vocabulary.month(word) != nil || vocabulary.weekday(word) != nil
    }
}

/// A token of a stamp line: a lower-cased word, a number, or one mark.
struct StampToken: Equatable {
    enum Kind { case word, number, mark }
    let kind: Kind
    let text: String
    /// Whether white space precedes the token.
    let spaced: Bool
    /// Whether a word was written in capitals only ("EAT"), before it was lower-cased.
    var capitals = false

    static func scan(_ line: some StringProtocol) -> [StampToken] {
        var tokens: [StampToken] = []
        var current = String.UnicodeScalarView()
        var kind = Kind.mark
        var spaced = false
        var pendingSpace = false
        var needsLowering = false
        var capitals = true
        func flush() {
            guard !current.isEmpty else { return }
            let text = String(current)
            tokens.append(
                StampToken(kind: kind, text: needsLowering ? text.lowercased() : text, spaced: spaced, capitals: kind == .word && capitals))
            current.removeAll()
            needsLowering = false
            capitals = true
        }
        for var scalar in line.unicodeScalars {
            let next: Kind
            var lower = false
            if scalar.value < 0x80 {
                switch scalar.value {
                case 0x20, 0x09...0x0D:
                    flush()
                    pendingSpace = true
                    continue
                case 0x30...0x39: next = .number
                case 0x41...0x5A:
                    scalar = Unicode.Scalar(scalar.value | 0x20)!
                    next = .word
                case 0x61...0x7A:
                    next = .word
                    lower = true
                default: next = .mark
                }
            } else if scalar.properties.isWhitespace {
                flush()
                pendingSpace = true
                continue
            } else if scalar.properties.isAlphabetic {
                next = .word
            } else {
                next = .mark
            }
            if next != kind || next == .mark || current.isEmpty {
                flush()
                kind = next
                spaced = pendingSpace
                pendingSpace = false
            }
            if scalar.value >= 0x80 && next == .word {
                if scalar.properties.changesWhenLowercased { needsLowering = true } else { lower = true }
            }
            if lower { capitals = false }
            current.append(scalar)
        }
        flush()
        return tokens
    }
}

/// A position in a stamp line's tokens, with parsers that move it only when they succeed.
struct StampCursor {
    let tokens: [StampToken]
    var i = 0
    let vocabulary = DateVocabulary.shared
    /// How to read a slashed date whose day and month could swap ("02/10/2020"): day first,
    /// month first, or not at all (nil).
    var slashedDayFirst: Bool?

    init(_ tokens: [StampToken], dayFirst: Bool? = nil) {
        self.tokens = tokens
        self.slashedDayFirst = dayFirst
    }

    var atEnd: Bool { i >= tokens.count }
    var current: StampToken? { atEnd ? nil : tokens[i] }

    mutating func accept(_ text: String) -> Bool {
        guard current?.text == text else { return false }
        i += 1
        return true
    }

    mutating func skipSeparators() {
        while let token = current, token.kind == .mark, "|,;:-–—/·•()[]".contains(token.text) { i += 1 }
    }

    /// A label such as "Published", "Last updated on".
    mutating func label() -> PublicationStamp.Field? {
        for label in PublicationStamp.labels {
            let end = i + label.words.count
            guard end <= tokens.count else { continue }
            if zip(tokens[i..<end], label.words).allSatisfy({ $0.text == $1 }) {
                i = end
                return label.field
            }
        }
        return nil
    }

    mutating func number(maxDigits: Int) -> Int? {
        guard let token = current, token.kind == .number, token.text.count <= maxDigits, let value = Int(token.text) else {
            return nil
        }
        i += 1
        return value
    }

    /// A date, optionally with a time of day and a zone, in either order.
    mutating func dateTime() -> DateStamp? {
        let start = i
        if var stamp = date() {
            let afterDate = i
            skipTimeSeparator()
            if let (hour, minute, second) = time() {
                stamp.hour = hour
                stamp.minute = minute
                stamp.second = second
                stamp.utcOffsetMinutes = zone()?.minutes
            } else {
                i = afterDate
            }
            return stamp.isValid ? stamp : restore(start)
        }
        if let (hour, minute, second) = time() {
            let zoneOffset = zone()?.minutes
            skipSeparators()
            guard var stamp = date() else { return restore(start) }
            stamp.hour = hour
            stamp.minute = minute
            stamp.second = second
            stamp.utcOffsetMinutes = zoneOffset
            return stamp.isValid ? stamp : restore(start)
        }
        return restore(start)
    }

    private mutating func restore<T>(_ position: Int) -> T? {
        i = position
        return nil
    }

    private mutating func skipTimeSeparator() {
        while let token = current, (token.kind == .mark && "-–—|,·/@".contains(token.text)) || ["at", "um", "à", "t"].contains(token.text) {
            i += 1
        }
    }

    /// A calendar date in one of the common orders.
    mutating func date() -> DateStamp? {
        let start = i
        if let token = current, token.kind == .word, vocabulary.weekday(token.text) != nil {
            i += 1
            _ = accept(".")
            _ = accept(",")
        }
        if let stamp = monthFirst() ?? dayFirst() ?? numeric() ?? eastAsian() { return stamp }
        return restore(start)
    }

    /// The small word between a day, its month and its year: "10 of May", "17 de marzo de 2020".
    private mutating func acceptConnector() {
        if let token = current, token.kind == .word, vocabulary.connectors.contains(token.text) { i += 1 }
    }

    private mutating func monthName() -> Int? {
        guard let token = current, token.kind == .word, let month = vocabulary.month(token.text) else { return nil }
        i += 1
        _ = accept(".")
        return month
    }

    private mutating func ordinalSuffix() {
        if let token = current, DateVocabulary.ordinalEndings.contains(token.text), !token.spaced { i += 1 }
    }

    /// "Mar. 4, 2025", "March 4 2025".
    private mutating func monthFirst() -> DateStamp? {
        let start = i
        guard let month = monthName(), let day = number(maxDigits: 2) else { return restore(start) }
        ordinalSuffix()
        _ = accept(",")
        guard let year = number(maxDigits: 4), year >= 1000 else { return restore(start) }
        return DateStamp(year: year, month: month, day: day)
    }

    /// "10 November 2024", "10. Nov. 2024".
    private mutating func dayFirst() -> DateStamp? {
        let start = i
        guard let day = number(maxDigits: 2) else { return restore(start) }
        ordinalSuffix()
        _ = accept(".")
        acceptConnector()
        guard let month = monthName() else { return restore(start) }
        _ = accept(",")
        acceptConnector()
        guard let year = number(maxDigits: 4), year >= 1000 else { return restore(start) }
        return DateStamp(year: year, month: month, day: day)
    }

    /// "2025-03-04", "2025.03.04", "2025/03/04", "04.03.2025", "04.03.25", and "04/03/2025"
    /// where the day cannot be mistaken for the month.
    private mutating func numeric() -> DateStamp? {
        let start = i
        guard let first = current, first.kind == .number else { return nil }
        i += 1
        guard let mark = current, mark.kind == .mark, [".", "-", "/"].contains(mark.text) else { return restore(start) }
        i += 1
        guard let middle = number(maxDigits: 2), accept(mark.text) else { return restore(start) }
        guard let last = current, last.kind == .number else { return restore(start) }
        i += 1
        if mark.text == "." { _ = accept(".") }
        let a = Int(first.text) ?? 0
        let c = Int(last.text) ?? 0
        if first.text.count == 4 && last.text.count <= 2 {
            return DateStamp(year: a, month: middle, day: c)
        }
        // A dotted date with a two-digit year, each part in two digits ("31.10.23"), is of this
        // century; a longer dotted run is a version or a number.
        if mark.text == ".", first.text.count == 2, last.text.count == 2, (1...12).contains(middle), current?.kind != .number {
            return DateStamp(year: 2000 + c, month: middle, day: a)
        }
        guard last.text.count == 4, first.text.count <= 2 else { return restore(start) }
        switch mark.text {
        case ".": return DateStamp(year: c, month: middle, day: a)
        default:
            if a > 12 && middle <= 12 { return DateStamp(year: c, month: middle, day: a) }
            if middle > 12 && a <= 12 { return DateStamp(year: c, month: a, day: middle) }
            guard let slashedDayFirst else { return restore(start) }
            return slashedDayFirst ? DateStamp(year: c, month: middle, day: a) : DateStamp(year: c, month: a, day: middle)
        }
    }

    /// "2020年07月03日", "2020년 7월 3일".
    private mutating func eastAsian() -> DateStamp? {
        let start = i
        guard let year = number(maxDigits: 4), year >= 1000, let marker = current?.text,
            let markers = vocabulary.eastAsianMarkers.first(where: { $0.year == marker })
        else { return restore(start) }
        i += 1
        guard let month = number(maxDigits: 2), accept(markers.month), let day = number(maxDigits: 2), accept(markers.day) else {
            return restore(start)
        }
        return DateStamp(year: year, month: month, day: day)
    }

    /// "11:12", "11:12:30", "9:05 p.m.", "9 pm".
    mutating func time() -> (Int, Int, Int?)? {
        let start = i
        guard var hour = number(maxDigits: 2) else { return nil }
        var minute = 0
        var second: Int?
        var hasMinutes = false
        if accept(":") || (current?.text == "." && i + 1 < tokens.count && tokens[i + 1].kind == .number && tokens[i + 1].text.count == 2 && accept(".")) {
            guard let m = number(maxDigits: 2) else { return restore(start) }
            minute = m
            hasMinutes = true
            if accept(":"), let s = number(maxDigits: 2) { second = s }
        }
        if let meridiem = meridiem() {
            guard (1...12).contains(hour) else { return restore(start) }
            hour = hour % 12 + (meridiem ? 12 : 0)
        } else if !hasMinutes {
            return restore(start)
        }
        _ = accept("h") || accept("uhr")
        return (hour, minute, second)
    }

    /// true for p.m., false for a.m., nil when absent.
    private mutating func meridiem() -> Bool? {
        let start = i
        guard let token = current, token.kind == .word else { return nil }
        switch token.text {
        case "am", "pm":
            i += 1
            return token.text == "pm"
        case "a", "p":
            i += 1
            if accept("."), accept("m") {
                _ = accept(".")
                return token.text == "p"
            }
            return restore(start)
        default:
            return nil
        }
    }

    /// A time zone after a time of day: known, or named without an offset this reader knows.
    enum Zone {
        case offset(Int)
        case unknown

        /// Minutes east of UTC, when known.
        var minutes: Int? {
            if case .offset(let minutes) = self { return minutes }
            return nil
        }
    }

    /// The most letters of a zone abbreviation ("AEST").
    static let maximumZoneLetters = 5

    /// "KST", "(KST)", "GMT+9", "+09:00", "UTC"; an abbreviation in capitals this reader does
    /// not know ("ABCT"), or a place's time ("Lagos time"), is a zone without an offset.
    mutating func zone() -> Zone? {
        let start = i
        let parenthesised = accept("(")
        var text = ""
        var capitals = false
        if let token = current, token.kind == .word {
            text = token.text
            capitals = token.capitals
            i += 1
        }
        if !text.isEmpty, accept("time") { return .unknown }
        if let sign = current, sign.kind == .mark, sign.text == "+" || sign.text == "-" {
            let signStart = i
            i += 1
            if let digits = current, digits.kind == .number {
                i += 1
                var offset = sign.text + digits.text
                if accept(":"), let minutes = current, minutes.kind == .number {
                    i += 1
                    offset += ":" + minutes.text
                }
                text += offset
            } else {
                i = signStart
            }
        }
        guard !text.isEmpty else { return restore(start) }
        if let minutes = vocabulary.zoneOffset(text) {
            if parenthesised { _ = accept(")") }
            return .offset(minutes)
        }
        guard capitals, (2...Self.maximumZoneLetters).contains(text.count), text.allSatisfy(\.isASCII) else { return restore(start) }
        if parenthesised { _ = accept(")") }
        return .unknown
    }

    /// A relative stamp, "3 hours ago" or "5 min ago", passed over (it gives no date).
    mutating func relativeStamp() -> Bool {
        let start = i
        guard number(maxDigits: 3) != nil, let unit = current, unit.kind == .word,
            PublicationStamp.relativeUnits.contains(unit.text)
        else {
            i = start
            return false
        }
        i += 1
        guard accept("ago") else {
            i = start
            return false
        }
        return true
    }
}
