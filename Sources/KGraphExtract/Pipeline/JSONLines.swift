import Foundation
import KGraph

/// Writes `kgraph extract`'s records as JSON Lines, one object a line, with
/// a fixed key order so the same input always gives the same bytes.
public enum ExtractionJSONLines {
    /// The lines for one article: the article, its mentions, its entities, its relations.
    public static func lines(for extraction: ArticleExtraction) -> [String] {
        var lines: [String] = []
        let article = extraction.article
        var object = JSONObject()
        object["type"] = .string("article")
        object["id"] = .string(article.id)
        object["title"] = article.title.map(JSONValue.string) ?? .null
        object["date"] = article.date.map(JSONValue.string) ?? .null
        object["author"] = article.author.map(JSONValue.string) ?? .null
        object["url"] = article.url.map(JSONValue.string) ?? .null
        lines.append(object.serialized)
        for mention in extraction.mentions {
            var object = JSONObject()
            object["type"] = .string("mention")
            object["article"] = .string(article.id)
            object["entity"] = .string(mention.entity.rawValue)
            object["text"] = .string(mention.text)
            object["start"] = .int(mention.start)
            object["end"] = .int(mention.end)
            object["kind"] = .string(mention.kind.rawValue)
            object["form"] = .string(mention.form.rawValue)
            lines.append(object.serialized)
        }
        for entity in extraction.entities {
            var object = JSONObject()
            object["type"] = .string("entity")
            object["id"] = .string(entity.id.rawValue)
            object["name"] = .string(entity.name)
            object["kind"] = .string(entity.kind.rawValue)
            object["aliases"] = .array(entity.sortedAliases.map(JSONValue.string))
            object["article"] = .string(article.id)
            object["mentions"] = .int(entity.mentions)
            lines.append(object.serialized)
        }
        for relation in extraction.relations {
            let evidence = relation.evidence
            var object = JSONObject()
            object["type"] = .string("relation")
            object["article"] = .string(article.id)
            object["source"] = .string(relation.source.rawValue)
            object["target"] = .string(relation.target.rawValue)
            object["relation"] = .string(relation.type.rawValue)
            object["start"] = .int(evidence.sentenceStart)
            object["end"] = .int(evidence.sentenceEnd)
            object["trigger"] = .string(evidence.trigger)
            object["trigger_start"] = .int(evidence.triggerStart)
            object["trigger_end"] = .int(evidence.triggerEnd)
            object["hedged"] = .bool(evidence.hedged)
            object["negated"] = .bool(evidence.negated)
            object["intended"] = .bool(evidence.intended)
            object["claimant"] = evidence.claimant.map(JSONValue.string) ?? .null
            object["object"] = evidence.object.map(JSONValue.string) ?? .null
            object["pattern"] = .string(evidence.pattern)
            object["date"] = evidence.date.map(JSONValue.string) ?? .null
            object["sentence"] = .string(evidence.sentence)
            lines.append(object.serialized)
        }
        return lines
    }
}

/// A JSON value, just what kgraph writes.
public enum JSONValue: Sendable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case array([JSONValue])
    case object(JSONObject)
    case null

    func write(to output: inout String) {
        switch self {
        case .string(let value): JSONValue.writeString(value, to: &output)
        case .int(let value): output += String(value)
        case .double(let value): output += value.isFinite ? String(format: "%.4g", value) : "null"
        case .bool(let value): output += value ? "true" : "false"
        case .null: output += "null"
        case .object(let object): output += object.serialized
        case .array(let values):
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += "," }
                value.write(to: &output)
            }
            output += "]"
        }
    }

    /// RFC 8259 string escaping; non-ASCII is written as UTF-8.
    static func writeString(_ value: String, to output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
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
        output += "\""
    }
}

/// An ordered JSON object: keys are written in insertion order.
public struct JSONObject: Sendable {
    private var pairs: [(String, JSONValue)] = []
    public init() {}
    public subscript(key: String) -> JSONValue? {
        get { pairs.first { $0.0 == key }?.1 }
        set {
            pairs.removeAll { $0.0 == key }
            if let newValue { pairs.append((key, newValue)) }
        }
    }
    public var serialized: String {
        var output = "{"
        for (index, pair) in pairs.enumerated() {
            if index > 0 { output += "," }
            JSONValue.writeString(pair.0, to: &output)
            output += ":"
            pair.1.write(to: &output)
        }
        return output + "}"
    }
}
