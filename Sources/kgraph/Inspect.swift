import ArgumentParser
import Foundation
import KGraph
import KGraphExtract
import KGraphFormats

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Answer questions about a graph: counts, hubs, an entity's relations, a path.",
        discussion: """
              kgraph inspect graphs/examples.graphml
              kgraph inspect graphs/examples.graphml --entity "North Korea"
              kgraph inspect graphs/examples.graphml --path "Kim Jong Un" "South Ossetia"
              kgraph inspect graphs/examples.graphml --top 5 --json
            """
    )

    @Argument(help: ArgumentHelp("A GraphML file.", valueName: "graph"))
    var input: String

    @Option(name: .long, help: ArgumentHelp("Show this entity's relations with their evidence.", valueName: "name"))
    var entity: String?

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Show the shortest chain between two entities.", valueName: "from to"))
    var path: [String] = []

    @Option(name: .long, help: ArgumentHelp("How many of the most connected entities to list.", valueName: "n"))
    var top: Int = 10

    @Flag(name: .long, help: "Print JSON for scripts instead of tables.")
    var json = false

    func validate() throws {
        if !path.isEmpty && path.count != 2 { throw ValidationError("--path takes two entities: --path \"A\" \"B\"") }
        if top < 0 { throw ValidationError("--top must be 0 or more") }
    }

    func run() throws {
        let graph: KnowledgeGraph
        do { graph = try GraphMLReader().read(from: input) } catch {
            Terminal.error("\(error)")
            throw Exit.failure
        }
        let report = GraphInspection(graph: graph)
        var output = ""
        if let entity {
            guard let found = graph.lookup(entity) else {
                Terminal.error("\(input): no entity named \"\(entity)\"")
                throw Exit.failure
            }
            output = json ? report.entityJSON(found) : report.entityTable(found)
        } else if path.count == 2 {
            guard let from = graph.lookup(path[0]), let to = graph.lookup(path[1]) else {
                Terminal.error("\(input): no entity named \"\(graph.lookup(path[0]) == nil ? path[0] : path[1])\"")
                throw Exit.failure
            }
            guard let steps = graph.shortestPath(from: from.id, to: to.id) else {
                Terminal.error("\(input): \"\(from.name)\" and \"\(to.name)\" are not connected")
                throw Exit.failure
            }
            output = json ? report.pathJSON(from: from, steps: steps) : report.pathTable(from: from, steps: steps)
        } else {
            output = json ? report.summaryJSON(top: top) : report.summaryTable(top: top)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}

/// The text and JSON views of `kgraph inspect`.
struct GraphInspection {
    let graph: KnowledgeGraph

    func name(_ id: EntityID) -> String { graph[id]?.name ?? id.rawValue }

    func hubs(_ count: Int) -> [(Entity, Int)] {
        graph.degrees.compactMap { id, degree in graph[id].map { ($0, degree) } }
            .sorted { ($1.1, $1.0.mentions, $0.0.id) < ($0.1, $0.0.mentions, $1.0.id) }
            .prefix(count).map { $0 }
    }

    func summaryTable(top: Int) -> String {
        var lines = ["\(graph.entities.count) entities, \(graph.relations.count) relations", ""]
        lines.append(Table(header: ["kind", "entities"], rows: countKinds().map { [$0.0, String($0.1)] }).rendered)
        lines.append(Table(header: ["relation", "edges", "mentions"], rows: countRelations().map { [$0.0, String($0.1), String($0.2)] }).rendered)
        lines.append("most connected")
        lines.append(Table(header: ["entity", "kind", "neighbours", "mentions"], rows: hubs(top).map {
            [$0.0.name, $0.0.kind.rawValue, String($0.1), String($0.0.mentions)]
        }).rendered)
        return lines.joined(separator: "\n")
    }

    func countKinds() -> [(String, Int)] {
        Dictionary(grouping: graph.entities.values, by: \.kind.rawValue).map { ($0.key, $0.value.count) }.sorted { $0.0 < $1.0 }
    }

    func countRelations() -> [(String, Int, Int)] {
        Dictionary(grouping: graph.relations.values, by: \.type.rawValue)
            .map { ($0.key, $0.value.count, $0.value.map(\.weight).reduce(0, +)) }.sorted { $0.0 < $1.0 }
    }

    func summaryJSON(top: Int) -> String {
        var object = JSONText.Object()
        object["entities"] = .int(graph.entities.count)
        object["relations"] = .int(graph.relations.count)
        object["kinds"] = .array(countKinds().map { .array([.string($0.0), .int($0.1)]) })
        object["relation_types"] = .array(countRelations().map { .array([.string($0.0), .int($0.1), .int($0.2)]) })
        object["most_connected"] = .array(hubs(top).map { .array([.string($0.0.id.rawValue), .string($0.0.name), .int($0.1)]) })
        return object.serialized + "\n"
    }

    func relations(of entity: Entity) -> [Relation] {
        graph.sortedRelations.filter { $0.source == entity.id || $0.target == entity.id }
    }

    func describe(_ relation: Relation) -> String {
        var text = "\(name(relation.source)) —\(relation.type.rawValue)→ \(name(relation.target))"
        if relation.isNegated { text = "NOT " + text }
        var facts = ["\(relation.weight)×", "\(relation.articleCount) article\(relation.articleCount == 1 ? "" : "s")"]
        if let first = relation.firstDate, let last = relation.lastDate { facts.append(first == last ? first : "\(first)…\(last)") }
        if relation.hedgedShare > 0 { facts.append("hedged \(Int((relation.hedgedShare * 100).rounded()))%") }
        return text + "  (" + facts.joined(separator: ", ") + ")"
    }

    func evidenceLines(_ relation: Relation, limit: Int = 3) -> [String] {
        relation.sortedEvidence.prefix(limit).map { evidence in
            var flags: [String] = []
            if evidence.hedged { flags.append("hedged") }
            if evidence.negated { flags.append("negated") }
            if evidence.intended { flags.append("intended") }
            if let claimant = evidence.claimant { flags.append("per \(claimant)") }
            if let object = evidence.object { flags.append("object: \(object)") }
            let tag = ([evidence.date ?? "undated", evidence.article] + flags).joined(separator: "; ")
            return "    “\(evidence.sentence)” [\(tag)]"
        }
    }

    func entityTable(_ entity: Entity) -> String {
        var lines = ["\(entity.name) [\(entity.kind.rawValue)] \(entity.id) — \(entity.mentions) mentions in \(entity.articleCount) articles"]
        if !entity.sortedAliases.isEmpty { lines.append("also: " + entity.sortedAliases.joined(separator: ", ")) }
        let found = relations(of: entity)
        lines.append("")
        if found.isEmpty { lines.append("no relations") }
        for relation in found {
            lines.append(describe(relation))
            lines.append(contentsOf: evidenceLines(relation))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func relationJSON(_ relation: Relation) -> JSONText {
        var object = JSONText.Object()
        object["source"] = .string(relation.source.rawValue)
        object["relation"] = .string(relation.type.rawValue)
        object["target"] = .string(relation.target.rawValue)
        object["weight"] = .int(relation.weight)
        object["articles"] = .int(relation.articleCount)
        object["first_date"] = relation.firstDate.map(JSONText.string) ?? .null
        object["last_date"] = relation.lastDate.map(JSONText.string) ?? .null
        object["hedged_share"] = .double(relation.hedgedShare)
        object["negated"] = .bool(relation.isNegated)
        object["evidence"] = .array(relation.sortedEvidence.map { evidence in
            var item = JSONText.Object()
            item["article"] = .string(evidence.article)
            item["date"] = evidence.date.map(JSONText.string) ?? .null
            item["sentence"] = .string(evidence.sentence)
            item["trigger"] = .string(evidence.trigger)
            item["hedged"] = .bool(evidence.hedged)
            item["negated"] = .bool(evidence.negated)
            item["intended"] = .bool(evidence.intended)
            item["claimant"] = evidence.claimant.map(JSONText.string) ?? .null
            item["object"] = evidence.object.map(JSONText.string) ?? .null
            return .object(item)
        })
        return .object(object)
    }

    func entityJSON(_ entity: Entity) -> String {
        var object = JSONText.Object()
        object["id"] = .string(entity.id.rawValue)
        object["name"] = .string(entity.name)
        object["kind"] = .string(entity.kind.rawValue)
        object["aliases"] = .array(entity.sortedAliases.map(JSONText.string))
        object["mentions"] = .int(entity.mentions)
        object["articles"] = .int(entity.articleCount)
        object["relations"] = .array(relations(of: entity).map(relationJSON))
        return object.serialized + "\n"
    }

    func pathTable(from start: Entity, steps: [Relation]) -> String {
        var lines = ["\(steps.count) step\(steps.count == 1 ? "" : "s") from \(start.name)"]
        for step in steps {
            lines.append(describe(step))
            lines.append(contentsOf: evidenceLines(step, limit: 1))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func pathJSON(from start: Entity, steps: [Relation]) -> String {
        var object = JSONText.Object()
        object["from"] = .string(start.id.rawValue)
        object["steps"] = .array(steps.map(relationJSON))
        return object.serialized + "\n"
    }
}

/// A plain-text table with aligned columns.
struct Table {
    var header: [String]
    var rows: [[String]]

    var rendered: String {
        let widths = header.indices.map { column in
            ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line))
            .joined(separator: "\n") + "\n"
    }
}
