/// The filters people ask for when they look at a graph.
///
/// Applied in the order of the fields: relation filters first, then entity
/// kinds, then the neighbourhood; isolated entities are dropped at the end
/// when any relation filter removed edges.
public struct GraphFilter: Sendable, Equatable {
    /// Keep edges stated at least this many times.
    public var minimumWeight: Int = 1
    /// Keep only these relation types (all when empty).
    public var relationTypes: Set<RelationType> = []
    /// Keep only entities of these kinds (all when empty).
    public var kinds: Set<EntityKind> = []
    /// Keep mentions dated on or after this day (`yyyy-mm-dd`).
    public var since: String?
    /// Keep mentions dated on or before this day (`yyyy-mm-dd`).
    public var until: String?
    /// Keep the neighbourhood of this entity (an id, name or alias).
    public var around: String?
    public var depth: Int = 1

    public init() {}

    public var isIdentity: Bool { self == GraphFilter() }

    /// - Throws: `GraphFilter.Error.unknownEntity` when `around` names nothing in the graph.
    public func apply(to graph: KnowledgeGraph) throws -> KnowledgeGraph {
        if isIdentity { return graph }
        var result = graph
        if since != nil || until != nil {
            for relation in result.relations.values {
                var trimmed = relation
                trimmed.mentions = relation.mentions.filter(inDateRange)
                trimmed.evidence = relation.evidence.filter { inDateRange($0.mention) }
                result.replace(trimmed)
            }
        }
        result.filterRelations { relation in
            relation.weight >= max(1, minimumWeight)
                && (relationTypes.isEmpty || relationTypes.contains(relation.type))
        }
        if !kinds.isEmpty { result.filterEntities { kinds.contains($0.kind) } }
        if let around {
            guard let center = result.lookup(around) ?? graph.lookup(around).flatMap({ result[$0.id] }) else {
                throw Error.unknownEntity(around)
            }
            result = result.neighbourhood(of: center.id, depth: depth)
        }
        if minimumWeight > 1 || !relationTypes.isEmpty || since != nil || until != nil {
            result.removeIsolatedEntities()
        }
        return result
    }

    private func inDateRange(_ mention: RelationMention) -> Bool {
        guard let date = mention.date else { return since == nil && until == nil }
        if let since, date < since { return false }
        if let until, date > until { return false }
        return true
    }

    public enum Error: Swift.Error, CustomStringConvertible, Equatable {
        case unknownEntity(String)
        public var description: String {
            switch self {
            case .unknownEntity(let name): "no entity named \"\(name)\" in the graph"
            }
        }
    }
}
