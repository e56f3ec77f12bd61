import KGraph

// BEGIN FuzzGraph — kept identical in Tests/KGraphFormatsTests/FuzzRegressionTests.swift
// (Scripts/fuzz.sh refuses to run when the two copies differ).
/// Decodes a graph from fuzz bytes, so that every input is some graph.
///
/// The input is split at NUL bytes into fields. A field's first byte is an
/// operation (low 3 bits) and a parameter (the rest); the remaining bytes,
/// as lossy UTF-8, are its text: names with quotes, backslashes, line breaks,
/// control characters and any Unicode come straight from the input.
enum FuzzGraph {
    struct Decoded {
        var graph: KnowledgeGraph
        var name: String
    }

    static func decode(_ input: [UInt8]) -> Decoded {
        var entities: [Entity] = []
        var relations: [Relation] = []
        var name = "kgraph"
        for field in input.split(separator: 0, omittingEmptySubsequences: true) {
            let operation = field[field.startIndex]
            let parameter = Int(operation >> 3)
            let rest = field.dropFirst()
            let text = String(decoding: rest, as: UTF8.self)
            let kind = EntityKind.allCases[parameter % EntityKind.allCases.count]
            switch operation & 7 {
            case 0:  // an entity whose id is made from its name
                entities.append(Entity(name: text, kind: kind))
            case 1:  // an entity whose id is the text itself, as foreign GraphML gives
                entities.append(Entity(id: EntityID(rawValue: text), name: text, kind: kind))
            case 2:  // an edge: two bytes pick its ends, the rest is its type
                guard !entities.isEmpty, rest.count >= 2 else { continue }
                let source = entities[Int(rest[rest.startIndex]) % entities.count].id
                let target = entities[Int(rest[rest.startIndex + 1]) % entities.count].id
                let type = RelationType(rawValue: String(decoding: rest.dropFirst(2), as: UTF8.self))
                relations.append(Relation(key: RelationKey(
                    source: source, type: type, target: target, tag: String(relations.count))))
            case 3:  // an alias of the last entity
                guard !entities.isEmpty else { continue }
                entities[entities.count - 1].aliases.insert(text)
            case 4:  // a huge name for the last entity: its text repeated to up to 1 MiB
                guard !entities.isEmpty, !rest.isEmpty else { continue }
                let bytes = min(1 << 20, (parameter + 1) * 32 * 1024)
                entities[entities.count - 1].name = String(repeating: text, count: bytes / rest.count + 1)
            case 5:  // a mention of the last edge; the parameter's bits make it hedged or negated
                guard !relations.isEmpty else { continue }
                relations[relations.count - 1].mentions.insert(RelationMention(
                    article: text, date: nil, start: parameter, end: parameter + 1,
                    hedged: parameter & 1 != 0, negated: parameter & 2 != 0))
            case 6:  // an attribute `key=value` of the last entity
                guard !entities.isEmpty else { continue }
                let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                entities[entities.count - 1].attributes[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
            default:  // the graph's name
                name = text
            }
        }
        var graph = KnowledgeGraph()
        for entity in entities { graph.add(entity) }
        for relation in relations { graph.add(relation) }
        return Decoded(graph: graph, name: name)
    }
}
// END FuzzGraph
