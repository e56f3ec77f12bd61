import Foundation
import KGraph
import KGraphXML

/// Writes a `KnowledgeGraph` as GraphML that Gephi, Cytoscape, networkx,
/// igraph and yEd open without a warning, and that `GraphMLReader` reads back
/// to the same graph.
///
/// The document streams through libxml2's text writer straight to the file,
/// so no copy of it is held in memory. It declares typed keys for nodes and
/// edges only (Gephi rejects graph-level keys), gives nodes the ids `n0`,
/// `n1`, ... and edges `e0`, `e1`, ... in `sortedEntities`/`sortedRelations`
/// order, and writes the same bytes for the same graph every time.
///
/// Node data: `label` (the name), `entity` (the `EntityID`), `kind`,
/// `aliases` (a JSON array), `mentions`, `articles`, `mentions_by_article`
/// (a JSON object), then each free attribute under its own name. Edge data:
/// `label` and `relation` (the type), `weight`, `articles`, `first_date`,
/// `last_date`, `hedged_share`, `negated_share`, `hedged`, `negated`,
/// `mentions` (every mention, as `[[article, date, start, end, flags]]` with
/// flags hedged = 1, negated = 2), `evidence` (a JSON array of `Evidence`
/// objects, at most `maxEvidence`), `tag` when the edge has one, then free
/// attributes. A free attribute whose name is taken, starts with `attr.`, or
/// is not an XML name token is written as `attr.` and an escaped form.
///
/// ```swift
/// try GraphMLWriter(maxEvidence: 5).write(graph, to: "graphs/seed.graphml")
/// ```
public struct GraphMLWriter: Sendable {
    /// The most evidence records written per edge (all when `nil`); mentions are always complete.
    public var maxEvidence: Int?
    /// Indent the document, one element per line.
    public var indent: Bool

    public init(maxEvidence: Int? = nil, indent: Bool = true) {
        self.maxEvidence = maxEvidence
        self.indent = indent
    }

    /// Writes `graph` to `path`, replacing the file atomically.
    ///
    /// - Parameters:
    ///   - graph: the graph to write.
    ///   - path: the destination; its folder must exist.
    /// - Throws: `XMLError` when writing fails, `ExportError` when the file
    ///   cannot be moved into place. An existing file is then left as it was.
    /// - Complexity: O(V log V + E log E) for the ordering, then linear in the output.
    public func write(_ graph: KnowledgeGraph, to path: String) throws {
        try AtomicFile.write(to: path) { temporary in
            let writer = try XMLWriter(path: temporary, indent: indent)
            try stream(graph, to: writer)
        }
    }

    /// The GraphML document for `graph`, built in memory.
    ///
    /// - Throws: `XMLError` when libxml2 fails.
    public func data(for graph: KnowledgeGraph) throws -> Data {
        let writer = try XMLWriter(indent: indent)
        try stream(graph, to: writer)
        return writer.data
    }

    /// Writes `graph` to `path` (see `write(_:to:)`).
    public static func write(_ graph: KnowledgeGraph, to path: String, maxEvidence: Int? = nil) throws {
        try GraphMLWriter(maxEvidence: maxEvidence).write(graph, to: path)
    }

    /// The GraphML document for `graph` as a string.
    public static func string(for graph: KnowledgeGraph, maxEvidence: Int? = nil) throws -> String {
        String(decoding: try GraphMLWriter(maxEvidence: maxEvidence).data(for: graph), as: UTF8.self)
    }

    // MARK: Streaming

    private func stream(_ graph: KnowledgeGraph, to writer: XMLWriter) throws {
        let entities = graph.sortedEntities
        var rank: [EntityID: Int] = [:]
        rank.reserveCapacity(entities.count)
        for (index, entity) in entities.enumerated() { rank[entity.id] = index }
        let (relations, endpoints) = Self.sortedRelations(of: graph, rank: rank)
        let nodeAttributes = Self.attributeKeys(
            names: entities.lazy.flatMap(\.attributes.keys), prefix: GraphMLSchema.nodeAttributePrefix,
            reserved: GraphMLSchema.reservedNodeNames)
        let edgeAttributes = Self.attributeKeys(
            names: relations.lazy.flatMap(\.attributes.keys), prefix: GraphMLSchema.edgeAttributePrefix,
            reserved: GraphMLSchema.reservedEdgeNames)

        try writer.startDocument()
        try writer.startElement("graphml")
        try writer.attribute("xmlns", GraphMLSchema.namespace)
        try writer.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        try writer.attribute("xsi:schemaLocation", GraphMLSchema.schemaLocation)
        for key in GraphMLSchema.nodeKeys { try declare(key, for: "node", writer) }
        for key in nodeAttributes.keys { try declare(key, for: "node", writer) }
        for key in GraphMLSchema.edgeKeys { try declare(key, for: "edge", writer) }
        for key in edgeAttributes.keys { try declare(key, for: "edge", writer) }

        try writer.startElement("graph")
        try writer.attribute("id", "G")
        try writer.attribute("edgedefault", "directed")

        for (index, entity) in entities.enumerated() {
            try writer.startElement("node")
            try writer.attribute("id", "n\(index)")
            try data(GraphMLSchema.nodeLabel, entity.name, writer)
            try data(GraphMLSchema.nodeEntity, entity.id.rawValue, writer)
            try data(GraphMLSchema.nodeKind, entity.kind.rawValue, writer)
            if !entity.aliases.isEmpty {
                try data(GraphMLSchema.nodeAliases, CompactJSON.array(entity.aliases.sorted()), writer)
            }
            try data(GraphMLSchema.nodeMentions, String(entity.mentions), writer)
            try data(GraphMLSchema.nodeArticles, String(entity.articleCount), writer)
            if !entity.mentionsByArticle.isEmpty {
                try data(GraphMLSchema.nodeMentionsByArticle, CompactJSON.counts(entity.mentionsByArticle), writer)
            }
            try attributes(entity.attributes, nodeAttributes, writer)
            try writer.endElement()
        }

        for index in relations.indices {
            let relation = relations[index].cappingEvidence(maxEvidence)
            let mentions = relation.sortedMentions
            let summary = Summary(mentions)
            try writer.startElement("edge")
            try writer.attribute("id", "e\(index)")
            try writer.attribute("source", "n\(endpoints[index].source)")
            try writer.attribute("target", "n\(endpoints[index].target)")
            try data(GraphMLSchema.edgeLabel, relation.type.rawValue, writer)
            try data(GraphMLSchema.edgeRelation, relation.type.rawValue, writer)
            try data(GraphMLSchema.edgeWeight, String(mentions.count), writer)
            try data(GraphMLSchema.edgeArticles, String(summary.articles), writer)
            if let first = summary.firstDate { try data(GraphMLSchema.edgeFirstDate, first, writer) }
            if let last = summary.lastDate { try data(GraphMLSchema.edgeLastDate, last, writer) }
            try data(GraphMLSchema.edgeHedgedShare, Self.format(summary.share(summary.hedged)), writer)
            try data(GraphMLSchema.edgeNegatedShare, Self.format(summary.share(summary.negated)), writer)
            try data(GraphMLSchema.edgeHedged, relation.isHedged ? "true" : "false", writer)
            try data(GraphMLSchema.edgeNegated, relation.isNegated ? "true" : "false", writer)
            try data(GraphMLSchema.edgeMentions, CompactJSON.mentions(mentions), writer)
            if !relation.evidence.isEmpty {
                try data(GraphMLSchema.edgeEvidence, CompactJSON.evidence(relation.sortedEvidence), writer)
            }
            if !relation.key.tag.isEmpty { try data(GraphMLSchema.edgeTag, relation.key.tag, writer) }
            try attributes(relation.attributes, edgeAttributes, writer)
            try writer.endElement()
        }
        try writer.endElement()  // graph
        try writer.endElement()  // graphml
        try writer.finish()
    }

    /// The relations in `sortedRelations` order, sorted on integer ranks.
    ///
    /// Ranking the entities, types and tags once and sorting tuples of
    /// integers gives the same order as comparing `RelationKey`s, whose
    /// string comparisons dominate the time of a large export.
    private static func sortedRelations(
        of graph: KnowledgeGraph, rank: [EntityID: Int]
    ) -> (relations: [Relation], endpoints: [(source: Int, target: Int)]) {
        let types = Set(graph.relations.keys.map(\.type)).sorted()
        let typeRank = Dictionary(uniqueKeysWithValues: types.enumerated().map { ($1, $0) })
        let tags = Set(graph.relations.keys.map(\.tag)).sorted()
        let tagRank = Dictionary(uniqueKeysWithValues: tags.enumerated().map { ($1, $0) })
        let relations = Array(graph.relations.values)
        var order = relations.indices.map { index in
            let key = relations[index].key
            return (rank[key.source]!, typeRank[key.type]!, rank[key.target]!, tagRank[key.tag]!, index)
        }
        order.sort { $0 < $1 }
        // The node numbers of each edge's ends come with the order, so the writer does not
        // look the ids up again.
        return (order.map { relations[$0.4] }, order.map { ($0.0, $0.2) })
    }

    /// Free attribute names in order, each with its key.
    private struct AttributeKeys {
        var keys: [GraphMLSchema.Key] = []
        var byName: [String: String] = [:]
    }

    private static func attributeKeys(
        names: some Sequence<String>, prefix: String, reserved: Set<String>
    ) -> AttributeKeys {
        var result = AttributeKeys()
        for (index, name) in Set(names).sorted().enumerated() {
            let key = GraphMLSchema.Key(
                id: prefix + String(index), name: GraphMLSchema.encodeAttributeName(name, reserved: reserved),
                type: "string")
            result.keys.append(key)
            result.byName[name] = key.id
        }
        return result
    }

    private func declare(_ key: GraphMLSchema.Key, for domain: String, _ writer: XMLWriter) throws {
        try writer.startElement("key")
        try writer.attribute("id", key.id)
        try writer.attribute("for", domain)
        try writer.attribute("attr.name", key.name)
        try writer.attribute("attr.type", key.type)
        try writer.endElement()
    }

    private func data(_ key: GraphMLSchema.Key, _ value: String, _ writer: XMLWriter) throws {
        try data(key.id, value, writer)
    }

    private func data(_ keyID: String, _ value: String, _ writer: XMLWriter) throws {
        try writer.startElement("data")
        try writer.attribute("key", keyID)
        try writer.text(value)
        try writer.endElement()
    }

    private func attributes(_ attributes: [String: String], _ keys: AttributeKeys, _ writer: XMLWriter) throws {
        guard !attributes.isEmpty else { return }
        for name in attributes.keys.sorted() {
            try data(keys.byName[name]!, attributes[name]!, writer)
        }
    }

    /// Shortest round-trip text, the same on every platform.
    static func format(_ value: Double) -> String { value.description }

    /// The aggregates of an edge in one pass over its mentions.
    private struct Summary {
        var count = 0
        var hedged = 0
        var negated = 0
        var articles = 0
        var firstDate: String?
        var lastDate: String?

        init(_ mentions: [RelationMention]) {
            count = mentions.count
            var seen = Set<String>()
            for mention in mentions {
                if mention.hedged { hedged += 1 }
                if mention.negated { negated += 1 }
                seen.insert(mention.article)
                if let date = mention.date {
                    if firstDate.map({ date < $0 }) ?? true { firstDate = date }
                    if lastDate.map({ date > $0 }) ?? true { lastDate = date }
                }
            }
            articles = seen.count
        }

        func share(_ part: Int) -> Double { count == 0 ? 0 : Double(part) / Double(count) }
    }
}
