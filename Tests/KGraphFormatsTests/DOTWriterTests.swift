import Foundation
import KGraph
@testable import KGraphFormats
import Testing

@Suite("DOT writer")
struct DOTWriterTests {
    @Test("the text is a quoted, non-strict digraph with nodes before edges and a legend")
    func shape() {
        let text = DOTWriter().string(for: Support.sampleGraph())
        #expect(text.hasPrefix("digraph \"kgraph\" {\n"))
        #expect(!text.hasPrefix("\u{FEFF}"))
        #expect(text.contains("subgraph \"cluster_legend\" {"))
        let lastNode = text.range(of: "[label=\"United Nations\"")!.lowerBound
        let firstEdge = text.range(of: " -> ")!.lowerBound
        #expect(lastNode < firstEdge)
        #expect(text.contains("\"country:north-korea\" -> \"country:russia\" [label=\"supplies (2)\", kg_relation=\"supplies\""))
        #expect(text.contains("[label=\"not supplies\", style=\"dotted\""))
        #expect(text.contains("\"place:south-ossetia\" [label=\"South Ossetia\", shape=\"house\""))
    }

    @Test("escaping: quotes, backslashes and line breaks; control characters dropped")
    func escaping() {
        #expect(DOTWriter.quoted("Say \"hi\"") == "\"Say \\\"hi\\\"\"")
        #expect(DOTWriter.quoted("back\\slash\\") == "\"back\\\\slash\\\\\"")
        #expect(DOTWriter.quoted("one\ntwo\r") == "\"one\\ntwo\"")
        #expect(DOTWriter.quoted("bell\u{7}") == "\"bell\"")
        #expect(DOTWriter.quoted("Россия 북한 🚀") == "\"Россия 북한 🚀\"")
    }

    @Test("strings over 16 KiB are split with +, never inside an escape or a character")
    func longStrings() {
        let long = String(repeating: "ab\"🚀", count: 10_000)
        let quoted = DOTWriter.quoted(long)
        let pieces = quoted.components(separatedBy: "\" + \"")
        #expect(pieces.count > 2)
        #expect(pieces.allSatisfy { $0.utf8.count <= 16 * 1024 + 1 })
        let joined = pieces.joined()
        #expect(joined == "\"" + long.replacingOccurrences(of: "\"", with: "\\\"") + "\"")
    }

    @Test("Graphviz reads every awkward name back, with no warning")
    func graphvizReadsNames() throws {
        let dot = try Support.requireTool("dot")
        let gvpr = try Support.requireTool("gvpr")
        let folder = try Support.temporaryFolder()
        defer { Support.cleanUp(folder) }
        let graph = Support.trickyGraph()
        let path = folder.appendingPathComponent("tricky.dot").path
        try DOTWriter.write(graph, to: path)

        let layout = try Support.run(dot, ["-Tsvg", path, "-o", folder.appendingPathComponent("t.svg").path])
        #expect(layout.status == 0)
        #expect(layout.stderr == "")

        let program = """
            BEG_G { graph_t lg = isSubg($G, "cluster_legend"); int ne = 0; }
            N { if (!isSubnode(lg, $)) printf("%s\\037%s\\036", $.name, $.label); }
            E { if (!isSubnode(lg, $.tail)) ne++; }
            END_G { printf("\\035%d", ne); }
            """
        let census = try Support.run(gvpr, [program, path])
        #expect(census.status == 0)
        let parts = census.stdout.components(separatedBy: "\u{1D}")
        #expect(Int(parts.last ?? "") == graph.relations.count)
        var labels: [String] = []
        for record in parts[0].components(separatedBy: "\u{1E}") where !record.isEmpty {
            labels.append(Self.unescape(String(record.split(separator: "\u{1F}", omittingEmptySubsequences: false)[1])))
        }
        let expected = graph.sortedEntities.map { $0.name.replacingOccurrences(of: "\r", with: "") }
        #expect(labels.sorted() == expected.sorted())
    }

    /// Graphviz's escString decoding for labels: `\\` → `\`, `\n` → line break.
    static func unescape(_ text: String) -> String {
        var out = ""
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            if character == "\\", let next = iterator.next() {
                out.append(next == "n" ? "\n" : next)
            } else {
                out.append(character)
            }
        }
        return out
    }

    @Test("a failed write leaves the existing file untouched")
    func atomic() throws {
        let folder = try Support.temporaryFolder()
        defer { Support.cleanUp(folder) }
        let path = folder.appendingPathComponent("graph.dot").path
        try DOTWriter.write(Support.sampleGraph(), to: path)
        let before = try String(contentsOfFile: path, encoding: .utf8)
        #expect(before == DOTWriter().string(for: Support.sampleGraph()))
        #expect(throws: (any Error).self) { try DOTWriter.write(Support.sampleGraph(), to: folder.path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == before)
    }
}
