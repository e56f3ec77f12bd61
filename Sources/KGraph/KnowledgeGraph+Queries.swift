extension KnowledgeGraph {
    /// Finds an entity by id, canonical name or alias, ignoring case.
    ///
    /// - Returns: the match, preferring an exact id, then a canonical name,
    ///   then an alias; ties go to the entity with the most mentions.
    public func lookup(_ query: String) -> Entity? {
        if let exact = entities[EntityID(rawValue: query)] { return exact }
        let folded = query.lowercased()
        let byName = entities.values.filter { $0.name.lowercased() == folded }
        if let best = byName.max(by: Self.lessProminent) { return best }
        let byAlias = entities.values.filter { $0.aliases.contains { $0.lowercased() == folded } }
        return byAlias.max(by: Self.lessProminent)
    }

    private static func lessProminent(_ lhs: Entity, _ rhs: Entity) -> Bool {
        (lhs.mentions, rhs.id) < (rhs.mentions, lhs.id)
    }

    /// Undirected adjacency: for each entity, the relations that touch it, in key order.
    func adjacency() -> [EntityID: [Relation]] {
        var result: [EntityID: [Relation]] = [:]
        for relation in sortedRelations {
            result[relation.source, default: []].append(relation)
            if relation.target != relation.source {
                result[relation.target, default: []].append(relation)
            }
        }
        return result
    }

    /// The subgraph of entities within `depth` relations of `center`, in either direction.
    ///
    /// - Complexity: O(V + E), breadth-first search.
    public func neighbourhood(of center: EntityID, depth: Int) -> KnowledgeGraph {
        guard entities[center] != nil else { return KnowledgeGraph() }
        let adjacent = adjacency()
        var distance: [EntityID: Int] = [center: 0]
        var frontier = [center]
        while let level = frontier.first.map({ distance[$0]! }), level < depth {
            var next: [EntityID] = []
            for id in frontier {
                for relation in adjacent[id] ?? [] {
                    let other = relation.source == id ? relation.target : relation.source
                    if distance[other] == nil {
                        distance[other] = level + 1
                        next.append(other)
                    }
                }
            }
            frontier = next
        }
        var result = self
        result.filterEntities { distance[$0.id] != nil }
        return result
    }

    /// The shortest chain of relations between two entities, ignoring direction.
    ///
    /// Breadth-first search over neighbours in identifier order, so ties
    /// between equally short paths always resolve the same way.
    ///
    /// - Returns: the relations along the path, or `nil` when the two are not connected.
    /// - Complexity: O(V + E).
    public func shortestPath(from start: EntityID, to goal: EntityID) -> [Relation]? {
        guard entities[start] != nil, entities[goal] != nil else { return nil }
        if start == goal { return [] }
        let adjacent = adjacency()
        var cameBy: [EntityID: Relation] = [:]
        var seen: Set<EntityID> = [start]
        var frontier = [start]
        while !frontier.isEmpty {
            var next: [EntityID] = []
            for id in frontier {
                for relation in adjacent[id] ?? [] {
                    let other = relation.source == id ? relation.target : relation.source
                    guard seen.insert(other).inserted else { continue }
                    cameBy[other] = relation
                    if other == goal {
                        var path: [Relation] = []
                        var cursor = goal
                        while cursor != start, let step = cameBy[cursor] {
                            path.append(step)
                            cursor = step.source == cursor ? step.target : step.source
                        }
                        return path.reversed()
                    }
                    next.append(other)
                }
            }
            frontier = next
        }
        return nil
    }
}
