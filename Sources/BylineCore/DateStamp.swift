/// A calendar date with an optional time of day and zone, kept at the precision its source gave.
///
/// "Mar. 4, 2025 - 09:30" is a stamp with minutes and no zone; "2025-03" is one with a month
/// and no day. A missing part is never invented.
///
///     DateStamp(parsing: "2025-03-04T09:30")?.iso   // "2025-03-04T09:30"
public struct DateStamp: Hashable, Sendable, Comparable {
    public var year: Int
    public var month: Int?
    public var day: Int?
    public var hour: Int?
    public var minute: Int?
    public var second: Int?
    /// The offset from UTC in minutes, when the source gave a zone.
    public var utcOffsetMinutes: Int?

    public init(
        year: Int, month: Int? = nil, day: Int? = nil, hour: Int? = nil, minute: Int? = nil,
        second: Int? = nil, utcOffsetMinutes: Int? = nil
    ) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// Whether the parts make a real calendar date and clock time.
    public var isValid: Bool {
        guard (1...9999).contains(year) else { return false }
        if let month, !(1...12).contains(month) { return false }
        if let day {
            guard let month, day >= 1, day <= DateStamp.daysIn(month: month, year: year) else { return false }
        }
        if let hour, !(0...23).contains(hour) { return false }
        if let minute, !(0...59).contains(minute) { return false }
        if let second, !(0...60).contains(second) { return false }
        if let utcOffsetMinutes, abs(utcOffsetMinutes) > 14 * 60 { return false }
        return true
    }

    /// The number of days in a month of the proleptic Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO 8601 at the stamp's own precision: `2025`, `2025-03`, `2025-03-04`,
    /// `2025-03-04T09:30`, `2025-03-04T09:30:15+09:00`.
    public var iso: String {
        var out = pad(year, 4)
        guard let month else { return out }
        out += "-" + pad(month, 2)
        guard let day else { return out }
        out += "-" + pad(day, 2)
        guard let hour else { return out }
        out += "T" + pad(hour, 2) + ":" + pad(minute ?? 0, 2)
        if let second { out += ":" + pad(second, 2) }
        if let offset = utcOffsetMinutes {
            if offset == 0 {
                out += "Z"
            } else {
                out += (offset < 0 ? "-" : "+") + pad(abs(offset) / 60, 2) + ":" + pad(abs(offset) % 60, 2)
            }
        }
        return out
    }

    /// Parses the ISO 8601 forms that ``iso`` writes (a date of 1–3 parts, an optional
    /// `THH:MM[:SS]` and an optional `Z` or `±HH:MM` zone). Returns nil for anything else.
    public init?(parsing string: some StringProtocol) {
        let bytes = Array(string.utf8)
        var i = 0
        func number(_ width: Int) -> Int? {
            guard i + width <= bytes.count else { return nil }
            var value = 0
            for b in bytes[i..<(i + width)] {
                guard b >= 48 && b <= 57 else { return nil }
                value = value * 10 + Int(b - 48)
            }
            i += width
            return value
        }
        func accept(_ c: Character) -> Bool {
            guard i < bytes.count, bytes[i] == c.asciiValue else { return false }
            i += 1
            return true
        }
        guard let year = number(4) else { return nil }
        var stamp = DateStamp(year: year)
        if accept("-") {
            guard let month = number(2) else { return nil }
            stamp.month = month
            if accept("-") {
                guard let day = number(2) else { return nil }
                stamp.day = day
                if accept("T") || accept(" ") {
                    guard let hour = number(2), accept(":"), let minute = number(2) else { return nil }
                    stamp.hour = hour
                    stamp.minute = minute
                    if accept(":") {
                        guard let second = number(2) else { return nil }
                        stamp.second = second
                        if accept(".") { while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { i += 1 } }
                    }
                    if accept("Z") {
                        stamp.utcOffsetMinutes = 0
                    } else if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
                        let sign = bytes[i] == UInt8(ascii: "-") ? -1 : 1
                        i += 1
                        guard let h = number(2) else { return nil }
                        _ = accept(":")
                        let m = number(2) ?? 0
                        stamp.utcOffsetMinutes = sign * (h * 60 + m)
                    }
                }
            }
        }
        guard i == bytes.count, stamp.isValid else { return nil }
        self = stamp
    }

    /// The same instant expressed at another UTC offset (minutes east), or nil when the stamp
    /// has no time or no zone to start from.
    public func converted(toUTCOffset offset: Int) -> DateStamp? {
        guard let month, let day, let hour, let utcOffsetMinutes else { return nil }
        var minutes = hour * 60 + (minute ?? 0) + offset - utcOffsetMinutes
        var days = DateStamp.dayNumber(year, month, day)
        while minutes < 0 {
            minutes += 24 * 60
            days -= 1
        }
        while minutes >= 24 * 60 {
            minutes -= 24 * 60
            days += 1
        }
        let (y, m, d) = DateStamp.civil(fromDayNumber: days)
        return DateStamp(year: y, month: m, day: d, hour: minutes / 60, minute: minutes % 60, second: second, utcOffsetMinutes: offset)
    }

    /// Days since a fixed epoch in the proleptic Gregorian calendar (March-based years).
    public static func dayNumber(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 9 : month - 3
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + day
    }

    /// The calendar date of a ``dayNumber(_:_:_:)``.
    public static func civil(fromDayNumber number: Int) -> (year: Int, month: Int, day: Int) {
        func base(_ y: Int) -> Int { 365 * y + y / 4 - y / 100 + y / 400 }
        // The March-based year whose first day is on or before the number.
        var y = number * 400 / 146_097
        while base(y + 1) + 1 <= number { y += 1 }
        while base(y) + 1 > number { y -= 1 }
        let dayOfYear = number - base(y) - 1
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (month <= 2 ? y + 1 : y, month, day)
    }

    public static func < (lhs: DateStamp, rhs: DateStamp) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0, lhs.hour ?? 0, lhs.minute ?? 0, lhs.second ?? 0)
            < (rhs.year, rhs.month ?? 0, rhs.day ?? 0, rhs.hour ?? 0, rhs.minute ?? 0, rhs.second ?? 0)
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
