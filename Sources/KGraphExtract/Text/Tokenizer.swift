/// Splits text into tokens on UTF-8 bytes, keeping byte and code-point offsets.
///
/// Rules that matter for news:
/// - dotted acronyms stay one token with their dots (`U.N.`, `U.S.`, `e.g.`);
/// - possessive `'s`/`’s` is its own token, other inner apostrophes stay
///   (`don't`, `O'Brien`), and so do inner hyphens (`Kim Jong-un`, `self-proclaimed`);
/// - numbers keep inner `.` and `,` between digits (`2.5`, `30,000`); `$` is punctuation;
/// - every other non-space character is a one-character punctuation token.
struct Tokenizer {
    /// Tokenizes `bytes[range]`; `scalarBase` is the code-point offset of `range.lowerBound`.
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, scalarBase: Int, into tokens: inout [Token]) {
        var index = range.lowerBound
        var scalarIndex = scalarBase
        let end = range.upperBound
        var spaceBefore = true
        var newlineBefore = true

        @inline(__always) func scalar(at position: Int) -> (Unicode.Scalar, Int) {
            let lead = bytes[position]
            if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
            var length = 1
            var value: UInt32
            if lead & 0xE0 == 0xC0 { length = 2; value = UInt32(lead & 0x1F) }
            else if lead & 0xF0 == 0xE0 { length = 3; value = UInt32(lead & 0x0F) }
            else if lead & 0xF8 == 0xF0 { length = 4; value = UInt32(lead & 0x07) }
            else { return ("\u{FFFD}", 1) }
            guard position + length <= end else { return ("\u{FFFD}", 1) }
            for offset in 1..<length { value = value << 6 | UInt32(bytes[position + offset] & 0x3F) }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
        }
        @inline(__always) func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.value < 0x80 {
                let value = scalar.value | 0x20
                return value >= 0x61 && value <= 0x7A
            }
            return scalar.properties.isAlphabetic
        }
        @inline(__always) func isDigit(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value >= 0x30 && scalar.value <= 0x39
        }
        @inline(__always) func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "'" || scalar == "\u{2019}"
        }
        func emit(_ kind: Token.Kind, _ start: Int, _ stop: Int, _ scalarStart: Int, _ scalarStop: Int) {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self)
            var token = Token(
                text: text, kind: kind, byteStart: Int32(start), byteEnd: Int32(stop),
                scalarStart: Int32(scalarStart), scalarEnd: Int32(scalarStop),
                spaceBefore: spaceBefore, newlineBefore: newlineBefore)
            // Case facts straight from the bytes for ASCII words (most of them).
            var upper = 0, letters = 0, ascii = true
            var hash = WordHash.offsetBasis, lowerHash = WordHash.offsetBasis
            for position in start..<stop {
                let byte = bytes[position]
                if byte >= 0x80 { ascii = false; break }
                let isUpper = byte >= 0x41 && byte <= 0x5A
                if isUpper { upper += 1; letters += 1 } else if byte >= 0x61 && byte <= 0x7A { letters += 1 }
                hash = WordHash.extend(hash, byte: byte)
                lowerHash = WordHash.extend(lowerHash, byte: isUpper ? byte | 0x20 : byte)
            }
            token.hash = hash
            token.lowerHash = lowerHash
            if ascii && (kind == .word || kind == .possessive) {
                let first = bytes[start]
                if first >= 0x41 && first <= 0x5A { token.shape.insert(.capitalized) }
                if first >= 0x61 && first <= 0x7A { token.shape.insert(.lowercase) }
                if letters >= 2 && upper == letters { token.shape.insert(.allCaps) }
                token.lower = upper == 0 ? text : String(unsafeUninitializedCapacity: stop - start) { buffer in
                    for offset in 0..<(stop - start) {
                        let byte = bytes[start + offset]
                        buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    }
                    return stop - start
                }
            } else if ascii {
                token.lower = text
            } else {
                token.classify()
            }
            tokens.append(token)
            spaceBefore = false
            newlineBefore = false
        }

        while index < end {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                spaceBefore = true
                if byte != 0x20 && byte != 0x09 { newlineBefore = true }
                index += 1
                scalarIndex += 1
                continue
            }
            let (current, length) = scalar(at: index)
            if byte >= 0x80 && (current.properties.isWhitespace || current == "\u{FEFF}") || byte == 0x0B || byte == 0x0C {
                spaceBefore = true
                if current == "\n" || current == "\r" || current == "\u{2029}" { newlineBefore = true }
                index += length
                scalarIndex += 1
                continue
            }
            let start = index
            let scalarStart = scalarIndex
            if isLetter(current) {
                index += length
                scalarIndex += 1
                var dots = 0
                while index < end {
                    // ASCII letters and digits, the bulk of any word, without decoding.
                    let byte = bytes[index]
                    if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0x30 && byte <= 0x39 {
                        index += 1
                        scalarIndex += 1
                        continue
                    }
                    let (next, nextLength) = scalar(at: index)
                    if isLetter(next) || isDigit(next) || next.value >= 0x300 && next.properties.generalCategory == .nonspacingMark {
                        index += nextLength; scalarIndex += 1; continue
                    }
                    if index + nextLength < end {
                        let (after, _) = scalar(at: index + nextLength)
                        if isApostrophe(next) {
                            // "North's" / "North’s": stop before the possessive.
                            if after == "s" || after == "S" {
                                let afterEnd = index + nextLength + 1
                                if afterEnd >= end || !isLetter(scalar(at: afterEnd).0) { break }
                            }
                            if isLetter(after) { index += nextLength; scalarIndex += 1; continue }
                            break
                        }
                        if next == "-" || next == "\u{2010}" || next == "\u{2011}" {
                            if isLetter(after) || isDigit(after) { index += nextLength; scalarIndex += 1; continue }
                            break
                        }
                    }
                    if next == "." {
                        // Dotted acronym: single letters each followed by a dot (U.N., U.S., e.g.).
                        let isAcronymSoFar = scalarIndex - scalarStart == 2 * dots + 1
                        if isAcronymSoFar, index + 2 < end, bytes[index + 2] == 0x2E, isLetter(scalar(at: index + 1).0) {
                            index += 1; scalarIndex += 1; dots += 1; continue
                        }
                        if isAcronymSoFar && dots > 0 { index += 1; scalarIndex += 1 }
                        break
                    }
                    break
                }
                emit(.word, start, index, scalarStart, scalarIndex)
            } else if isDigit(current) {
                index += 1
                scalarIndex += 1
                while index < end {
                    let byte = bytes[index]
                    if byte >= 0x30 && byte <= 0x39 { index += 1; scalarIndex += 1; continue }
                    if (byte == 0x2E || byte == 0x2C), index + 1 < end, bytes[index + 1] >= 0x30 && bytes[index + 1] <= 0x39 {
                        index += 1; scalarIndex += 1; continue
                    }
                    // "1990s", "20th", "5km": letters glued to digits stay in the token.
                    if byte < 0x80 && isLetter(Unicode.Scalar(byte)) { index += 1; scalarIndex += 1; continue }
                    break
                }
                emit(.number, start, index, scalarStart, scalarIndex)
            } else if isApostrophe(current), index + length < end,
                      bytes[index + length] | 0x20 == 0x73,
                      index + length + 1 >= end || !isLetter(scalar(at: index + length + 1).0),
                      !spaceBefore
            {
                index += length + 1
                scalarIndex += 2
                emit(.possessive, start, index, scalarStart, scalarIndex)
            } else {
                index += length
                scalarIndex += 1
                emit(.punctuation, start, index, scalarStart, scalarIndex)
            }
        }
    }
}
