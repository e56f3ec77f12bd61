import KGraph

/// One place an article names an entity, as `kgraph extract` reports it.
public struct MentionRecord: Sendable, Hashable {
    public var entity: EntityID
    /// Exactly `text[start..<end]` of the article, in code points.
    public var text: String
    public var start: Int
    public var end: Int
    public var kind: EntityKind
    public var form: MentionForm
}

/// One relation an article states, with its evidence.
public struct RelationRecord: Sendable, Hashable {
    public var source: EntityID
    public var target: EntityID
    public var type: RelationType
    public var evidence: Evidence
}

/// Everything kgraph found in one article.
public struct ArticleExtraction: Sendable {
    public var article: Article
    /// Entities in identifier order, each with this article's mention count.
    public var entities: [Entity]
    /// Mentions in text order.
    public var mentions: [MentionRecord]
    /// Relations in text order.
    public var relations: [RelationRecord]

    /// The article's own graph: its entities and relations.
    public var graph: KnowledgeGraph {
        var graph = KnowledgeGraph(entities: entities)
        for relation in relations {
            graph.add(Relation(
                key: RelationKey(source: relation.source, type: relation.type, target: relation.target),
                evidence: [relation.evidence]))
        }
        return graph
    }
}
