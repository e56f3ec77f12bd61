import Foundation

/// JSON as kgraph writes it: a value tree serialised with a fixed key order, no
/// whitespace, and non-ASCII kept as UTF-8, so the same data always gives the
/// same bytes. Used for `kgraph extract`'s records, `inspect --json` and the JSON
/// inside graph files. Reading JSON is the formats' business, not this type's.
public enum JSONText: Sendable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case array([JSONText])
    case object(Object)
    case null

    /// An ordered JSON object: keys are written in insertion order.
    public struct Object: Sendable {
        private var pairs: [(String, JSONText)] = []

        public init() {}

        public subscript(key: String) -> JSONText? {
            get { pairs.first { $0.0 == key }?.1 }
            set {
                pairs.removeAll { $0.0 == key }
                if let newValue { pairs.append((key, newValue)) }
            }
        }

        /// The object as one line of JSON.
        public var serialized: String {
            var output = ""
            write(to: &output)
            return output
        }

        func write(to output: inout String) {
            output += "{"
            for (index, pair) in pairs.enumerated() {
                if index > 0 { output += "," }
                JSONText.appendString(pair.0, to: &output)
                output += ":"
                pair.1.write(to: &output)
            }
            output += "}"
        }
    }

    /// The value as JSON text.
    public var serialized: String {
        var output = ""
        write(to: &output)
        return output
    }

    public func write(to output: inout String) {
        switch self {
        case .string(let value): JSONText.appendString(value, to: &output)
        case .int(let value): output += String(value)
        case .double(let value): output += value.isFinite ? String(format: "%.4g", value) : "null"
        case .bool(let value): output += value ? "true" : "false"
        case .null: output += "null"
        case .object(let object): object.write(to: &output)
        case .array(let values):
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += "," }
                value.write(to: &output)
            }
            output += "]"
        }
    }

    /// Appends `text` as a JSON string literal (RFC 8259 escapes; U+2028 and U+2029
    /// escaped too, so the output is also valid JavaScript).
    public static func appendString(_ text: String, to output: inout String) {
        output += "\""
        let plain = !text.utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }
        if plain {
            output += text
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": output += "\\\""
                case "\\": output += "\\\\"
                case "\n": output += "\\n"
                case "\r": output += "\\r"
                case "\t": output += "\\t"
                case _ where scalar.value < 0x20 || scalar == "\u{2028}" || scalar == "\u{2029}":
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
