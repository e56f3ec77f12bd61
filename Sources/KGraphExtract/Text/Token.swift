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

    /// The first character is an upper-case letter.
    var isCapitalized: Bool {
        guard kind == .word, let first = text.unicodeScalars.first else { return false }
        return first.properties.isUppercase
    }

    /// Every letter is upper case and there are at least two ("NATO", "U.N.").
    var isAllCaps: Bool {
        guard kind == .word else { return false }
        var letters = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            if !scalar.properties.isUppercase { return false }
            letters += 1
        }
        return letters >= 2
    }

    var isLowercaseWord: Bool {
        guard kind == .word, let first = text.unicodeScalars.first else { return false }
        return first.properties.isLowercase
    }

    func `is`(_ punctuation: String) -> Bool { kind == .punctuation && text == punctuation }
}
