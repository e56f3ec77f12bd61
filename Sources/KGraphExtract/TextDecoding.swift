import Foundation

/// How kgraph turns a file's bytes into text, in one place for every format.
///
/// kgraph never guesses an encoding, because a wrong guess changes the text
/// silently and every offset would then point at the wrong characters. The
/// rules, in order:
///
/// 1. An empty file is an error (`empty file`).
/// 2. A UTF-8 byte-order mark (`EF BB BF`) is dropped: the article's text, and
///    so every offset, starts after it.
/// 3. A UTF-16 or UTF-32 byte-order mark selects that encoding; the text is
///    decoded (offsets count code points of the decoded text, as always).
/// 4. Otherwise a NUL byte in the first 8 KB marks a binary file (or UTF-16
///    without a byte-order mark), which is an error.
/// 5. Valid UTF-8 (ASCII included) is read as it is.
/// 6. Anything else is an error naming the line, the column and the byte
///    offset of the first byte that is not UTF-8 — unless the caller named a
///    fallback encoding (``ArticleReader/Options/fallbackEncoding``, e.g.
///    Latin-1), which is then used for files that are not valid UTF-8, and
///    only for those.
enum TextDecoding {
    /// How many leading bytes are searched for a NUL byte.
    static let binaryProbeLength = 8 * 1024

    /// Decodes a whole file by the rules above.
    ///
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - source: The file's name, for errors.
    ///   - fallback: The encoding for data that is not valid UTF-8, or `nil` to reject it.
    /// - Returns: The text, without a byte-order mark.
    /// - Throws: ``ArticleError`` for an empty, binary or undecodable file.
    /// - Complexity: O(*n*) in the size of `data`.
    static func decode(_ data: Data, source: String, fallback: String.Encoding?) throws(ArticleError) -> String {
        if data.isEmpty { throw ArticleError(file: source, message: "empty file") }
        if let (encoding, name, markLength) = unicodeByteOrderMark(data), name != "UTF-8" {
            guard let text = String(data: data.dropFirst(markLength), encoding: encoding) else {
                throw ArticleError(file: source, message: "not valid \(name) although it starts with a \(name) byte-order mark")
            }
            return text
        }
        let body = data.starts(with: utf8ByteOrderMark) ? data.dropFirst(utf8ByteOrderMark.count) : data[...]
        try rejectBinary(body, source: source)
        if let text = String(validating: body, as: UTF8.self) { return text }
        if let fallback {
            guard let text = String(data: body, encoding: fallback) else {
                throw ArticleError(file: source, message: "neither UTF-8 nor \(fallback)")
            }
            return text
        }
        throw invalidUTF8Error(body, source: source)
    }

    /// Returns the data as UTF-8 bytes without a byte-order mark, converting
    /// UTF-16/32 (with a mark) and, when it is given, the fallback encoding.
    ///
    /// Unlike ``decode(_:source:fallback:)`` this does not reject invalid UTF-8:
    /// JSON Lines reports it line by line, so that one bad line costs one article.
    static func utf8Bytes(_ data: Data, source: String, fallback: String.Encoding?) throws(ArticleError) -> Data {
        if data.isEmpty { throw ArticleError(file: source, message: "empty file") }
        if let (_, name, _) = unicodeByteOrderMark(data), name != "UTF-8" {
            return Data(try decode(data, source: source, fallback: nil).utf8)
        }
        let body = data.starts(with: utf8ByteOrderMark) ? data.dropFirst(utf8ByteOrderMark.count) : data[...]
        try rejectBinary(body, source: source)
        if let fallback, firstInvalidUTF8Offset(body) != nil {
            guard let text = String(data: body, encoding: fallback) else {
                throw ArticleError(file: source, message: "neither UTF-8 nor \(fallback)")
            }
            return Data(text.utf8)
        }
        return Data(body)
    }

    static let utf8ByteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The encoding a byte-order mark announces, its name, and the mark's length.
    static func unicodeByteOrderMark(_ data: Data) -> (String.Encoding, String, Int)? {
        // UTF-32 first: its little-endian mark begins with UTF-16's.
        if data.starts(with: [0xFF, 0xFE, 0x00, 0x00] as [UInt8]) { return (.utf32LittleEndian, "UTF-32", 4) }
        if data.starts(with: [0x00, 0x00, 0xFE, 0xFF] as [UInt8]) { return (.utf32BigEndian, "UTF-32", 4) }
        if data.starts(with: [0xFF, 0xFE] as [UInt8]) { return (.utf16LittleEndian, "UTF-16", 2) }
        if data.starts(with: [0xFE, 0xFF] as [UInt8]) { return (.utf16BigEndian, "UTF-16", 2) }
        if data.starts(with: utf8ByteOrderMark) { return (.utf8, "UTF-8", 3) }
        return nil
    }

    static func rejectBinary(_ body: Data.SubSequence, source: String) throws(ArticleError) {
        let nul = body.prefix(binaryProbeLength).withUnsafeBytes { $0.firstIndex(of: 0) }
        if let nul {
            throw ArticleError(
                file: source,
                message: "binary file (NUL byte at offset \(nul)); kgraph reads UTF-8 text (UTF-16 needs a byte-order mark)")
        }
    }

    static func invalidUTF8Error(_ body: Data.SubSequence, source: String) -> ArticleError {
        let offset = firstInvalidUTF8Offset(body) ?? 0
        let start = body.startIndex
        let before = body[start..<(start + offset)]
        let line = before.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 - start } ?? 0
        let byte = body[start + offset]
        let hex = String(byte, radix: 16, uppercase: true)
        return ArticleError(
            file: source, line: line, column: offset - lineStart + 1,
            message: "not valid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex) at offset \(offset)); "
                + "re-save the file as UTF-8 or name its encoding (for example latin1)")
    }

    /// The offset of the first byte that does not belong to a well-formed
    /// UTF-8 sequence (the lead byte of a bad sequence), or `nil` if all are well formed.
    static func firstInvalidUTF8Offset<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int? {
        let result = bytes.withContiguousStorageIfAvailable { firstInvalidUTF8Offset(buffer: $0) }
        if let result { return result }
        return Array(bytes).withUnsafeBufferPointer { firstInvalidUTF8Offset(buffer: $0) }
    }

    private static func firstInvalidUTF8Offset(buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let count = buffer.count
        while index < count {
            let lead = buffer[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF  // allowed range of the second byte
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F  // no UTF-16 surrogates
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F  // nothing past U+10FFFF
            default: return index
            }
            guard index + length <= count else { return index }
            guard (low...high).contains(buffer[index + 1]) else { return index }
            for offset in 2..<length where buffer[index + offset] & 0xC0 != 0x80 { return index }
            index += length
        }
        return nil
    }
}

extension ArticleReader.Options {
    /// The encoding a user names for ``fallbackEncoding`` (`latin1`, `iso-8859-1`,
    /// `windows-1252`/`cp1252`, `macroman`, `ascii`, `utf-16`), or `nil` for a name kgraph does not know.
    public static func encoding(named name: String) -> String.Encoding? {
        let key = name.lowercased().filter { $0.isLetter || $0.isNumber }
        switch key {
        case "latin1", "iso88591", "l1": return .isoLatin1
        case "windows1252", "cp1252", "win1252": return .windowsCP1252
        case "macroman", "mac": return .macOSRoman
        case "ascii", "usascii": return .ascii
        case "utf16": return .utf16
        case "utf8": return .utf8
        default: return nil
        }
    }
}
