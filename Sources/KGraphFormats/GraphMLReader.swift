import Foundation
import KGraph
import KGraphXML

/// Reads GraphML into a `KnowledgeGraph`: kgraph's own files losslessly, and
/// the GraphML that networkx, igraph and yEd write.
///
/// A kgraph file (one that declares kgraph's `n_entity` and `e_relation`
/// keys) gives back exactly the graph that `GraphMLWriter` wrote, evidence
/// and mentions included. In any other file:
///
/// - a node's id becomes its `EntityID`; its name is the `label` attribute,
///   else `name`, else a yEd node label, else the id; its kind comes from a
///   `kind` or `type` attribute (read leniently), else `other`;
/// - an edge's type is its `relation`, `label` or `type` attribute (or a yEd
///   edge label), else `related`; each edge keeps its GraphML id as
///   `RelationKey.tag`, so parallel edges stay apart;
/// - every other key is kept in `attributes` under its `attr.name`, and key
///   `<default>`s apply to elements that lack the value;
/// - undirected graphs are read as edges from `source` to `target`; nested
///   graphs are flattened; hyperedges and ports are ignored.
///
/// The file is read as a stream on `XMLStreamReader`, with the protections
/// described there (no DOCTYPE, no entities, no network, a depth cap).
///
/// ```swift
/// let graph = try GraphMLReader().read(from: "graphs/seed.graphml")
/// ```
public struct GraphMLReader: Sendable {
    /// The deepest element nesting accepted.
    public var maxDepth: Int

    public init(maxDepth: Int = 100) {
        self.maxDepth = maxDepth
    }

    /// Reads the GraphML file at `path`.
    ///
    /// - Throws: `XMLError` for unreadable or malformed XML and refused DTDs;
    ///   `GraphMLError` for a document that is not a usable graph (no `<graphml>`
    ///   root, duplicate node ids, edges to unknown nodes, malformed kgraph data).
    /// - Complexity: O(n) in the size of the file, plus O(E log E) to index the edges.
    public func read(from path: String) throws -> KnowledgeGraph {
        try parse(XMLStreamReader(path: path, maxDepth: maxDepth))
    }

    /// Reads a GraphML document held in memory; `name` stands for the file in errors.
    public func read(_ data: Data, name: String = "<memory>") throws -> KnowledgeGraph {
        try parse(XMLStreamReader(data: data, name: name, maxDepth: maxDepth))
    }

    /// Reads the GraphML file at `path` with the default limits.
    public static func read(from path: String) throws -> KnowledgeGraph {
        try GraphMLReader().read(from: path)
    }

    private func parse(_ reader: XMLStreamReader) throws -> KnowledgeGraph {
        var parser = Parser(reader: reader)
        return try parser.run()
    }
}

// MARK: - Parsing

/// What a key's value means for a node or an edge.
private enum Role: Equatable {
    /// A candidate for the entity name; lower ranks win.
    case name(rank: Int)
    case entity
    /// A candidate for the entity kind; lower ranks win.
    case kind(rank: Int)
    case aliases
    case mentionsByArticle
    /// A candidate for the relation type; lower ranks win.
    case relation(rank: Int)
    case mentions
    case evidence
    case tag
    /// A value kgraph derives from others (weights, shares); not read back.
    case derived
    case free(String)
}

/// One `<key>`.
private struct KeyInfo {
    var id: String
    var domain: String
    var name: String?
    var yfilesType: String?
    var defaultValue: String?
    var nodeRole: Role = .derived
    var edgeRole: Role = .derived

    func applies(to domain: String) -> Bool { self.domain == domain || self.domain == "all" }
}

/// A node or an edge whose `</node>`/`</edge>` has not been seen yet.
private struct Pending {
    var isEdge: Bool
    var depth: Int
    var id: String?
    var source: String?
    var target: String?
    var line: Int
    var column: Int
    /// (key index, value) in document order.
    var values: [(key: Int, value: String)] = []
}

/// An edge read in full, waiting for every node to be known (GraphML lets edges come first).
private struct ReadEdge {
    var source: String
    var target: String
    var type: RelationType
    var tag: String
    var mentions: Set<RelationMention>
    var evidence: Set<Evidence>
    var attributes: [String: String]
    var line: Int
    var column: Int
}

private struct Parser {
    let reader: XMLStreamReader
    var keys: [KeyInfo] = []
    var keyIndex: [String: Int] = [:]
    var rolesAssigned = false
    var isKGraph = false
    var nodeDefaults: [Int] = []
    var edgeDefaults: [Int] = []

    var graph = KnowledgeGraph()
    /// GraphML node id → entity id.
    var nodes: [String: EntityID] = [:]
    var edges: [ReadEdge] = []
    var stack: [Pending] = []

    init(reader: XMLStreamReader) { self.reader = reader }

    func error(_ message: String) -> GraphMLError {
        GraphMLError(file: reader.source, line: reader.line, column: reader.column, message: message)
    }

    mutating func run() throws -> KnowledgeGraph {
        var sawRoot = false
        while try reader.read() {
            switch reader.kind {
            case .startElement:
                let name = reader.localName
                if !sawRoot {
                    guard name == "graphml" else {
                        throw error("the root element is <\(name)>, not <graphml>; this is not a GraphML file")
                    }
                    sawRoot = true
                    continue
                }
                try start(name)
            case .endElement:
                if reader.localName == "node" || reader.localName == "edge" { try end() }
            default:
                continue
            }
        }
        guard sawRoot else { throw error("no <graphml> root element; this is not a GraphML file") }
        try resolveEdges()
        return graph
    }

    mutating func start(_ name: String) throws {
        switch name {
        case "key":
            try readKey()
        case "graph":
            assignRoles()
        case "node", "edge":
            assignRoles()
            let isEdge = name == "edge"
            var pending = Pending(
                isEdge: isEdge, depth: reader.depth, id: reader.attribute("id"), line: reader.line,
                column: reader.column)
            if isEdge {
                pending.source = reader.attribute("source")
                pending.target = reader.attribute("target")
            } else if pending.id == nil {
                throw error("a <node> has no id")
            }
            stack.append(pending)
            if reader.isEmptyElement { try end() }
        case "data":
            // Only data that belongs directly to the innermost open node or edge counts;
            // graph-level data and data of nested graphs' own elements are handled there.
            guard let owner = stack.last, owner.depth + 1 == reader.depth else {
                try skipElement()
                return
            }
            guard let keyID = reader.attribute("key") else { throw error("a <data> element has no key") }
            guard let index = keyIndex[keyID] else { throw error("<data> refers to undeclared key \"\(keyID)\"") }
            let value = try readDataValue()
            stack[stack.count - 1].values.append((index, value))
        default:
            return
        }
    }

    /// Reads a `<key>` and its optional `<default>`.
    mutating func readKey() throws {
        guard let id = reader.attribute("id") else { throw error("a <key> has no id") }
        guard keyIndex[id] == nil else { throw error("key id \"\(id)\" is declared twice") }
        var key = KeyInfo(
            id: id, domain: reader.attribute("for") ?? "all", name: reader.attribute("attr.name"),
            yfilesType: reader.attribute("yfiles.type"))
        if !reader.isEmptyElement {
            let depth = reader.depth
            while try reader.read() {
                if reader.kind == .startElement, reader.localName == "default", reader.depth == depth + 1 {
                    key.defaultValue = try readDataValue()
                } else if reader.kind == .endElement, reader.depth == depth {
                    break
                }
            }
        }
        keyIndex[id] = keys.count
        keys.append(key)
    }

    /// The text of the element the reader is on, leaving the reader on its end.
    ///
    /// Plain text is concatenated; an element with markup inside (yEd's graphics)
    /// gives the text of its `NodeLabel`/`EdgeLabel` descendants instead.
    mutating func readDataValue() throws -> String {
        if reader.isEmptyElement { return "" }
        let depth = reader.depth
        var text = ""
        var labelText = ""
        var hasMarkup = false
        var labelDepth: Int?
        while try reader.read() {
            switch reader.kind {
            case .text:
                if reader.depth == depth + 1 {
                    text += reader.value
                } else if labelDepth != nil {
                    labelText += reader.value
                }
            case .startElement:
                hasMarkup = true
                let name = reader.localName
                if labelDepth == nil, labelText.isEmpty, name == "NodeLabel" || name == "EdgeLabel",
                    !reader.isEmptyElement
                {
                    labelDepth = reader.depth
                }
            case .endElement:
                if reader.depth == depth { return hasMarkup ? labelText : text }
                if reader.depth == labelDepth { labelDepth = nil }
            default:
                continue
            }
        }
        throw error("the document ends inside a <data> element")
    }

    mutating func skipElement() throws {
        if reader.isEmptyElement { return }
        let depth = reader.depth
        while try reader.read() {
            if reader.kind == .endElement, reader.depth == depth { return }
        }
    }

    /// Decides what each key means, once all keys are known (they precede the graph).
    mutating func assignRoles() {
        guard !rolesAssigned else { return }
        rolesAssigned = true
        isKGraph = keyIndex[GraphMLSchema.nodeEntity.id].map { keys[$0].name == GraphMLSchema.nodeEntity.name }
            == true
            && keyIndex[GraphMLSchema.edgeRelation.id].map { keys[$0].name == GraphMLSchema.edgeRelation.name }
            == true
        for index in keys.indices {
            keys[index].nodeRole = nodeRole(keys[index])
            keys[index].edgeRole = edgeRole(keys[index])
            if keys[index].defaultValue != nil {
                if keys[index].applies(to: "node") { nodeDefaults.append(index) }
                if keys[index].applies(to: "edge") { edgeDefaults.append(index) }
            }
        }
    }

    func freeName(_ key: KeyInfo, prefix: String) -> String {
        if isKGraph, key.id.hasPrefix(prefix), let name = key.name {
            return GraphMLSchema.decodeAttributeName(name)
        }
        return key.name ?? key.id
    }

    func nodeRole(_ key: KeyInfo) -> Role {
        if isKGraph, let name = key.name {
            switch (key.id, name) {
            case (GraphMLSchema.nodeLabel.id, GraphMLSchema.nodeLabel.name): return .name(rank: 0)
            case (GraphMLSchema.nodeEntity.id, GraphMLSchema.nodeEntity.name): return .entity
            case (GraphMLSchema.nodeKind.id, GraphMLSchema.nodeKind.name): return .kind(rank: 0)
            case (GraphMLSchema.nodeAliases.id, GraphMLSchema.nodeAliases.name): return .aliases
            case (GraphMLSchema.nodeMentionsByArticle.id, GraphMLSchema.nodeMentionsByArticle.name):
                return .mentionsByArticle
            case (GraphMLSchema.nodeMentions.id, GraphMLSchema.nodeMentions.name),
                (GraphMLSchema.nodeArticles.id, GraphMLSchema.nodeArticles.name):
                return .derived
            default:
                return .free(freeName(key, prefix: GraphMLSchema.nodeAttributePrefix))
            }
        }
        if key.yfilesType == "nodegraphics" { return .name(rank: 2) }
        switch key.name {
        case "label": return .name(rank: 0)
        case "name": return .name(rank: 1)
        case "kind": return .kind(rank: 0)
        case "type": return .kind(rank: 1)
        default: return .free(key.name ?? key.id)
        }
    }

    func edgeRole(_ key: KeyInfo) -> Role {
        if isKGraph, let name = key.name {
            switch (key.id, name) {
            case (GraphMLSchema.edgeRelation.id, GraphMLSchema.edgeRelation.name): return .relation(rank: 0)
            case (GraphMLSchema.edgeMentions.id, GraphMLSchema.edgeMentions.name): return .mentions
            case (GraphMLSchema.edgeEvidence.id, GraphMLSchema.edgeEvidence.name): return .evidence
            case (GraphMLSchema.edgeTag.id, GraphMLSchema.edgeTag.name): return .tag
            case _ where GraphMLSchema.edgeKeys.contains { $0.id == key.id && $0.name == name }:
                return .derived
            default:
                return .free(freeName(key, prefix: GraphMLSchema.edgeAttributePrefix))
            }
        }
        if key.yfilesType == "edgegraphics" { return .relation(rank: 3) }
        switch key.name {
        case "relation": return .relation(rank: 0)
        case "label": return .relation(rank: 1)
        case "type": return .relation(rank: 2)
        default: return .free(key.name ?? key.id)
        }
    }

    /// Finishes the innermost open node or edge.
    mutating func end() throws {
        guard var pending = stack.popLast() else { return }
        let defaults = pending.isEdge ? edgeDefaults : nodeDefaults
        for index in defaults where !pending.values.contains(where: { $0.key == index }) {
            pending.values.append((index, keys[index].defaultValue!))
        }
        if pending.isEdge { try finishEdge(pending) } else { try finishNode(pending) }
    }

    mutating func finishNode(_ pending: Pending) throws {
        let nodeID = pending.id!
        guard nodes[nodeID] == nil else {
            throw located(pending, "node id \"\(nodeID)\" is used twice")
        }
        var name: Candidate?
        var kind: Candidate?
        var entityID: String?
        var aliases: Set<String> = []
        var counts: [String: Int] = [:]
        var attributes: [String: String] = [:]
        var passedOver: [(String, String)] = []
        for (index, value) in pending.values {
            let key = keys[index]
            switch key.nodeRole {
            case .name(let rank): offer(Candidate(rank: rank, value: value, key: index), to: &name, &passedOver)
            case .kind(let rank): offer(Candidate(rank: rank, value: value, key: index), to: &kind, &passedOver)
            case .entity: entityID = value
            case .aliases:
                aliases = Set(try decodeStrings(value, pending, what: "aliases"))
            case .mentionsByArticle:
                counts = try decodeCounts(value, pending)
            case .free(let attribute): attributes[attribute] = value
            case .derived, .relation, .mentions, .evidence, .tag: continue
            }
        }
        for (attribute, value) in passedOver where attributes[attribute] == nil { attributes[attribute] = value }
        let resolvedKind = kind.map { EntityKind(rawValue: $0.value) ?? EntityKind(lenient: $0.value) } ?? .other
        let id = EntityID(rawValue: entityID ?? nodeID)
        guard graph[id] == nil else {
            throw located(pending, "node \"\(nodeID)\" repeats entity \"\(id.rawValue)\"")
        }
        nodes[nodeID] = id
        graph.add(Entity(
            id: id, name: name?.value ?? nodeID, kind: resolvedKind, aliases: aliases, attributes: attributes,
            mentionsByArticle: counts))
    }

    mutating func finishEdge(_ pending: Pending) throws {
        guard let source = pending.source, let target = pending.target else {
            throw located(pending, "an <edge> lacks a source or a target")
        }
        var type: Candidate?
        var tag: String?
        var mentions: Set<RelationMention> = []
        var evidence: Set<Evidence> = []
        var attributes: [String: String] = [:]
        var passedOver: [(String, String)] = []
        for (index, value) in pending.values {
            let key = keys[index]
            switch key.edgeRole {
            case .relation(let rank): offer(Candidate(rank: rank, value: value, key: index), to: &type, &passedOver)
            case .mentions: mentions = try decodeMentions(value, pending)
            case .evidence: evidence = try decodeEvidence(value, pending)
            case .tag: tag = value
            case .free(let attribute): attributes[attribute] = value
            case .derived, .name, .entity, .kind, .aliases, .mentionsByArticle: continue
            }
        }
        for (attribute, value) in passedOver where attributes[attribute] == nil { attributes[attribute] = value }
        let relationType = type.map { RelationType(rawValue: $0.value) } ?? .related
        // Foreign files may hold parallel edges of one type; their ids keep them apart.
        let resolvedTag = isKGraph ? (tag ?? "") : (pending.id ?? "e\(edges.count)")
        edges.append(ReadEdge(
            source: source, target: target, type: relationType, tag: resolvedTag, mentions: mentions,
            evidence: evidence, attributes: attributes, line: pending.line, column: pending.column))
    }

    /// A value that may become the name, kind or type, from the key at `key`.
    struct Candidate {
        var rank: Int
        var value: String
        var key: Int
    }

    /// Keeps the better-ranked candidate; the other stays a free attribute
    /// (`name` when `label` gave the name), unless it is yEd's graphics markup.
    func offer(_ candidate: Candidate, to best: inout Candidate?, _ passedOver: inout [(String, String)]) {
        guard let current = best else {
            best = candidate
            return
        }
        let loser: Candidate
        if candidate.rank < current.rank {
            best = candidate
            loser = current
        } else {
            loser = candidate
        }
        let key = keys[loser.key]
        if key.yfilesType == nil { passedOver.append((key.name ?? key.id, loser.value)) }
    }

    mutating func resolveEdges() throws {
        graph.reserveCapacity(entities: nodes.count, relations: edges.count)
        for edge in edges {
            guard let source = nodes[edge.source] else {
                throw GraphMLError(file: reader.source, line: edge.line, column: edge.column,
                                   message: "edge source \"\(edge.source)\" is not a node of the graph")
            }
            guard let target = nodes[edge.target] else {
                throw GraphMLError(file: reader.source, line: edge.line, column: edge.column,
                                   message: "edge target \"\(edge.target)\" is not a node of the graph")
            }
            graph.add(Relation(
                key: RelationKey(source: source, type: edge.type, target: target, tag: edge.tag),
                mentions: edge.mentions, evidence: edge.evidence, attributes: edge.attributes))
        }
        edges = []
    }

    func located(_ pending: Pending, _ message: String) -> GraphMLError {
        GraphMLError(file: reader.source, line: pending.line, column: pending.column, message: message)
    }

    // MARK: kgraph's JSON attributes

    func decodeStrings(_ text: String, _ pending: Pending, what: String) throws -> [String] {
        try KGraphData.strings(text, what) { located(pending, $0) }
    }

    func decodeCounts(_ text: String, _ pending: Pending) throws -> [String: Int] {
        try KGraphData.counts(text, "mentions_by_article") { located(pending, $0) }
    }

    func decodeMentions(_ text: String, _ pending: Pending) throws -> Set<RelationMention> {
        try KGraphData.mentions(text, "mentions") { located(pending, $0) }
    }

    func decodeEvidence(_ text: String, _ pending: Pending) throws -> Set<Evidence> {
        try KGraphData.evidence(text, "evidence") { located(pending, $0) }
    }
}
