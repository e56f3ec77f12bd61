import Foundation
import KGraph
import KGraphXML

/// Writes a `KnowledgeGraph` as a Graphviz DOT file that `dot -Tsvg` lays
/// out without a single warning.
///
/// The file is a non-strict `digraph`, so parallel edges of different types
/// and self-loops are kept, with every id and string quoted and escaped
/// (no keyword such as `node`, `edge` or `strict` can break it). Nodes come
/// before edges, in `sortedEntities` order; an entity's kind sets its shape
/// and fill colour, explained by a legend in `subgraph "cluster_legend"`
/// (which `validate-exports.sh` leaves out of its counts). Edges, in
/// `sortedRelations` order, are labelled with the relation type and its
/// weight when above one; hedged relations are dashed, and negated ones
/// (every mention denies them) are drawn dotted and grey, labelled
/// `not <type>`, so they are visible without being shown as facts.
///
/// Each node and edge also carries kgraph's data in `kg_` attributes, which
/// Graphviz keeps without a warning and `DOTReader` reads back to the same
/// graph. Nodes: `kg_id`, `kg_kind`, `kg_name` (only when the label cannot
/// hold the name, such as a carriage return), `kg_aliases` (a JSON array),
/// `kg_mentions_by_article` (a JSON object) and `kg_attributes` (a JSON
/// object of strings). Edges: `kg_relation`, `kg_tag` (when not empty),
/// `kg_mentions` (every mention, in the JSON form `GraphMLWriter` uses),
/// `kg_evidence` (a JSON array of `Evidence`, at most `maxEvidence`) and
/// `kg_attributes`. Empty collections are left out.
///
/// ```swift
/// try DOTWriter().write(graph, to: "graphs/seed.dot")
/// ```
public struct DOTWriter: Sendable {
    /// The name after `digraph`.
    public var graphName: String
    /// The most evidence records written per edge (all when `nil`); mentions are always complete.
    public var maxEvidence: Int?

    public init(graphName: String = "kgraph", maxEvidence: Int? = nil) {
        self.graphName = graphName
        self.maxEvidence = maxEvidence
    }

    /// Writes `graph` to `path`, replacing the file atomically.
    ///
    /// - Throws: `ExportError` when the file cannot be written or moved into
    ///   place; an existing file is then left as it was.
    public func write(_ graph: KnowledgeGraph, to path: String) throws {
        try AtomicFile.write(to: path) { temporary in
            let sink = try FileSink(path: temporary)
            try emit(graph, to: sink)
            try sink.finish()
        }
    }

    /// The DOT text for `graph`.
    public func string(for graph: KnowledgeGraph) -> String {
        let sink = MemorySink()
        try! emit(graph, to: sink)  // a memory sink never throws
        return sink.text
    }

    /// Writes `graph` to `path` (see `write(_:to:)`).
    public static func write(_ graph: KnowledgeGraph, to path: String) throws {
        try DOTWriter().write(graph, to: path)
    }

    // MARK: Styles

    /// Shape and fill colour of each kind; colours from ColorBrewer's Pastel1.
    static func style(of kind: EntityKind) -> (shape: String, fill: String) {
        switch kind {
        case .person: ("ellipse", "#b3cde3")
        case .country: ("box", "#ccebc5")
        case .organization: ("hexagon", "#fed9a6")
        case .place: ("house", "#ffffcc")
        case .group: ("octagon", "#decbe4")
        case .other: ("note", "#f2f2f2")
        }
    }

    // MARK: Emitting

    private func emit(_ graph: KnowledgeGraph, to sink: some TextSink) throws {
        let entities = graph.sortedEntities
        sink.text += "digraph \(Self.quoted(graphName)) {\n"
        sink.text += "  graph [charset=\"UTF-8\", rankdir=\"LR\", fontname=\"Helvetica\", fontsize=\"10\", "
            + "nodesep=\"0.3\", ranksep=\"0.6\"];\n"
        sink.text += "  node [style=\"filled\", fontname=\"Helvetica\", fontsize=\"10\", color=\"#555555\"];\n"
        sink.text += "  edge [fontname=\"Helvetica\", fontsize=\"9\", color=\"#444444\", fontcolor=\"#222222\"];\n"

        // The legend's ids must not be an entity's: lengthen the prefix until none starts with it.
        var prefix = "legend:"
        while graph.entities.keys.contains(where: { $0.rawValue.hasPrefix(prefix) }) { prefix = "_" + prefix }
        let kinds = Set(entities.map(\.kind)).sorted()
        let relations = graph.sortedRelations
        let hasHedged = relations.contains(where: \.isHedged)
        let hasNegated = relations.contains(where: \.isNegated)
        if !kinds.isEmpty {
            sink.text += "  subgraph \"cluster_legend\" {\n"
            sink.text += "    graph [label=\"Legend\", style=\"rounded\", color=\"#999999\"];\n"
            for kind in kinds {
                let (shape, fill) = Self.style(of: kind)
                sink.text += "    \(Self.quoted(prefix + kind.rawValue)) [label=\(Self.quoted(kind.rawValue)), "
                    + "shape=\"\(shape)\", fillcolor=\"\(fill)\"];\n"
            }
            if hasHedged || hasNegated {
                var lines: [String] = []
                if hasHedged { lines.append("dashed edge: hedged") }
                if hasNegated { lines.append("dotted grey edge: denied") }
                sink.text += "    \(Self.quoted(prefix + "edges")) [label=\(Self.quoted(lines.joined(separator: "\n"))), "
                    + "shape=\"plaintext\", style=\"solid\"];\n"
            }
            sink.text += "  }\n"
        }

        // Node names in the file: the id without the characters DOT cannot hold, made unique
        // with "#2", "#3" when two ids differ only in those (the exact id rides in kg_id_json).
        var nodeNames: [EntityID: String] = [:]
        var used = Set<String>()
        for entity in entities {
            var name = entity.id.rawValue
            if name.unicodeScalars.contains(where: Self.isDropped) {
                name = String(String.UnicodeScalarView(name.unicodeScalars.filter { !Self.isDropped($0) }))
                var candidate = name
                var counter = 2
                while used.contains(candidate) || graph.entities[EntityID(rawValue: candidate)] != nil {
                    candidate = name + "#\(counter)"
                    counter += 1
                }
                name = candidate
            }
            used.insert(name)
            nodeNames[entity.id] = name
        }

        for entity in entities {
            let (shape, fill) = Self.style(of: entity.kind)
            sink.text += "  "
            Self.appendQuoted(nodeNames[entity.id]!, to: &sink.text)
            sink.text += " [label="
            Self.appendQuoted(entity.name, to: &sink.text)
            sink.text += ", shape=\"\(shape)\", fillcolor=\"\(fill)\""
            Self.appendData(of: entity, to: &sink.text)
            sink.text += "];\n"
            try sink.flushIfFull()
        }

        for full in relations {
            let relation = full.cappingEvidence(maxEvidence)
            sink.text += "  "
            Self.appendQuoted(nodeNames[relation.source] ?? relation.source.rawValue, to: &sink.text)
            sink.text += " -> "
            Self.appendQuoted(nodeNames[relation.target] ?? relation.target.rawValue, to: &sink.text)
            sink.text += " [label="
            if relation.isNegated {
                Self.appendQuoted("not " + relation.type.rawValue, to: &sink.text)
                sink.text += ", style=\"dotted\", color=\"#999999\", fontcolor=\"#888888\""
            } else {
                let weight = relation.weight
                Self.appendQuoted(
                    weight > 1 ? "\(relation.type.rawValue) (\(weight))" : relation.type.rawValue, to: &sink.text)
                if relation.isHedged { sink.text += ", style=\"dashed\"" }
            }
            // meets and allied_with have no direction; the file keeps one, the picture shows none.
            if relation.type.isSymmetric { sink.text += ", dir=\"none\"" }
            Self.appendData(of: relation, to: &sink.text)
            sink.text += "];\n"
            try sink.flushIfFull()
        }
        sink.text += "}\n"
    }

    // MARK: kgraph's data

    /// Appends `, kg_id=..., kg_kind=...` and the rest of an entity's data.
    static func appendData(of entity: Entity, to out: inout String) {
        out.append(", kg_id=")
        appendQuoted(entity.id.rawValue, to: &out, keepingCarriageReturns: true)
        if entity.id.rawValue.unicodeScalars.contains(where: { isDropped($0) && $0 != "\r" }) {
            // Control characters cannot be written in DOT; the id's JSON form can carry them.
            out.append(", kg_id_json=")
            var json = ""
            CompactJSON.appendString(entity.id.rawValue, to: &json)
            appendQuoted(json, to: &out)
        }
        out.append(", kg_kind=")
        appendQuoted(entity.kind.rawValue, to: &out)
        // The label drops carriage returns (Graphviz reads `\r` as "right-justify").
        if entity.name.unicodeScalars.contains("\r") {
            out.append(", kg_name=")
            appendQuoted(entity.name, to: &out, keepingCarriageReturns: true)
        }
        if !entity.aliases.isEmpty {
            out.append(", kg_aliases=")
            appendQuoted(CompactJSON.array(entity.aliases.sorted()), to: &out)
        }
        if !entity.mentionsByArticle.isEmpty {
            out.append(", kg_mentions_by_article=")
            appendQuoted(CompactJSON.counts(entity.mentionsByArticle), to: &out)
        }
        appendAttributes(entity.attributes, to: &out)
    }

    /// Appends `, kg_relation=..., kg_mentions=...` and the rest of a relation's data.
    static func appendData(of relation: Relation, to out: inout String) {
        out.append(", kg_relation=")
        appendQuoted(relation.type.rawValue, to: &out, keepingCarriageReturns: true)
        if !relation.key.tag.isEmpty {
            out.append(", kg_tag=")
            appendQuoted(relation.key.tag, to: &out, keepingCarriageReturns: true)
        }
        out.append(", kg_mentions=")
        appendQuoted(CompactJSON.mentions(relation.sortedMentions), to: &out)
        if !relation.evidence.isEmpty {
            out.append(", kg_evidence=")
            appendQuoted(CompactJSON.evidence(relation.sortedEvidence), to: &out)
        }
        appendAttributes(relation.attributes, to: &out)
    }

    /// Appends `, kg_attributes="{...}"`, names in order, unless there are none.
    static func appendAttributes(_ attributes: [String: String], to out: inout String) {
        guard !attributes.isEmpty else { return }
        var json = "{"
        for (index, name) in attributes.keys.sorted().enumerated() {
            if index > 0 { json.append(",") }
            CompactJSON.appendString(name, to: &json)
            json.append(":")
            CompactJSON.appendString(attributes[name]!, to: &json)
        }
        json.append("}")
        out.append(", kg_attributes=")
        appendQuoted(json, to: &out)
    }

    // MARK: Quoting

    /// The longest run of a quoted string before it is split with `+`.
    ///
    /// Graphviz 2.43's lexer refuses a quoted string of 16,382 bytes or more ("longer than
    /// 16384?": its 16 KiB token buffer also holds the quotes and a NUL), so stay well under it.
    /// Found by the DOT fuzzer's Graphviz check (issue 7).
    static let maxChunkBytes = 16 * 1024 - 64

    /// Characters `appendQuoted` leaves out: control characters and carriage returns.
    static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        XMLWriter.isForbidden(scalar) || scalar == "\r"
    }

    /// `text` as a DOT double-quoted string.
    static func quoted(_ text: String) -> String {
        var out = ""
        appendQuoted(text, to: &out)
        return out
    }

    /// Appends `text` as a double-quoted DOT string.
    ///
    /// Backslash and quote are escaped, a line break becomes `\n`, and control
    /// characters are dropped. Escaping is injective, so distinct ids stay
    /// distinct. Strings longer than `maxChunkBytes` are split as
    /// `"..." + "..."` between scalars, never inside an escape.
    ///
    /// With `keepingCarriageReturns`, a carriage return is written as `\r`
    /// instead of dropped: for `kg_` values, which Graphviz never renders.
    static func appendQuoted(_ text: String, to out: inout String, keepingCarriageReturns: Bool = false) {
        out.append("\"")
        if text.utf8.count <= maxChunkBytes, !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xEF }) {
            out.append(text)
            out.append("\"")
            return
        }
        var chunk = 0
        for scalar in text.unicodeScalars {
            let piece: String
            switch scalar {
            case "\\": piece = "\\\\"
            case "\"": piece = "\\\""
            case "\n": piece = "\\n"
            case "\r" where keepingCarriageReturns: piece = "\\r"
            case _ where XMLWriter.isForbidden(scalar) || scalar == "\r": continue
            default: piece = String(scalar)
            }
            let size = piece.utf8.count
            if chunk + size > maxChunkBytes {
                out.append("\" + \"")
                chunk = 0
            }
            out.append(piece)
            chunk += size
        }
        out.append("\"")
    }
}

// MARK: - Output

/// Where DOT text goes: collected in `text`, handed on by `flushIfFull`.
private protocol TextSink: AnyObject {
    var text: String { get set }
    func flushIfFull() throws
}

private final class MemorySink: TextSink {
    var text = ""
    func flushIfFull() {}
}

/// Writes to a file in 1 MiB pieces, so a large graph never sits in memory as text.
private final class FileSink: TextSink {
    var text = ""
    let path: String
    private let handle: FileHandle

    init(path: String) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw ExportError(file: path, message: "cannot create the file")
        }
        do {
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        } catch {
            throw ExportError(file: path, message: "cannot open the file for writing: \(error.localizedDescription)")
        }
    }

    func flushIfFull() throws {
        if text.utf8.count >= 1 << 20 { try flush() }
    }

    func flush() throws {
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw ExportError(file: path, message: "cannot write: \(error.localizedDescription)")
        }
        text.removeAll(keepingCapacity: true)
    }

    func finish() throws {
        try flush()
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw ExportError(file: path, message: "cannot write: \(error.localizedDescription)")
        }
    }
}
