import BylineCore

/// Which side of the reference date a clause speaks of, from its tense.
public enum TimeDirection: Sendable {
    case past, future, unknown
}

/// The second phase of time normalisation: an underspecified value (see `time-patterns.tsv`)
/// placed against a reference date, usually the publication date.
///
///     TimeResolver.resolve("REF-1M", direction: .unknown, reference: DateStamp(year: 2024, month: 11, day: 10))
///     // "2024-10"
///     TimeResolver.resolve("XXXX-WXX-5", direction: .future, reference: DateStamp(year: 2024, month: 11, day: 10))
///     // "2024-11-15"
public enum TimeResolver {
    /// The value of `underspecified` against `reference`, or, without a reference date, the
    /// value itself when it is a TIMEX3 value already (`XXXX-08-07`), nil when it is not
    /// (`REF-1M`).
    ///
    /// - Parameter direction: the tense of the clause; it places a weekday, a month or a season
    ///   without a year before or after the reference. With no tense, a weekday is the one on or
    ///   before the reference (news reports what happened), the others the nearest. A day of the
    ///   year ("Jan. 14") is always the nearest unless the value says which side.
    /// - Parameter day: for a value with ``dayMark``, the day its sentence speaks of; with
    ///   ``storyMark``, the day the story tells of; the reference date when nil.
    /// - Parameter then: for a value with ``thenMark`` or ``quarterThenMark``, the value of the last
    ///   date named before (TimeML's reference time); the reference date when nil.
    /// - Parameter tenseFromVerb: whether the verb the expression modifies gave the tense ("began
    ///   on July 8"): it then places a day of the year too.
    public static func resolve(
        _ underspecified: String, direction: TimeDirection, reference: DateStamp?, day: DateStamp? = nil, then: String? = nil,
        tenseFromVerb: Bool = false
    ) -> String? {
        var value = Substring(underspecified)
        // A value about the day the rest names: its ISO week, the day before or the day after.
        for (mark, fromDay) in dayMarks where value.hasPrefix(mark) {
            let day = resolve(
                String(value.dropFirst(mark.count)), direction: direction, reference: reference, day: day, then: then, tenseFromVerb: tenseFromVerb)
            return day.flatMap { DateStamp(parsing: $0)?.dayNumber }.map(fromDay)
        }
        if let mark = [dayMark, storyMark].first(where: { value.hasPrefix($0) }) {
            guard let date = day ?? reference, date.day != nil else { return nil }
            return DateStamp(year: date.year, month: date.month, day: date.day).iso + value.dropFirst(mark.count)
        }
        if value.hasPrefix(quarterThenMark) {
            let move = value.dropFirst(quarterThenMark.count)
            if let then, then.contains("-" + CalendarPeriod.quarterMark), let moved = shifted(move, from: then) { return moved }
            value = relativeMark + move
        } else if value.hasPrefix(thenMark) {
            let move = value.dropFirst(thenMark.count)
            if let then, let moved = shifted(move, from: then) { return moved }
            // "That day" with no day named before names none; "a year later" counts from the reference.
            if move.hasPrefix(sameTime) { return nil }
            value = relativeMark + move
        }
        var side = direction
        var strict = false
        if let mark = value.first, mark == "<" || mark == ">" {
            side = mark == "<" ? .past : .future
            strict = true
            value = value.dropFirst()
        }
        if value.hasPrefix(relativeMark) {
            guard let reference, let day = reference.dayNumber else { return nil }
            return shifted(value.dropFirst(relativeMark.count), from: reference, day: day)
        }
        guard value.hasPrefix(unknownYear) else { return String(value) }
        // The date part ends where a time ("T09:00", "TMO") begins.
        let body = value.dropFirst(unknownYear.count)
        let timeStart = body.firstIndex(of: "T") ?? body.endIndex
        let datePart = body[..<timeStart]
        let time = body[timeStart...]
        guard let reference, let day = reference.dayNumber else {
            return CalendarPeriod.isTimexForm(datePart) ? String(value) : nil
        }
        let candidates = CalendarPeriod.candidates(datePart, around: reference.year, day: day)
        let isWeekday = datePart.hasPrefix(CalendarPeriod.anyWeek)
        if !isWeekday, !strict, !(tenseFromVerb && direction != .unknown), candidates.allSatisfy({ $0.days.count == 1 }) {
            // A day of the year ("Jan. 14", "Thanksgiving") is the nearest: a tense outside its
            // clause is a weaker sign.
            side = .unknown
        } else if isWeekday, side == .unknown {
            side = .past
        } else if !strict, datePart.hasPrefix(CalendarPeriod.quarterMark) {
            // A quarter is the latest begun: results are reported, and forecast ("expects to
            // report a third-quarter loss"), for a quarter ended or under way.
            side = .past
        }
        guard let chosen = choose(candidates, day: day, side: side, strict: strict) else {
            return nil
        }
        return chosen.value + time
    }

    /// How much farther a period after the reference counts than one before it, when neither
    /// the value nor the tense gives a side (tuned on the TempEval-3 AQUAINT development set).
    static let futureWeight = 2

    /// The mark of a value on the day its sentence speaks of, or else on the reference date
    /// (a clock time alone: "DAYT10:35").
    public static let dayMark = "DAY"
    /// The mark of the day the story tells of, or else the reference date ("earlier in the
    /// day": `STORY`).
    public static let storyMark = "STORY"
    /// The mark of a value counted from the last date named before, at that date's precision
    /// for years ("a year earlier" than "the third quarter" of 1989: `THEN-1Y`, 1988-Q3), else
    /// from the reference date as `REF` is.
    public static let thenMark = "THEN"
    /// The mark of a value counted from the last date named before when that is a quarter, as a
    /// report compares a quarter with the same one a year before ("in the third quarter, from
    /// … a year ago": `QUARTER-1Y`, 1988-Q3), else from the reference date as `REF` is.
    public static let quarterThenMark = "QUARTER"
    /// The mark of the ISO week that holds the day the rest of the value names ("the week of
    /// March 6": `WEEK:XXXX-03-06`, 2000-W10).
    public static let weekMark = "WEEK:"
    /// The mark of the day before the day the rest of the value names ("the day before last
    /// Tuesday": `BEFORE:<XXXX-WXX-2`).
    public static let dayBeforeMark = "BEFORE:"
    /// The mark of the day after the day the rest of the value names ("the day after Oct. 26":
    /// `AFTER:XXXX-10-26`).
    public static let dayAfterMark = "AFTER:"
    /// The marks of a value made from the day the rest names, and how each makes it.
    private static let dayMarks: [(mark: String, fromDay: @Sendable (Int) -> String)] = [
        (weekMark, { CalendarDay.isoWeek($0) }), (dayBeforeMark, { CalendarDay.iso($0 - 1) }), (dayAfterMark, { CalendarDay.iso($0 + 1) }),
    ]

    /// Whether `value` names a calendar period (`1989`, `1989-Q3`, `1989-10-27`), not a
    /// duration, a set or `PAST_REF`.
    public static func isCalendarValue(_ value: String) -> Bool {
        let head = value.utf8.prefix(yearDigits)
        return head.count == yearDigits && head.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// The digits of a year in a value.
    private static let yearDigits = 4
    /// The move of a value that is the date named before itself ("that year": `THEN+0Y`).
    private static let sameTime = "+0"

    /// `then` (a calendar value) moved by `±N` units: by years at its own precision, by other
    /// units from its day; nil when it has no day for them.
    private static func shifted(_ move: Substring, from then: String) -> String? {
        guard isCalendarValue(then), let sign = move.first, sign == "+" || sign == "-" else { return nil }
        let digits = move.dropFirst().prefix { $0.isNumber }
        let rest = move.dropFirst(1 + digits.count)
        guard let count = Int(digits), let unit = TimeUnit.allCases.first(where: { rest.hasPrefix($0.rawValue) }) else { return nil }
        let n = sign == "-" ? -count : count
        let suffix = rest.dropFirst(unit.rawValue.count)
        if unit == .year, let year = Int(then.prefix(yearDigits)) {
            // "That year" is the year itself; "a year earlier" keeps the precision of what it counts from.
            return String(year + n) + (n == 0 ? "" : then.dropFirst(yearDigits)) + suffix
        }
        guard let date = DateStamp(parsing: then.prefix(dayDigits)) else { return nil }
        guard let day = date.dayNumber else {
            // The same day as a month named before is a day of that month ("last October … that
            // same day": 1998-10-XX).
            return unit == .day && n == 0 && date.month != nil ? then.prefix(monthDigits) + unknownDay + suffix : nil
        }
        return unit.shift(date, day: day, by: n) + suffix
    }

    /// The length of a `YYYY-MM-DD` value.
    private static let dayDigits = 10
    /// The length of a `YYYY-MM` value.
    private static let monthDigits = 7
    /// The day of a value whose month is known but not its day.
    private static let unknownDay = "-XX"

    /// The mark of a value relative to the reference ("REF-1M").
    static let relativeMark = "REF"
    /// The mark of a value whose year is to be found ("XXXX-08-07").
    static let unknownYear = "XXXX-"

    /// The candidate on `side` of the reference day: the latest before (or on, unless
    /// `strict`) it, the earliest after (or on) it; or, with no side, the one that holds the day,
    /// else the nearest, a later one counting ``futureWeight`` times as far.
    private static func choose(_ candidates: [CalendarPeriod], day: Int, side: TimeDirection, strict: Bool) -> CalendarPeriod? {
        switch side {
        case .past:
            return candidates.filter { strict ? $0.days.upperBound < day : $0.days.lowerBound <= day }
                .max { $0.days.lowerBound < $1.days.lowerBound }
        case .future:
            return candidates.filter { strict ? $0.days.lowerBound > day : $0.days.upperBound >= day }
                .min { $0.days.lowerBound < $1.days.lowerBound }
        case .unknown:
            // News reports more than it announces: a day ahead counts as twice as far.
            func distance(_ period: CalendarPeriod) -> Int {
                if period.days.contains(day) { return 0 }
                return period.days.lowerBound > day ? futureWeight * (period.days.lowerBound - day) : day - period.days.upperBound
            }
            return candidates.min { (distance($0), $0.days.lowerBound) < (distance($1), $1.days.lowerBound) }
        }
    }

    /// `REF` moved by `±N` units, at the unit's precision, with what follows kept.
    private static func shifted(_ text: Substring, from reference: DateStamp, day: Int) -> String? {
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        var rest = text.dropFirst()
        let digits = rest.prefix { $0.isNumber || $0 == "X" }
        rest = rest.dropFirst(digits.count)
        guard let unit = TimeUnit.allCases.first(where: { rest.hasPrefix($0.rawValue) }) else { return nil }
        let suffix = rest.dropFirst(unit.rawValue.count)
        guard let count = Int(digits) else {
            // An unknown count ("a few years ago") says only which side.
            return digits == "X" ? (sign == "-" ? "PAST_REF" : "FUTURE_REF") : nil
        }
        return unit.shift(reference, day: day, by: sign == "-" ? -count : count) + suffix
    }
}

/// The units of durations and of moves from the reference date.
enum TimeUnit: String, CaseIterable {
    // Longer codes first, so that "MIN" is not read as "M".
    case minute = "MIN", decade = "DE", century = "CE"
    case year = "Y", quarter = "Q", month = "M", week = "W", day = "D", hour = "H", second = "S"

    /// The TIMEX3 duration of `count` units ("X" for an unknown count), with half a unit more
    /// when `andAHalf` ("5 1/2 hours": PT5H30M).
    func duration(_ count: String, andAHalf: Bool = false) -> String {
        let number = Int(count)
        if andAHalf, let number { return halfDuration(number) }
        switch self {
        case .hour: return "PT\(count)H"
        case .minute: return "PT\(count)M"
        case .second: return "PT\(count)S"
        case .decade: return number.map { "P\($0 * 10)Y" } ?? "P\(count)DE"
        case .century: return number.map { "P\($0 * 100)Y" } ?? "P\(count)CE"
        default: return "P\(count)\(rawValue)"
        }
    }

    /// `count` units and a half, the half written in the next smaller unit where it is whole
    /// (P2Y6M, PT1M30S), else as a decimal (P2.5W).
    private func halfDuration(_ count: Int) -> String {
        switch self {
        case .year: return "P\(count)Y6M"
        case .decade: return "P\(count * 10 + 5)Y"
        case .century: return "P\(count * 100 + 50)Y"
        case .month: return "P\(count)M15D"
        case .day: return "P\(count)DT12H"
        case .hour: return "PT\(count)H30M"
        case .minute: return "PT\(count)M30S"
        case .quarter, .week, .second: return duration("\(count).5")
        }
    }

    /// The reference date moved by `n` units, written at this unit's precision.
    func shift(_ reference: DateStamp, day: Int, by n: Int) -> String {
        let month = reference.month ?? 1
        switch self {
        case .year: return String(reference.year + n)
        case .decade: return String(reference.year / 10 + n) + "X"
        case .century: return String(reference.year / 100 + n)
        case .quarter:
            let index = reference.year * 4 + (month - 1) / 3 + n
            return "\(index / 4)-Q\(index % 4 + 1)"
        case .month:
            let index = reference.year * 12 + month - 1 + n
            return "\(index / 12)-\(twoDigits(index % 12 + 1))"
        case .week: return CalendarDay.isoWeek(day + 7 * n)
        case .day, .minute, .second: return CalendarDay.iso(day + n)
        case .hour:
            // A date with no clock ("two hours after the vote on Tuesday") is moved within its
            // day: the hour it is counted from is unknown.
            guard let hour = reference.hour else { return CalendarDay.iso(day) }
            let hours = hour + n
            let days = hours >= 0 ? hours / 24 : (hours - 23) / 24
            return CalendarDay.iso(day + days) + "T" + twoDigits(hours - days * 24)
        }
    }
}

/// Calendar arithmetic on ``DateStamp/dayNumber(_:_:_:)`` day numbers.
enum CalendarDay {
    /// A Monday, to tell the weekday of any day number.
    private static let monday = DateStamp.dayNumber(2024, 11, 4)

    /// The ISO weekday (1 = Monday … 7 = Sunday).
    static func weekday(_ day: Int) -> Int {
        ((day - monday) % 7 + 7) % 7 + 1
    }

    /// `YYYY-MM-DD`.
    static func iso(_ day: Int) -> String {
        let (y, m, d) = DateStamp.civil(fromDayNumber: day)
        return DateStamp(year: y, month: m, day: d).iso
    }

    /// The ISO week holding the day, `YYYY-Ww`, the week number unpadded as TimeML corpora
    /// write it ("2000-W7").
    static func isoWeek(_ day: Int) -> String {
        let thursday = day - weekday(day) + 4
        let year = DateStamp.civil(fromDayNumber: thursday).year
        let week = (thursday - DateStamp.dayNumber(year, 1, 1)) / 7 + 1
        return "\(year)-W\(week)"
    }

    /// The day of the `n`-th ISO weekday `weekday` of a month; `n` = -1 for the last.
    static func nthWeekday(_ n: Int, _ weekday: Int, month: Int, year: Int) -> Int {
        if n < 0 {
            let last = DateStamp.dayNumber(year, month, DateStamp.daysIn(month: month, year: year))
            return last - (self.weekday(last) - weekday + 7) % 7
        }
        let first = DateStamp.dayNumber(year, month, 1)
        return first + (weekday - self.weekday(first) + 7) % 7 + 7 * (n - 1)
    }

    /// Western Easter Sunday (the anonymous Gregorian computus).
    static func easter(_ year: Int) -> Int {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return DateStamp.dayNumber(year, month, day)
    }
}

/// A period a value without a year may name in one year: its TIMEX3 value and its days.
struct CalendarPeriod {
    let value: String
    let days: ClosedRange<Int>

    /// The TIMEX3 season codes and the months each starts and ends in (winter runs into the
    /// next year).
    /// The week part of a weekday without a date ("WXX-5").
    static let anyWeek = "WXX-"
    /// The mark of a quarter ("Q3").
    static let quarterMark = "Q"

    private static let seasons = ["SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)]

    /// Whether a year-less date part is a TIMEX3 value as it stands (not a holiday rule).
    static func isTimexForm(_ part: Substring) -> Bool {
        !part.contains("#") && !part.hasPrefix("E")
    }

    /// The periods that `part` (`MM`, `MM-DD`, `MM-w#n[+d]`, `E±d`, `Qn`, a season, `WXX-d`)
    /// names in the years around `year`, or in the weeks around `day` for a weekday.
    static func candidates(_ part: Substring, around year: Int, day: Int) -> [CalendarPeriod] {
        if part.hasPrefix(anyWeek), let weekday = Int(part.dropFirst(anyWeek.count)) {
            let offset = (weekday - CalendarDay.weekday(day) + 7) % 7
            return [day + offset - 7, day + offset, day + offset + 7].map { CalendarPeriod(value: CalendarDay.iso($0), days: $0...$0) }
        }
        return (year - 1...year + 1).compactMap { period(part, in: $0) }
    }

    /// The period `part` names in `year`.
    private static func period(_ part: Substring, in year: Int) -> CalendarPeriod? {
        if part.hasPrefix("E"), let shift = Int(part.dropFirst().replacing("+", with: "")) {
            let day = CalendarDay.easter(year) + shift
            return CalendarPeriod(value: CalendarDay.iso(day), days: day...day)
        }
        if part.hasPrefix(quarterMark), let quarter = Int(part.dropFirst()), (1...4).contains(quarter) {
            return months(year, quarter * 3 - 2, year, quarter * 3, value: "\(year)-Q\(quarter)")
        }
        if let (first, last) = seasons[String(part)] {
            return months(year, first, last < first ? year + 1 : year, last, value: "\(year)-\(part)")
        }
        let fields = part.split(separator: "-", maxSplits: 1)
        guard let month = Int(fields[0]), (1...12).contains(month) else { return nil }
        guard fields.count == 2 else { return months(year, month, year, month, value: "\(year)-\(twoDigits(month))") }
        let dayField = fields[1]
        if let hash = dayField.firstIndex(of: "#"), let weekday = Int(dayField[..<hash]) {
            // n-th weekday of the month, maybe followed by a shift in days ("1#1+1").
            let rule = dayField[dayField.index(after: hash)...]
            let plus = rule.dropFirst().firstIndex { $0 == "+" || $0 == "-" } ?? rule.endIndex
            guard let n = Int(rule[..<plus]) else { return nil }
            let shift = Int(rule[plus...].replacing("+", with: "")) ?? 0
            let day = CalendarDay.nthWeekday(n, weekday, month: month, year: year) + shift
            return CalendarPeriod(value: CalendarDay.iso(day), days: day...day)
        }
        guard let dayOfMonth = Int(dayField), dayOfMonth >= 1, dayOfMonth <= DateStamp.daysIn(month: month, year: year) else {
            return nil
        }
        let day = DateStamp.dayNumber(year, month, dayOfMonth)
        return CalendarPeriod(value: CalendarDay.iso(day), days: day...day)
    }

    /// The months from `firstMonth` of `firstYear` to the end of `lastMonth` of `lastYear`.
    private static func months(_ firstYear: Int, _ firstMonth: Int, _ lastYear: Int, _ lastMonth: Int, value: String) -> CalendarPeriod {
        let start = DateStamp.dayNumber(firstYear, firstMonth, 1)
        let end = DateStamp.dayNumber(lastYear, lastMonth, DateStamp.daysIn(month: lastMonth, year: lastYear))
        return CalendarPeriod(value: value, days: start...end)
    }
}

extension DateStamp {
    /// The day number of a stamp with a day, or nil.
    var dayNumber: Int? {
        guard let month, let day else { return nil }
        return DateStamp.dayNumber(year, month, day)
    }
}
