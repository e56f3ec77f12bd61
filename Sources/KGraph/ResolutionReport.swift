/// Which surface forms went to which entity, and the cases a person should look at.
///
/// kgraph merges names across articles only when they resolve to the same
/// identifier (the lexicon's canonical name, or the same full name). It never
/// merges on a surname alone, because "Brown" may be Gordon or Nick; this
/// report lists those near-misses so a reader can add a lexicon entry.
public struct ResolutionReport: Sendable {
    /// A pair of entities that may be one, or one surface form given to several.
    public struct Doubt: Sendable, Hashable {
        public var message: String
    }

    public let graph: KnowledgeGraph

    public init(graph: KnowledgeGraph) {
        self.graph = graph
    }

    /// Doubtful cases, in a stable order.
    public var doubts: [Doubt] {
        var result: [Doubt] = []
        let people = graph.sortedEntities.filter { $0.kind == .person }
        var byPart: [String: [Entity]] = [:]
        for person in people {
            let parts = person.name.split(separator: " ").map(String.init)
            guard parts.count > 1 else { continue }
            for part in Set([parts.first!, parts.last!]) { byPart[part, default: []].append(person) }
        }
        for person in people where !person.name.contains(" ") {
            if let candidates = byPart[person.name], !candidates.isEmpty {
                let names = candidates.map { "\"\($0.name)\" (\($0.id))" }.joined(separator: ", ")
                result.append(Doubt(message: "\"\(person.name)\" (\(person.id), \(person.mentions) mentions) may be \(names); not merged on a single name"))
            }
        }
        var bySurname: [String: [Entity]] = [:]
        for person in people {
            let parts = person.name.split(separator: " ")
            if parts.count > 1 { bySurname[String(parts.last!), default: []].append(person) }
        }
        for (surname, group) in bySurname.sorted(by: { $0.key < $1.key }) where group.count > 1 {
            result.append(Doubt(message: "\(group.map { "\"\($0.name)\"" }.joined(separator: ", ")) share the surname \"\(surname)\"; kept apart"))
        }
        var owners: [String: [Entity]] = [:]
        for entity in graph.sortedEntities {
            for form in Set([entity.name] + Array(entity.aliases)) { owners[form, default: []].append(entity) }
        }
        for (form, group) in owners.sorted(by: { $0.key < $1.key }) where group.count > 1 {
            result.append(Doubt(message: "the form \"\(form)\" went to \(group.map { "\($0.id)" }.joined(separator: ", "))"))
        }
        return result
    }

    /// The report as plain text: one block per entity, then the doubtful cases.
    public var text: String {
        var lines: [String] = ["# kgraph entity resolution report", "# entity\tkind\tid\tmentions\tarticles\tforms"]
        let entities = graph.sortedEntities.sorted { ($1.mentions, $0.id) < ($0.mentions, $1.id) }
        for entity in entities {
            lines.append([entity.name, entity.kind.rawValue, entity.id.rawValue, String(entity.mentions),
                          String(entity.articleCount), entity.sortedAliases.joined(separator: " | ")].joined(separator: "\t"))
        }
        lines.append("")
        lines.append("# doubtful cases")
        lines.append(contentsOf: doubts.map(\.message))
        return lines.joined(separator: "\n") + "\n"
    }
}
