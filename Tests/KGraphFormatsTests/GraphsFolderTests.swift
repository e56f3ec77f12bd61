import Foundation
import Testing

/// Every graph kgraph ships in `graphs/` opens cleanly in the tools people use.
@Suite("The graphs in graphs/")
struct GraphsFolderTests {
    static let graphs = Support.packageRoot.appendingPathComponent("graphs")

    /// The `NAME.graphml` files that have a `NAME.dot` beside them.
    static var pairs: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: graphs.path)) ?? []
        return names.filter { $0.hasSuffix(".graphml") }.map { String($0.dropLast(".graphml".count)) }
            .filter { names.contains($0 + ".dot") }.sorted()
    }

    @Test func theFolderHoldsTheSeedGraph() {
        #expect(Self.pairs.contains("seed"), "graphs/seed.graphml and graphs/seed.dot are missing; run Scripts/run-examples.sh")
    }

    @Test(arguments: pairs)
    func validatorSaysOK(_ name: String) throws {
        let script = Support.shared.appendingPathComponent("tools/validate-exports.sh")
        guard FileManager.default.fileExists(atPath: script.path) else {
            try Test.cancel("../shared/tools/validate-exports.sh is absent; skipping")
        }
        for tool in ["xmllint", "python3", "dot", "gvpr"] { _ = try Support.requireTool(tool) }
        let output = try Support.run("/bin/bash", [
            script.path,
            Self.graphs.appendingPathComponent(name + ".graphml").path,
            Self.graphs.appendingPathComponent(name + ".dot").path,
        ])
        #expect(output.stdout.contains("== result: OK"), "\(name): \(output.stdout.suffix(1500))")
        #expect(output.status == 0)
        #expect(!output.stdout.contains("WARN"), "\(name): \(output.stdout.split(separator: "\n").filter { $0.hasPrefix("WARN") })")
    }
}
