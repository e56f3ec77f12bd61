import KGraph

/// The small JSON texts that GraphML attributes carry: aliases, mention
/// counts, relation mentions and evidence.
///
/// Written by hand rather than with `JSONEncoder` because a large graph has
/// hundreds of thousands of them: appending to one `String` keeps the writer
/// free of per-edge encoder objects, and the output is deterministic (fixed
/// key order, no whitespace, non-ASCII kept as UTF-8). Python's `json.loads`
/// reads every one of them.
enum CompactJSON {
    /// Appends `text` as a JSON string literal.
    static func appendString(_ text: String, to out: inout String) {
        JSONText.appendString(text, to: &out)
    }

    /// `["a","b"]`, in the given order.
    static func array(_ strings: [String]) -> String {
        var out = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { out.append(",") }
            appendString(string, to: &out)
        }
        out.append("]")
        return out
    }

    /// `{"article":count,...}` in key order.
    static func counts(_ counts: [String: Int]) -> String {
        var out = "{"
        for (index, key) in counts.keys.sorted().enumerated() {
            if index > 0 { out.append(",") }
            appendString(key, to: &out)
            out.append(":")
            out.append(String(counts[key]!))
        }
        out.append("}")
        return out
    }

    /// Mentions as `[[article, date or null, start, end, flags],...]`, flags = hedged 1 + negated 2.
    ///
    /// The array-of-arrays form is a third of the size of objects and still
    /// plain JSON; `Relation.mentions` is complete even when evidence is capped,
    /// so this is what keeps weights exact through a file.
    static func mentions(_ mentions: [RelationMention]) -> String {
        var out = "["
        for (index, mention) in mentions.enumerated() {
            if index > 0 { out.append(",") }
            out.append("[")
            appendString(mention.article, to: &out)
            out.append(",")
            if let date = mention.date { appendString(date, to: &out) } else { out.append("null") }
            out.append(",")
            out.append(String(mention.start))
            out.append(",")
            out.append(String(mention.end))
            out.append(",")
            out.append(String((mention.hedged ? 1 : 0) + (mention.negated ? 2 : 0)))
            out.append("]")
        }
        out.append("]")
        return out
    }

    /// Evidence as an array of objects whose keys are `Evidence`'s `Codable` keys,
    /// so `JSONDecoder().decode([Evidence].self, ...)` reads it too. Absent optionals are left out.
    static func evidence(_ evidence: [Evidence]) -> String {
        var out = "["
        for (index, item) in evidence.enumerated() {
            if index > 0 { out.append(",") }
            out.append("{\"article\":")
            appendString(item.article, to: &out)
            if let date = item.date {
                out.append(",\"date\":")
                appendString(date, to: &out)
            }
            out.append(",\"sentence\":")
            appendString(item.sentence, to: &out)
            out.append(",\"sentenceStart\":\(item.sentenceStart),\"sentenceEnd\":\(item.sentenceEnd),\"trigger\":")
            appendString(item.trigger, to: &out)
            out.append(",\"triggerStart\":\(item.triggerStart),\"triggerEnd\":\(item.triggerEnd),\"pattern\":")
            appendString(item.pattern, to: &out)
            if let object = item.object {
                out.append(",\"object\":")
                appendString(object, to: &out)
            }
            out.append(",\"hedged\":\(item.hedged),\"negated\":\(item.negated),\"intended\":\(item.intended)")
            if let claimant = item.claimant {
                out.append(",\"claimant\":")
                appendString(claimant, to: &out)
            }
            out.append("}")
        }
        out.append("]")
        return out
    }
}

// MARK: - Reading

/// A parsed JSON value: just enough JSON for the attributes above.
enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses one JSON text.
    ///
    /// - Throws: `JSONValue.ParseError` with the byte offset of the problem.
    /// - Complexity: O(n) in the length of the text; nesting is capped at 64 levels.
    static func parse(_ text: String) throws -> JSONValue {
        var text = text
        return try text.withUTF8 { bytes in
            var parser = Parser(bytes: bytes)
            parser.skipSpace()
            let value = try parser.value(depth: 0)
            parser.skipSpace()
            guard parser.position == bytes.count else { throw parser.failure("text after the JSON value") }
            return value
        }
    }

    struct ParseError: Error, CustomStringConvertible {
        var offset: Int
        var message: String
        var description: String { "invalid JSON at byte \(offset): \(message)" }
    }

    var string: String? { if case .string(let value) = self { value } else { nil } }
    var integer: Int? {
        switch self {
        case .integer(let value): value
        case .number(let value) where value == value.rounded() && abs(value) < 9e15: Int(value)
        default: nil
        }
    }
    var bool: Bool? { if case .bool(let value) = self { value } else { nil } }
    var array: [JSONValue]? { if case .array(let value) = self { value } else { nil } }
    var object: [String: JSONValue]? { if case .object(let value) = self { value } else { nil } }
}

private struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    func failure(_ message: String) -> JSONValue.ParseError {
        JSONValue.ParseError(offset: position, message: message)
    }

    mutating func skipSpace() {
        while position < bytes.count,
            bytes[position] == 0x20 || bytes[position] == 0x0A || bytes[position] == 0x0D || bytes[position] == 0x09
        {
            position += 1
        }
    }

    mutating func expect(_ literal: StaticString) throws {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw failure("unexpected end") }
        for index in 0..<count where bytes[position + index] != literal.utf8Start[index] {
            throw failure("expected \(literal)")
        }
        position += count
    }

    mutating func value(depth: Int) throws -> JSONValue {
        guard depth < 64 else { throw failure("nested too deeply") }
        guard position < bytes.count else { throw failure("unexpected end") }
        switch bytes[position] {
        case UInt8(ascii: "n"): try expect("null"); return .null
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "["):
            position += 1
            var items: [JSONValue] = []
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array(items)
            }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard position < bytes.count else { throw failure("unexpected end in an array") }
                if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
                if bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
                throw failure("expected , or ]")
            }
        case UInt8(ascii: "{"):
            position += 1
            var members: [String: JSONValue] = [:]
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(members)
            }
            while true {
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                    throw failure("expected a member name")
                }
                let name = try string()
                skipSpace()
                try expect(":")
                skipSpace()
                members[name] = try value(depth: depth + 1)
                skipSpace()
                guard position < bytes.count else { throw failure("unexpected end in an object") }
                if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
                if bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
                throw failure("expected , or }")
            }
        default:
            return try number()
        }
    }

    mutating func number() throws -> JSONValue {
        let start = position
        var isInteger = true
        while position < bytes.count, Parser.isNumberByte(bytes[position]) {
            let byte = bytes[position]
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { isInteger = false }
            position += 1
        }
        guard position > start else { throw failure("unexpected character") }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        if isInteger, let value = Int(text) { return .integer(value) }
        guard let value = Double(text) else { position = start; throw failure("malformed number") }
        return .number(value)
    }

    static func isNumberByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
            || byte == UInt8(ascii: "E")
    }

    mutating func string() throws -> String {
        position += 1  // the opening quote
        let start = position
        // Fast path: no escapes, the common case.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            position += 1
        }
        var scalars = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return scalars
            }
            if byte != UInt8(ascii: "\\") {
                // Copy a run of plain bytes at once.
                let runStart = position
                while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\") {
                    position += 1
                }
                scalars.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<position]), as: UTF8.self))
                continue
            }
            position += 1
            guard position < bytes.count else { break }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{8}")
            case UInt8(ascii: "f"): scalars.append("\u{C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code), position + 6 <= bytes.count,
                    bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
                {
                    position += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw failure("unpaired surrogate") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw failure("invalid \\u escape") }
                scalars.unicodeScalars.append(scalar)
            default: throw failure("invalid escape")
            }
        }
        throw failure("unterminated string")
    }

    mutating func hex4() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure("short \\u escape") }
        var code: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("invalid hex digit")
            }
            code = code << 4 | UInt32(digit)
            position += 1
        }
        return code
    }
}
