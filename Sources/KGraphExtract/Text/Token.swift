/// One word, number or punctuation mark of an article, with where it is.
///
/// Byte offsets index the article's UTF-8; `scalarStart`/`scalarEnd` count
/// Unicode code points, which is what kgraph reports.
struct Token: Sendable {
    enum Kind: UInt8, Sendable {
        case word
        case number
        case punctuation
        /// The possessive `'s` or `’s` split off a word ("North’s" → "North", "’s").
        case possessive
    }

    var text: String
    var kind: Kind
    var byteStart: Int32
    var byteEnd: Int32
    var scalarStart: Int32
    var scalarEnd: Int32
    /// Whitespace comes before this token (so `U.S.-backed` is not `U.S. backed`).
    var spaceBefore: Bool
    /// A line break comes before this token.
    var newlineBefore: Bool

    /// Case facts, computed once when the token is made (Unicode properties are slow to ask).
    var shape: Shape = []
    /// The text in lower case, for matching triggers and function words.
    var lower: String = ""
    /// `WordHash` of `text` and of `lower`.
    var hash: UInt64 = 0
    var lowerHash: UInt64 = 0

    struct Shape: OptionSet, Sendable {
        let rawValue: UInt8
        static let capitalized = Shape(rawValue: 1)
        static let lowercase = Shape(rawValue: 2)
        static let allCaps = Shape(rawValue: 4)
    }

    /// The first character is an upper-case letter.
    var isCapitalized: Bool { shape.contains(.capitalized) }
    /// Every letter is upper case and there are at least two ("NATO", "U.N.").
    var isAllCaps: Bool { shape.contains(.allCaps) }
    /// A word that starts with a lower-case letter.
    var isLowercaseWord: Bool { shape.contains(.lowercase) }

    /// Works out `shape` and `lower` from `text`.
    mutating func classify() {
        defer {
            hash = WordHash.of(text)
            lowerHash = WordHash.of(lower)
        }
        guard kind == .word || kind == .possessive else {
            lower = text
            return
        }
        var isASCII = true
        for byte in text.utf8 where byte >= 0x80 { isASCII = false; break }
        if isASCII {
            var upper = 0, letters = 0
            var first: UInt8 = 0
            for byte in text.utf8 {
                if first == 0 { first = byte }
                if byte >= 0x41 && byte <= 0x5A { upper += 1; letters += 1 } else if byte >= 0x61 && byte <= 0x7A { letters += 1 }
            }
            if first >= 0x41 && first <= 0x5A { shape.insert(.capitalized) }
            if first >= 0x61 && first <= 0x7A { shape.insert(.lowercase) }
            if letters >= 2 && upper == letters { shape.insert(.allCaps) }
            lower = upper == 0 ? text : String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
            return
        }
        if let first = text.unicodeScalars.first {
            if first.properties.isUppercase { shape.insert(.capitalized) }
            if first.properties.isLowercase { shape.insert(.lowercase) }
        }
        var letters = 0, upper = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            letters += 1
            if scalar.properties.isUppercase { upper += 1 }
        }
        if letters >= 2 && upper == letters { shape.insert(.allCaps) }
        lower = text.lowercased()
    }

    func `is`(_ punctuation: String) -> Bool { kind == .punctuation && text == punctuation }
}
