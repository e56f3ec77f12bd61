import Foundation
import FuzzSupport
import KGraph
import KGraphFormats

/// GraphML reader on arbitrary bytes.
///
/// Reading may fail (most inputs are not GraphML) but must never crash, hang
/// or read out of bounds. A graph that was read must hold together, and must
/// survive what `kgraph convert` does with it: written as GraphML and as
/// DOT, and the GraphML read back to the same number of nodes and edges.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = inputData(bytes, count)
    guard let graph = try? GraphMLReader().read(data, name: "fuzz.graphml") else { return 0 }
    for relation in graph.relations.values {
        invariant(graph[relation.source] != nil && graph[relation.target] != nil,
                  "edge \(relation.key) has an end that is not a node")
    }
    _ = DOTWriter().string(for: graph)
    let written: Data
    do {
        written = try GraphMLWriter(indent: false).data(for: graph)
    } catch {
        invariant(false, "a graph read from GraphML cannot be written: \(error)")
        return 0
    }
    do {
        let back = try GraphMLReader().read(written, name: "rewritten.graphml")
        invariant(back.entities.count == graph.entities.count && back.relations.count == graph.relations.count,
                  "rewritten GraphML reads back \(back.entities.count) nodes and \(back.relations.count) edges, "
                  + "not \(graph.entities.count) and \(graph.relations.count)")
    } catch {
        invariant(false, "GraphML written by kgraph does not read back: \(error)")
    }
    return 0
}
