/// Finds sentence boundaries in a run of tokens.
///
/// A `.`, `!` or `?` ends a sentence unless the word before it is an
/// abbreviation that does not end sentences (`Mr.`, `Jan.`, `Gen.`), an
/// initial (`George W. Bush`), or the next word is lower case. A dotted
/// acronym (`U.S.`) ends a sentence only when a typical sentence opener follows
/// ("… in the U.S. The …"). Line breaks always end a sentence: paragraphs
/// never share one.
enum SentenceSplitter {
    static let abbreviations: WordSet = [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Cmdr", "Adm", "Maj",
        "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "St", "Jr", "Sr", "Mt", "Ft", "No", "Nos", "vs", "v",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "approx", "est", "Dept", "Univ", "Ave", "Blvd", "Fig", "Vol", "pp", "cf",
    ]
    /// Abbreviations that often end a sentence too ("… Ltd. The company …").
    static let terminalAbbreviations: WordSet = ["Inc", "Ltd", "Co", "Corp", "etc", "Bros", "plc"]

    static let sentenceOpeners: WordSet = [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those",
        "But", "And", "Or", "In", "On", "At", "For", "However", "Meanwhile", "After", "Before", "When",
        "While", "If", "As", "His", "Her", "Their", "Its", "Our", "There", "Some", "Many", "Most", "Other",
        "Officials", "President", "Mr", "Mrs", "Ms", "According", "Last", "Earlier", "Later", "So", "Yet",
    ]
    static let terminators: WordSet = [".", "!", "?", "\u{2026}"]
    static let closers: WordSet = ["\"", "'", "\u{201D}", "\u{2019}", ")", "]", "\u{BB}"]

    /// Splits `tokens[range]` into sentences, as token index ranges.
    static func split(_ tokens: [Token], range: Range<Int>) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            if index > start && tokens[index].newlineBefore {
                sentences.append(start..<index)
                start = index
            }
            var endsHere = false
            let kind = tokens[index].kind
            if kind == .punctuation, Self.terminators.contains(hash: tokens[index].hash) {
                endsHere = tokens[index].text != "." || periodEndsSentence(tokens, at: index, end: range.upperBound)
            } else if kind == .word, tokens[index].text.utf8.last == 0x2E, tokens[index].text.utf8.count > 2 {
                // A dotted acronym that swallowed the sentence's full stop.
                if index + 1 < range.upperBound {
                    let next = tokens[index + 1]
                    endsHere = next.spaceBefore && (sentenceOpeners.contains(next.text) || next.newlineBefore)
                }
            }
            if endsHere {
                var stop = index + 1
                while stop < range.upperBound, tokens[stop].kind == .punctuation, closers.contains(tokens[stop].text), !tokens[stop].spaceBefore {
                    stop += 1
                }
                sentences.append(start..<stop)
                start = stop
                index = stop
                continue
            }
            index += 1
        }
        if start < range.upperBound { sentences.append(start..<range.upperBound) }
        return sentences
    }

    private static func periodEndsSentence(_ tokens: [Token], at index: Int, end: Int) -> Bool {
        guard index + 1 < end else { return true }
        var nextIndex = index + 1
        while nextIndex < end, tokens[nextIndex].kind == .punctuation, closers.contains(tokens[nextIndex].text) { nextIndex += 1 }
        guard nextIndex < end else { return true }
        let next = tokens[nextIndex]
        if next.newlineBefore { return true }
        if !next.spaceBefore && nextIndex == index + 1 { return false }  // "3.5", "example.com"
        if next.isLowercaseWord { return false }
        if index > 0 {
            let previous = tokens[index - 1]
            if previous.kind == .word && !previous.spaceBefore || index - 1 == 0 || previous.kind == .word {
                if abbreviations.contains(previous.text) { return false }
                if terminalAbbreviations.contains(previous.text) { return sentenceOpeners.contains(next.text) }
                // An initial: "George W. Bush", "J. K. Rowling".
                if previous.text.utf8.count == 1, previous.isCapitalized { return false }
            }
        }
        return true
    }
}
