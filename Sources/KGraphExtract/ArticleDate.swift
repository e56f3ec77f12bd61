/// A calendar date as news pages write it, read into `yyyy-mm-dd`.
///
/// ``init(parsing:order:)`` reads a whole string that is a date and nothing
/// else, so that a sentence that mentions a date is not taken for a date line:
///
/// - ISO 8601 and its relatives: `2024-02-07`, `2024/02/07`, `2024.02.07`,
///   `2024-02-07T14:35:00+02:00` (the date as written, not moved to UTC).
/// - Month names, full or short, in either order, with or without a weekday,
///   ordinal or comma: `7 February 2024`, `Wed 07 Feb 2024`,
///   `February 7, 2024`, `Wednesday, Feb. 7th, 2024`, `7-Feb-2024`.
/// - All numbers: `07/02/2024`, `07.02.2024`, `7-2-24`. When both of the first
///   two numbers could be a month, the order is ambiguous and ``NumericOrder``
///   decides; the default is day first, as most of the world (and the
///   non-US news sites kgraph was started on) writes it. A number above 12
///   settles the order whatever the option says (`02/13/2024` is 13 February).
///   Two-digit years are 2000–2069 or 1970–1999.
///
/// A time, time zone, `at`/`on` and the like may follow or precede the date
/// (`Wed 07 Feb 2024 02:35 PM GMT`). A date without a year or without a day
/// (`7 February`, `February 2024`) is not read, nor are years outside 1900–2100.
public struct ArticleDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// How to read an all-numbers date whose first two numbers could both be the month.
    public enum NumericOrder: String, Sendable, CaseIterable {
        /// `07/02/2024` is 7 February 2024.
        case dayFirst
        /// `07/02/2024` is 2 July 2024.
        case monthFirst
    }

    /// A date from its parts, or `nil` if there is no such day.
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2100).contains(year), (1...12).contains(month), day >= 1,
            day <= Self.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `yyyy-mm-dd`.
    public var description: String {
        let monthText = month < 10 ? "0\(month)" : "\(month)"
        let dayText = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(monthText)-\(dayText)"
    }

    public static func < (lhs: ArticleDate, rhs: ArticleDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension ArticleDate {
    /// Reads a string that is a date (with an optional weekday, time and time
    /// zone) and nothing more.
    ///
    /// - Parameters:
    ///   - text: The whole string, for example `Wed 07 Feb 2024 | 02:35 PM`.
    ///   - order: How to read an ambiguous all-numbers date.
    /// - Returns: `nil` when `text` is not just a date, or names no real day.
    public init?(parsing text: some StringProtocol, order: NumericOrder = .dayFirst) {
        guard text.utf8.count <= 80 else { return nil }  // a date line is short; a paragraph is not
        let tokens = DateToken.tokenize(String(text))
        guard let date = Self.numeric(tokens, order: order) ?? Self.named(tokens) else { return nil }
        self = date
    }

    /// Whether a string is a time of day and nothing more (`02:35 PM`, `14:35 GMT`, `1400 GMT`).
    static func isTimeOfDay(_ text: some StringProtocol) -> Bool {
        guard text.utf8.count <= 40 else { return false }
        let tokens = DateToken.tokenize(String(text))
        let hasTime = !timeSpans(tokens).isEmpty || tokens.indices.contains { isOffsetOrCompactTime(tokens, at: $0) }
        return hasTime && restIsNoise(tokens, used: [])
    }

    /// `2024-02-07…` or `07/02/2024…`: three numbers joined by one separator.
    private static func numeric(_ tokens: [DateToken], order: NumericOrder) -> ArticleDate? {
        guard tokens.count >= 5 else { return nil }
        for start in 0...(tokens.count - 5) {
            guard case .number(let first, let firstDigits) = tokens[start],
                case .punctuation(let separator) = tokens[start + 1], "-/.".contains(separator),
                case .number(let second, let secondDigits) = tokens[start + 2], secondDigits <= 2,
                tokens[start + 3] == .punctuation(separator),
                case .number(let third, let thirdDigits) = tokens[start + 4]
            else { continue }
            // Must not be part of a longer run of numbers (a version, an IP address, a phone number).
            if start > 0, case .number = tokens[start - 1] { return nil }
            if start + 5 < tokens.count, tokens[start + 5] == .punctuation(separator), start + 6 < tokens.count,
                case .number = tokens[start + 6]
            {
                return nil
            }
            var used = Set(start..<(start + 5))
            let date: ArticleDate?
            if firstDigits == 4 && thirdDigits <= 2 {
                date = ArticleDate(year: first, month: second, day: third)
            } else if firstDigits <= 2 && (thirdDigits == 4 || thirdDigits == 2) {
                let year = thirdDigits == 4 ? third : (third < 70 ? 2000 + third : 1900 + third)
                let dayFirst: Bool
                if first > 12 { dayFirst = true } else if second > 12 { dayFirst = false } else { dayFirst = order == .dayFirst }
                date = dayFirst
                    ? ArticleDate(year: year, month: second, day: first)
                    : ArticleDate(year: year, month: first, day: second)
            } else {
                return nil
            }
            guard let date else { return nil }
            // ISO's `T` between date and time.
            if start + 5 < tokens.count, tokens[start + 5] == .word("t") { used.insert(start + 5) }
            return restIsNoise(tokens, used: used) ? date : nil
        }
        return nil
    }

    /// `7 February 2024`, `February 7, 2024`, `Wed 07 Feb 2024`.
    private static func named(_ tokens: [DateToken]) -> ArticleDate? {
        var monthIndex: Int?, month = 0
        for (index, token) in tokens.enumerated() {
            guard case .word(let word) = token, let number = monthNumbers[word] else { continue }
            if monthIndex != nil { return nil }
            monthIndex = index
            month = number
        }
        guard let monthIndex else { return nil }
        var used: Set<Int> = [monthIndex]
        let times = timeSpans(tokens)
        var yearIndex: Int?
        for (index, token) in tokens.enumerated() where !times.contains(index) {
            guard case .number(_, 4) = token, !isOffsetOrCompactTime(tokens, at: index) else { continue }
            if yearIndex != nil { return nil }
            yearIndex = index
        }
        guard let yearIndex, case .number(let year, _) = tokens[yearIndex] else { return nil }
        used.insert(yearIndex)
        guard let (dayIndex, day) = dayNumber(next: monthIndex, in: tokens, used: &used) else { return nil }
        used.insert(dayIndex)
        guard let date = ArticleDate(year: year, month: month, day: day) else { return nil }
        return restIsNoise(tokens, used: used) ? date : nil
    }

    /// The day next to the month: before it (`7th of February`) or after it (`February 7`).
    private static func dayNumber(next monthIndex: Int, in tokens: [DateToken], used: inout Set<Int>) -> (Int, Int)? {
        func isDay(_ index: Int) -> Int? {
            guard tokens.indices.contains(index), case .number(let value, let digits) = tokens[index], digits <= 2,
                (1...31).contains(value)
            else { return nil }
            // Not the hour of a time (`14:35`).
            if index + 1 < tokens.count, tokens[index + 1] == .punctuation(":") { return nil }
            return value
        }
        // Before: skip `of`, `the`, an ordinal suffix and punctuation.
        var index = monthIndex - 1
        while index >= 0 {
            if case .punctuation(let mark) = tokens[index], mark == "." || mark == "," || mark == "-" {
                index -= 1
            } else if case .word(let word) = tokens[index], word == "of" || ordinalSuffixes.contains(word) {
                used.insert(index)
                index -= 1
            } else {
                break
            }
        }
        if let day = isDay(index) { return (index, day) }
        // After: skip punctuation only.
        index = monthIndex + 1
        while index < tokens.count, case .punctuation(let mark) = tokens[index], mark == "." || mark == "," || mark == "-" {
            index += 1
        }
        if let day = isDay(index) {
            if index + 1 < tokens.count, case .word(let word) = tokens[index + 1], ordinalSuffixes.contains(word) {
                used.insert(index + 1)
            }
            return (index, day)
        }
        return nil
    }

    /// Indices of tokens that make up times: `14:35`, `02:35:10.123`.
    private static func timeSpans(_ tokens: [DateToken]) -> Set<Int> {
        var spans = Set<Int>()
        var index = 0
        while index + 2 < tokens.count {
            guard case .number(_, let hourDigits) = tokens[index], hourDigits <= 2,
                tokens[index + 1] == .punctuation(":"), case .number(_, 2) = tokens[index + 2]
            else {
                index += 1
                continue
            }
            var end = index + 3
            if end + 1 < tokens.count, tokens[end] == .punctuation(":"), case .number(_, 2) = tokens[end + 1] {
                end += 2
                if end + 1 < tokens.count, tokens[end] == .punctuation("."), case .number = tokens[end + 1] { end += 2 }
            }
            spans.formUnion(index..<end)
            index = end
        }
        return spans
    }

    /// Whether every token not used by the date is a weekday, time, time zone, offset, filler or punctuation.
    private static func restIsNoise(_ tokens: [DateToken], used: Set<Int>) -> Bool {
        let times = timeSpans(tokens)
        for (index, token) in tokens.enumerated() where !used.contains(index) && !times.contains(index) {
            switch token {
            case .punctuation: continue
            case .word(let word):
                if weekdays.contains(word) || zoneWords.contains(word) || fillerWords.contains(word) { continue }
                return false
            case .number:
                if isOffsetOrCompactTime(tokens, at: index) { continue }
                return false
            }
        }
        return true
    }

    /// An offset (`+0200`, `-05`) or a 24-hour time written before a zone (`1400 GMT`).
    private static func isOffsetOrCompactTime(_ tokens: [DateToken], at index: Int) -> Bool {
        guard case .number(_, let digits) = tokens[index], digits <= 4 else { return false }
        if index > 0, tokens[index - 1] == .punctuation("+") { return true }
        // `-` is an offset only right after a time (`14:35-0500`); elsewhere it joins a date (`7-Feb-2024`).
        if index >= 3, tokens[index - 1] == .punctuation("-"), tokens[index - 3] == .punctuation(":") { return true }
        if digits == 4, index + 1 < tokens.count, case .word(let word) = tokens[index + 1], zoneWords.contains(word),
            word != "a", word != "p", word != "m"
        {
            return true
        }
        return false
    }

    static let monthNumbers: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
        "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    static let weekdays: Set<String> = [
        "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu", "thur", "thurs",
        "friday", "fri", "saturday", "sat", "sunday", "sun",
    ]
    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th"]
    static let zoneWords: Set<String> = [
        "am", "pm", "a", "p", "m", "z", "utc", "gmt", "bst", "cet", "cest", "eet", "eest", "wet", "west",
        "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "ct", "mt", "pt", "ist", "jst", "kst",
        "hkt", "sgt", "aest", "aedt", "msk", "wib", "local", "time",
    ]
    static let fillerWords: Set<String> = ["at", "on", "the", "of", "h", "hrs"]
}

/// A piece of a date string: a run of digits, a run of letters (lowercased), or one punctuation mark.
enum DateToken: Equatable {
    case number(Int, digits: Int)
    case word(String)
    case punctuation(Character)

    static func tokenize(_ text: String) -> [DateToken] {
        var tokens: [DateToken] = []
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.first {
            if scalar.properties.isWhitespace {
                scalars.removeFirst()
            } else if ("0"..."9").contains(scalar) {
                let digits = scalars.prefix { ("0"..."9").contains($0) }
                scalars.removeFirst(digits.count)
                // Nine digits at most: anything longer is no part of a date, and Int must not overflow.
                let value = digits.count <= 9 ? Int(String(String.UnicodeScalarView(digits)))! : Int.max
                tokens.append(.number(value, digits: digits.count))
            } else if scalar.properties.isAlphabetic {
                let letters = scalars.prefix { $0.properties.isAlphabetic }
                scalars.removeFirst(letters.count)
                tokens.append(.word(String(String.UnicodeScalarView(letters)).lowercased()))
            } else {
                scalars.removeFirst()
                tokens.append(.punctuation(Character(scalar)))
            }
        }
        return tokens
    }
}
