import BylineCore
import BylineLanguage

/// Reads a date written in a page's markup or text: ISO 8601 and its common variants
/// ("2025-03-04 09:30:00", "2025-03-04T09:30:00.000+0900"), RFC 2822 ("Tue, 4 Mar 2025
/// 09:30:00 +0900"), and the written forms ``PublicationStamp`` knows ("Mar. 4, 2025",
/// "4. März 2025").
public enum DateText {
    /// The date in `text`, or nil when the whole of it is not one date.
    public static func parse(_ text: some StringProtocol) -> DateStamp? {
        let trimmed = Substring(text.trimmingWhiteSpace())
        guard !trimmed.isEmpty, trimmed.utf8.count <= 80 else { return nil }
        if let iso = isoLike(trimmed) { return iso }
        var cursor = StampCursor(StampToken.scan(trimmed))
        cursor.skipSeparators()
        guard let date = cursor.dateTime() else { return nil }
        cursor.skipSeparators()
        return cursor.atEnd ? date : nil
    }

    /// The first date at the start of `text`, whatever follows it ("March 4, 2025 | 3 min read").
    public static func leading(_ text: some StringProtocol) -> DateStamp? {
        var cursor = StampCursor(StampToken.scan(text.prefix(120)))
        cursor.skipSeparators()
        _ = cursor.label()
        cursor.skipSeparators()
        return cursor.dateTime()
    }

    /// Whether a page in `languageTag` writes slashed dates day first ("en-GB", "fr": 02/10 is
    /// 2 October), month first ("en-US"), or nil when the tag does not say.
    public static func writesDayFirst(languageTag: String?) -> Bool? {
        guard let tag = languageTag?.asciiLowercased(), !tag.isEmpty else { return nil }
        let parts = tag.split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard let language = parts.first else { return nil }
        if language == "en" {
            guard parts.count > 1 else { return nil }
            return !DateVocabulary.shared.monthFirstRegions.contains(String(parts[1]))
        }
        return true
    }

    /// The first whole date (with a day) anywhere in `text`: "Posted by Jane on 3 March 2012".
    public static func first(in text: some StringProtocol, dayFirst: Bool? = nil) -> DateStamp? {
        let tokens = StampToken.scan(text)
        let vocabulary = DateVocabulary.shared
        for start in tokens.indices {
            let token = tokens[start]
            let mayOpen = token.kind == .number || (token.kind == .word && (vocabulary.month(token.text) != nil || vocabulary.weekday(token.text) != nil))
            guard mayOpen else { continue }
            var cursor = StampCursor(tokens, dayFirst: dayFirst)
            cursor.i = start
            if let date = cursor.dateTime(), date.day != nil, plausible(date) { return date }
        }
        return nil
    }

    /// The first date in `text` that a label introduces ("Veröffentlicht am 16.08.2019",
    /// "Published: March 4, 2025"), with the field the label names.
    public static func labeled(in text: some StringProtocol, dayFirst: Bool? = nil) -> (field: PublicationStamp.Field, date: DateStamp)? {
        let tokens = StampToken.scan(text)
        for start in tokens.indices where tokens[start].kind == .word && PublicationStamp.labelOpeners.contains(tokens[start].text) {
            var cursor = StampCursor(tokens, dayFirst: dayFirst)
            cursor.i = start
            guard let field = cursor.label() else { continue }
            cursor.skipSeparators()
            if let date = cursor.dateTime(), date.day != nil, plausible(date) { return (field, date) }
        }
        return nil
    }

    /// The date stored under one of `keys` in JSON embedded anywhere in a page's source
    /// (`"publishedDate":"2016-11-04T20:37:27Z"`, with the quotes escaped or not).
    public static func inEmbeddedJSON(_ bytes: [UInt8], keys: [String]) -> DateStamp? {
        bytes.withUnsafeBufferPointer { page in
            for key in keys {
                let needle = Array(key.utf8)
                var from = 0
                while let at = ByteSearch.firstIndex(of: needle, in: page, from: from) {
                    from = at + needle.count
                    if let date = value(after: from, in: page) { return date }
                }
            }
            return nil
        }
    }

    /// The date written as the value that follows a key ending at `start`.
    private static func value(after start: Int, in page: UnsafeBufferPointer<UInt8>) -> DateStamp? {
        // Past the key's closing quote, the colon and the value's opening quote, each perhaps
        // escaped (\" or &quot;).
        var i = start
        while i < page.count, i - start < 16 {
            let byte = page[i]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: " ") {
                i += 1
            } else if page[i...].starts(with: "&quot;".utf8) {
                i += 6
            } else {
                break
            }
        }
        var end = i
        while end < page.count, end - i < 40, page[end] != UInt8(ascii: "\""), page[end] != UInt8(ascii: "\\"),
            page[end] != UInt8(ascii: "&")
        {
            end += 1
        }
        guard end > i, let date = parse(String(decoding: page[i..<end], as: UTF8.self)), date.day != nil, plausible(date) else {
            return nil
        }
        return date
    }

    /// The numeric dates written anywhere in a page's source, scripts, comments and attribute
    /// values included, in source order: `2020-04-17`, `2020/04/17`, `17.04.2020`, and
    /// `/20200417/` as a whole path segment. Version stamps of assets (`?ver=20170803`) are
    /// compact and so never read. Stops after `limit` dates.
    public static func inSource(_ bytes: [UInt8], limit: Int = 64) -> [DateStamp] {
        var found: [DateStamp] = []
        bytes.withUnsafeBufferPointer { page in
            func digit(_ i: Int) -> Int? { i >= 0 && i < page.count && page[i] >= 0x30 && page[i] <= 0x39 ? Int(page[i]) - 0x30 : nil }
            func number(_ from: Int, _ count: Int) -> Int? {
                var value = 0
                for i in from..<(from + count) {
                    guard let d = digit(i) else { return nil }
                    value = value * 10 + d
                }
                return value
            }
            var i = 0
            while i < page.count, found.count < limit {
                // Every date opens with a digit that follows a non-digit.
                guard digit(i) != nil, digit(i - 1) == nil else {
                    i += 1
                    continue
                }
                var stamp: DateStamp?
                var length = 0
                if let year = number(i, 4), i + 10 <= page.count, page[i + 4] == page[i + 7],
                    page[i + 4] == UInt8(ascii: "-") || page[i + 4] == UInt8(ascii: "/"),
                    let month = number(i + 5, 2), let day = number(i + 8, 2), digit(i + 10) == nil
                {
                    stamp = DateStamp(year: year, month: month, day: day)
                    length = 10
                } else if let year = number(i, 4), i > 0, page[i - 1] == UInt8(ascii: "/"), i + 9 <= page.count,
                    page[i + 8] == UInt8(ascii: "/"), let month = number(i + 4, 2), let day = number(i + 6, 2)
                {
                    stamp = DateStamp(year: year, month: month, day: day)
                    length = 8
                } else {
                    // Day first with dots: one or two digits each for day and month.
                    let dayDigits = digit(i + 1) != nil ? 2 : 1
                    let monthStart = i + dayDigits + 1
                    if monthStart < page.count, page[monthStart - 1] == UInt8(ascii: "."), let day = number(i, dayDigits) {
                        let monthDigits = digit(monthStart + 1) != nil ? 2 : 1
                        let yearStart = monthStart + monthDigits + 1
                        if yearStart + 4 <= page.count, page[yearStart - 1] == UInt8(ascii: "."),
                            let month = number(monthStart, monthDigits), let year = number(yearStart, 4), digit(yearStart + 4) == nil
                        {
                            stamp = DateStamp(year: year, month: month, day: day)
                            length = yearStart + 4 - i
                        }
                    }
                }
                if let stamp, plausible(stamp) {
                    found.append(stamp)
                    i += length
                } else {
                    i += 1
                    while digit(i) != nil { i += 1 }
                }
            }
        }
        return found
    }

    /// Whole days from `a` to `b` (dates with a day).
    static func daysBetween(_ a: DateStamp, _ b: DateStamp) -> Int? {
        guard let ma = a.month, let da = a.day, let mb = b.month, let db = b.day else { return nil }
        return DateStamp.dayNumber(b.year, mb, db) - DateStamp.dayNumber(a.year, ma, da)
    }

    /// ISO 8601 with the liberties pages take: a space for the `T`, fractional seconds, a zone
    /// without a colon, a date alone, or `YYYYMMDD`.
    static func isoLike(_ text: Substring) -> DateStamp? {
        var bytes = Array(text.utf8)
        guard bytes.count >= 4, bytes[0...3].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        if bytes.count == 8, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            bytes = Array(bytes[0..<4]) + [0x2D] + Array(bytes[4..<6]) + [0x2D] + Array(bytes[6..<8])
        }
        if bytes.count > 10, bytes[10] == 0x20 { bytes[10] = UInt8(ascii: "T") }
        // Milliseconds after a colon ("…:08:684Z") are fractional seconds too.
        if bytes.count > 20, bytes[10] == UInt8(ascii: "T"), bytes[19] == UInt8(ascii: ":") { bytes[19] = UInt8(ascii: ".") }
        // Drop fractional seconds: "…:00.000Z" → "…:00Z".
        if let dot = bytes.firstIndex(of: UInt8(ascii: ".")), dot > 10 {
            var end = dot + 1
            while end < bytes.count, bytes[end] >= 0x30 && bytes[end] <= 0x39 { end += 1 }
            bytes.removeSubrange(dot..<end)
        }
        // A zone abbreviation glued to the time: "…16:02:50CDT".
        if bytes.count > 16, let letters = bytes.lastIndex(where: { !(($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A)) }),
            letters < bytes.count - 1, bytes.count - letters - 1 <= 5, bytes[letters] >= 0x30 && bytes[letters] <= 0x39
        {
            let zone = String(decoding: bytes[(letters + 1)...], as: UTF8.self)
            if let minutes = DateVocabulary.shared.zoneOffset(zone) {
                let sign = minutes < 0 ? "-" : "+"
                let value = abs(minutes)
                let offset = sign + String(format2: value / 60) + ":" + String(format2: value % 60)
                bytes = Array(bytes[...letters]) + Array(offset.utf8)
            } else {
                bytes = Array(bytes[...letters])
            }
        }
        // " +0900" or " UTC" after the time.
        if let space = bytes.lastIndex(of: 0x20), space > 10 {
            let zone = String(decoding: bytes[(space + 1)...], as: UTF8.self)
            if zone == "UTC" || zone == "GMT" || zone == "Z" {
                bytes = Array(bytes[..<space]) + [UInt8(ascii: "Z")]
            } else {
                bytes.remove(at: space)
            }
        }
        return DateStamp(parsing: String(decoding: bytes, as: UTF8.self))
    }

    /// A date in a URL path: `/2025/03/04/`, `/2025-03-04/`, `/20250304/`, `/2025/mar/04/`, or
    /// `/2024/11/` (a month only, never given an invented day). With `fileTimestamps`, also a
    /// file named by its upload time, `20241110111200123.jpg` (used for image paths only: in a
    /// page's own URL such a number is as often an archive's capture time).
    public static func inURL(_ url: String, fileTimestamps: Bool = false) -> DateStamp? {
        let parts = url.split(whereSeparator: { $0 == "/" || $0 == "?" || $0 == "&" || $0 == "=" }).map(String.init)
        for (i, part) in parts.enumerated() {
            if fileTimestamps, let stamp = fileTimestamp(part) { return stamp }
            let pieces = part.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }).map(String.init)
            if pieces.count >= 3, pieces[0].count == 4, let y = Int(pieces[0]), let m = Int(pieces[1]), let d = Int(pieces[2]),
                pieces[1].count == 2, pieces[2].count == 2
            {
                let stamp = DateStamp(year: y, month: m, day: d)
                if plausible(stamp) { return stamp }
            }
            // Day first, as European sites write it: "…/29-10-2021".
            if pieces.count >= 3, let last = pieces.last, last.count == 4, let y = Int(last),
                let d = Int(pieces[pieces.count - 3]), let m = Int(pieces[pieces.count - 2]),
                pieces[pieces.count - 3].count == 2, pieces[pieces.count - 2].count == 2
            {
                let stamp = DateStamp(year: y, month: m, day: d)
                if plausible(stamp) { return stamp }
            }
            if part.count == 8, let _ = Int(part), let stamp = DateStamp(parsing: String(part.prefix(4)) + "-" + String(part.dropFirst(4).prefix(2)) + "-" + String(part.suffix(2))),
                plausible(stamp)
            {
                return stamp
            }
            guard part.count == 4, let year = Int(part), i + 1 < parts.count,
                let month = parts[i + 1].count <= 2 ? Int(parts[i + 1]) : DateVocabulary.shared.month(parts[i + 1])
            else { continue }
            if i + 2 < parts.count, parts[i + 2].count <= 2, let day = Int(parts[i + 2]) {
                let stamp = DateStamp(year: year, month: month, day: day)
                if plausible(stamp) { return stamp }
            }
            let stamp = DateStamp(year: year, month: month)
            if plausible(stamp) { return stamp }
        }
        return nil
    }

    /// The date of a file name that opens with a 14-digit `yyyyMMddHHmmss` time that is valid
    /// as a whole ("20201007120909561.jpg").
    private static func fileTimestamp(_ name: String) -> DateStamp? {
        let digits = name.utf8.prefix { $0 >= 0x30 && $0 <= 0x39 }.map { Int($0) - 0x30 }
        guard digits.count >= 14 else { return nil }
        func number(_ from: Int, _ count: Int) -> Int { digits[from..<(from + count)].reduce(0) { $0 * 10 + $1 } }
        let (hour, minute, second) = (number(8, 2), number(10, 2), number(12, 2))
        guard hour < 24, minute < 60, second < 60 else { return nil }
        let stamp = DateStamp(year: number(0, 4), month: number(4, 2), day: number(6, 2))
        return plausible(stamp) ? stamp : nil
    }

    /// A date news could carry: valid, and between 1990 and 2100.
    static func plausible(_ stamp: DateStamp) -> Bool {
        stamp.isValid && stamp.year >= 1990 && stamp.year <= 2100
    }
}

extension String {
    /// A number of at most two digits, zero-padded to two.
    init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : "\(value)"
    }
}
