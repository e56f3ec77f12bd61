import Foundation
import Testing

/// `kgraph inspect` on the graph of `examples/`, as a person and a script see it.
@Suite("kgraph inspect")
struct InspectTests {
    @Test("counts by kind and relation type, and the most connected entities")
    func countsTable() throws {
        let graph = try Built.examplesGraph()
        let run = try CLI.run(["inspect", graph.path])
        #expect(run.status == 0, "\(run)")
        #expect(run.error.isEmpty)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = try #require(lines.first)
        #expect(first.range(of: #"^\d+ entities, \d+ relations$"#, options: .regularExpression) != nil, "\(first)")
        #expect(lines.contains { $0.hasPrefix("kind") && $0.hasSuffix("entities") })
        #expect(lines.contains { $0.hasPrefix("relation") && $0.contains("edges") && $0.contains("mentions") })
        #expect(lines.contains { $0.range(of: #"^country +\d+$"#, options: .regularExpression) != nil })
        #expect(lines.contains { $0.range(of: #"^supplies +\d+ +\d+$"#, options: .regularExpression) != nil })
        let hubs = try #require(lines.firstIndex(of: "most connected"))
        #expect(lines[hubs + 1].hasPrefix("entity") && lines[hubs + 1].contains("neighbours"))
        #expect(lines[hubs + 3].hasPrefix("North Korea "), "the most connected entity of the examples")
    }

    @Test("--top limits the most connected list")
    func top() throws {
        let run = try CLI.run(["inspect", try Built.examplesGraph().path, "--top", "2"])
        #expect(run.status == 0, "\(run)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let hubs = try #require(lines.firstIndex(of: "most connected"))
        #expect(lines.count - hubs - 3 == 2)
    }

    @Test("--entity lists the relations with their evidence sentences and dates")
    func entity() throws {
        let run = try CLI.run(["inspect", try Built.examplesGraph().path, "--entity", "North Korea"])
        #expect(run.status == 0, "\(run)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("North Korea [country] country:north-korea — ") == true, "\(run)")
        let relations = lines.filter { $0.contains("→ ") && !$0.hasPrefix("    ") }
        #expect(relations.count >= 5)
        #expect(relations.allSatisfy { $0.contains("North Korea") })
        #expect(relations.contains { $0.hasPrefix("North Korea —supplies→ Russia") })
        let evidence = lines.filter { $0.hasPrefix("    “") }
        #expect(evidence.count >= relations.count, "every relation shows at least one sentence")
        #expect(evidence.allSatisfy { $0.range(of: #"” \[(\d{4}-\d{2}-\d{2}|undated); "#, options: .regularExpression) != nil })
        #expect(evidence.contains { $0.contains("2024-02-07") && $0.contains("ballistic missiles") })
        // A relation line carries its dates too.
        #expect(relations.contains { $0.range(of: #"\(\d+×, \d+ articles?, 2024-\d{2}-\d{2}"#, options: .regularExpression) != nil })
    }

    @Test("--entity accepts an alias and says so when the name is unknown")
    func unknownEntity() throws {
        let graph = try Built.examplesGraph()
        let alias = try CLI.run(["inspect", graph.path, "--entity", "North Korean"])
        #expect(alias.status == 0, "\(alias)")
        #expect(alias.stdout.hasPrefix("North Korea [country]"))
        let missing = try CLI.run(["inspect", graph.path, "--entity", "Atlantis"])
        #expect(missing.status == 2, "\(missing)")
        #expect(missing.errorLines == ["kgraph: error: \(graph.path): no entity named \"Atlantis\""])
        #expect(missing.output.isEmpty)
    }

    @Test("--path prints the chain between two entities with a sentence behind each step")
    func path() throws {
        let run = try CLI.run(["inspect", try Built.examplesGraph().path, "--path", "Kim Jong Un", "South Ossetia"])
        #expect(run.status == 0, "\(run)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.first)
        let count = try #require(header.firstMatch(of: /^(\d+) steps? from Kim Jong Un$/)).1
        let steps = try #require(Int(count))
        #expect(steps >= 1)
        #expect(lines.count == 1 + 2 * steps, "one line and one sentence per step:\n\(run.stdout)")
        for index in 0..<steps {
            #expect(lines[1 + 2 * index].contains("→ "))
            #expect(lines[2 + 2 * index].hasPrefix("    “"))
        }
        #expect(lines[1].contains("Kim Jong Un"))
        #expect(lines[lines.count - 2].contains("South Ossetia"))
    }

    @Test("--path between entities that are not connected, or unknown, fails with exit 2")
    func pathErrors() throws {
        let graph = try Built.examplesGraph()
        let unknown = try CLI.run(["inspect", graph.path, "--path", "Kim Jong Un", "Atlantis"])
        #expect(unknown.status == 2)
        #expect(unknown.errorLines == ["kgraph: error: \(graph.path): no entity named \"Atlantis\""])
        let one = try CLI.run(["inspect", graph.path, "--path", "Kim Jong Un"])
        #expect(one.status == 64, "\(one)")
        #expect(one.error.contains("--path takes two entities"))
    }

    @Test("--json is valid JSON whose counts add up")
    func summaryJSON() throws {
        let run = try CLI.run(["inspect", try Built.examplesGraph().path, "--json", "--top", "3"])
        #expect(run.status == 0, "\(run)")
        let object = try #require(try JSONSerialization.jsonObject(with: run.output) as? [String: Any])
        let entities = try #require(object["entities"] as? Int)
        let relations = try #require(object["relations"] as? Int)
        let kinds = try #require(object["kinds"] as? [[Any]])
        let types = try #require(object["relation_types"] as? [[Any]])
        #expect(kinds.compactMap { $0[1] as? Int }.reduce(0, +) == entities)
        #expect(types.compactMap { $0[1] as? Int }.reduce(0, +) == relations)
        let hubs = try #require(object["most_connected"] as? [[Any]])
        #expect(hubs.count == 3)
        #expect(hubs.first?[0] as? String == "country:north-korea")
    }

    @Test("--entity --json carries every relation with its evidence")
    func entityJSON() throws {
        let run = try CLI.run(["inspect", try Built.examplesGraph().path, "--entity", "North Korea", "--json"])
        #expect(run.status == 0, "\(run)")
        let object = try #require(try JSONSerialization.jsonObject(with: run.output) as? [String: Any])
        #expect(object["id"] as? String == "country:north-korea")
        #expect(object["name"] as? String == "North Korea")
        let relations = try #require(object["relations"] as? [[String: Any]])
        #expect(relations.count >= 5)
        for relation in relations {
            #expect(relation["source"] as? String == "country:north-korea" || relation["target"] as? String == "country:north-korea")
            let evidence = try #require(relation["evidence"] as? [[String: Any]])
            #expect(!evidence.isEmpty)
            #expect(evidence.allSatisfy { ($0["sentence"] as? String)?.isEmpty == false && $0["article"] is String })
        }
        #expect(relations.contains { $0["first_date"] as? String == "2024-02-07" })
    }

    @Test("--path --json: consecutive steps share an entity, from the first to the last")
    func pathJSON() throws {
        let run = try CLI.run(["inspect", try Built.examplesGraph().path, "--path", "Kim Jong Un", "South Ossetia", "--json"])
        #expect(run.status == 0, "\(run)")
        let object = try #require(try JSONSerialization.jsonObject(with: run.output) as? [String: Any])
        #expect(object["from"] as? String == "person:kim-jong-un")
        let steps = try #require(object["steps"] as? [[String: Any]])
        #expect(!steps.isEmpty)
        var current = "person:kim-jong-un"
        for step in steps {
            let source = try #require(step["source"] as? String), target = try #require(step["target"] as? String)
            #expect(source == current || target == current, "step \(source)→\(target) does not continue from \(current)")
            current = source == current ? target : source
            #expect((step["evidence"] as? [Any])?.isEmpty == false)
        }
        #expect(current == "country:south-ossetia")
    }

    @Test("a file that is not GraphML fails with exit 2 and names it")
    func notAGraph() throws {
        let broken = CLI.fixtures.appending("graphs/truncated.graphml")
        let run = try CLI.run(["inspect", broken.path])
        #expect(run.status == 2)
        #expect(run.errorLines.count == 1)
        #expect(run.errorLines.first?.hasPrefix("kgraph: error: \(broken.path):") == true, "\(run)")
    }
}
