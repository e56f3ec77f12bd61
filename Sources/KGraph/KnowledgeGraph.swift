/// The graph kgraph builds: entities as nodes, typed relations as edges.
///
/// A value type. It is a multigraph in the sense that different relation
/// types between the same two entities are separate edges, while repeated
/// statements of the same (source, type, target) aggregate into one edge.
/// Iteration (`sortedEntities`, `sortedRelations`) is in identifier order,
/// so the same graph always serialises to the same bytes.
public struct KnowledgeGraph: Hashable, Sendable {
    public private(set) var entities: [EntityID: Entity] = [:]
    public private(set) var relations: [RelationKey: Relation] = [:]

    public init() {}

    public init(entities: some Sequence<Entity>, relations: some Sequence<Relation> = [Relation]()) {
        for entity in entities { add(entity) }
        for relation in relations { add(relation) }
    }

    public var isEmpty: Bool { entities.isEmpty }

    /// Makes room for at least this many entities and relations, so that
    /// adding them does not regrow and rehash the tables.
    ///
    /// Readers that know a file's size call it before adding what they read.
    public mutating func reserveCapacity(entities entityCount: Int, relations relationCount: Int) {
        entities.reserveCapacity(entityCount)
        relations.reserveCapacity(relationCount)
    }

    /// Entities in identifier order.
    public var sortedEntities: [Entity] { entities.keys.sorted().map { entities[$0]! } }
    /// Relations in (source, type, target) order.
    public var sortedRelations: [Relation] { relations.keys.sorted().map { relations[$0]! } }

    public subscript(id: EntityID) -> Entity? { entities[id] }
    public subscript(key: RelationKey) -> Relation? { relations[key] }

    /// Adds an entity, merging it into an existing one with the same id.
    public mutating func add(_ entity: Entity) {
        if entities[entity.id] != nil {
            entities[entity.id]!.merge(entity)
        } else {
            var copy = entity
            copy.aliases.remove(copy.name)
            entities[entity.id] = copy
        }
    }

    /// Adds a relation, merging it into an existing edge with the same key.
    ///
    /// Both ends must already be entities of the graph.
    public mutating func add(_ relation: Relation) {
        precondition(entities[relation.source] != nil && entities[relation.target] != nil,
                     "relation \(relation.key) refers to an entity that is not in the graph")
        if relations[relation.key] != nil {
            relations[relation.key]!.merge(relation)
        } else {
            relations[relation.key] = relation
        }
    }

    /// Merges another graph into this one.
    ///
    /// Commutative, associative and idempotent: any order of merges over the
    /// same graphs gives the same graph, and merging a graph with itself
    /// changes nothing.
    public mutating func merge(_ other: KnowledgeGraph) {
        for entity in other.entities.values { add(entity) }
        for relation in other.relations.values { add(relation) }
    }

    public func merging(_ other: KnowledgeGraph) -> KnowledgeGraph {
        var copy = self
        copy.merge(other)
        return copy
    }

    /// Replaces an edge wholesale; an edge left with no mentions is removed.
    public mutating func replace(_ relation: Relation) {
        relations[relation.key] = relation.mentions.isEmpty ? nil : relation
    }

    /// Replaces an entity wholesale, keeping its relations.
    public mutating func replace(_ entity: Entity) {
        entities[entity.id] = entity
    }

    /// Removes an entity and every relation that touches it.
    public mutating func removeEntity(_ id: EntityID) {
        entities[id] = nil
        relations = relations.filter { $0.key.source != id && $0.key.target != id }
    }

    /// Keeps the relations `isIncluded` accepts.
    public mutating func filterRelations(_ isIncluded: (Relation) throws -> Bool) rethrows {
        relations = try relations.filter { try isIncluded($0.value) }
    }

    /// Keeps the entities `isIncluded` accepts, and the relations between them.
    public mutating func filterEntities(_ isIncluded: (Entity) throws -> Bool) rethrows {
        entities = try entities.filter { try isIncluded($0.value) }
        relations = relations.filter { entities[$0.key.source] != nil && entities[$0.key.target] != nil }
    }

    /// Drops entities that no relation touches.
    public mutating func removeIsolatedEntities() {
        var touched = Set<EntityID>()
        for key in relations.keys {
            touched.insert(key.source)
            touched.insert(key.target)
        }
        entities = entities.filter { touched.contains($0.key) }
    }

    /// The number of distinct neighbours of each entity, over relations in both directions.
    public var degrees: [EntityID: Int] {
        var neighbours: [EntityID: Set<EntityID>] = [:]
        for key in relations.keys where key.source != key.target {
            neighbours[key.source, default: []].insert(key.target)
            neighbours[key.target, default: []].insert(key.source)
        }
        return neighbours.mapValues(\.count)
    }
}
