/// An article's text as tokens and sentences, with code-point offsets.
///
/// Built once per article; everything downstream (recognition, relations)
/// works on token indices and reports code-point offsets from the tokens.
struct AnalyzedText: Sendable {
    struct Sentence: Sendable {
        /// Token indices.
        var tokens: Range<Int>
        /// Code points into the article's text.
        var start: Int
        var end: Int
        /// The sentence belongs to a headline: capitalisation says nothing there.
        var isHeadline: Bool
    }

    let text: String
    let utf8: [UInt8]
    let tokens: [Token]
    let sentences: [Sentence]

    /// Analyses the code-point ranges `ranges` of `text` (all of it when empty).
    ///
    /// - Parameter titleRange: the headline's range, where title case says nothing.
    init(text: String, ranges: [Range<Int>], titleRange: Range<Int>? = nil) {
        self.text = text
        let utf8 = Array(text.utf8)
        var tokens: [Token] = []
        tokens.reserveCapacity(utf8.count / 5 + 16)
        var sentences: [Sentence] = []
        let isASCII = utf8.allSatisfy { $0 < 0x80 }
        let effective = ranges.isEmpty
            ? [0..<(isASCII ? utf8.count : text.unicodeScalars.count)] : ranges.sorted { $0.lowerBound < $1.lowerBound }
        // Walk a code-point cursor forward through the sorted ranges: O(n) overall.
        var cursorByte = 0
        var cursorScalar = 0
        func byteOffset(ofScalar scalar: Int) -> Int {
            if isASCII { return min(scalar, utf8.count) }
            if scalar < cursorScalar { cursorByte = 0; cursorScalar = 0 }
            while cursorScalar < scalar && cursorByte < utf8.count {
                cursorByte += 1
                while cursorByte < utf8.count && utf8[cursorByte] & 0xC0 == 0x80 { cursorByte += 1 }
                cursorScalar += 1
            }
            return cursorByte
        }
        utf8.withUnsafeBufferPointer { bytes in
            for range in effective {
                let byteStart = byteOffset(ofScalar: range.lowerBound)
                let byteEnd = byteOffset(ofScalar: range.upperBound)
                let first = tokens.count
                Tokenizer.tokenize(bytes, range: byteStart..<byteEnd, scalarBase: range.lowerBound, into: &tokens)
                let isHeadline = titleRange.map { $0.overlaps(range) } ?? false
                for sentence in SentenceSplitter.split(tokens, range: first..<tokens.count) where !sentence.isEmpty {
                    sentences.append(Sentence(
                        tokens: sentence,
                        start: Int(tokens[sentence.lowerBound].scalarStart),
                        end: Int(tokens[sentence.upperBound - 1].scalarEnd),
                        isHeadline: isHeadline))
                }
            }
        }
        self.utf8 = utf8
        self.tokens = tokens
        self.sentences = sentences
    }

    /// The text covered by tokens `range`, exactly as written.
    func text(of range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        let from = Int(tokens[range.lowerBound].byteStart)
        let to = Int(tokens[range.upperBound - 1].byteEnd)
        return String(decoding: utf8[from..<to], as: UTF8.self)
    }

    /// The text of a sentence, exactly as written.
    func text(of sentence: Sentence) -> String { text(of: sentence.tokens) }
}
