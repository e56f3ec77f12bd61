import Foundation
import FuzzSupport
import KGraph
import KGraphFormats

// DOT reader on arbitrary bytes (`kgraph convert` and `render` read DOT from any tool).
//
// Reading may fail but must never crash or hang. A graph that was read must
// hold together and survive a round trip through kgraph's own DOT.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = inputData(bytes, count)
    guard let graph = try? DOTReader().read(data, name: "fuzz.dot") else { return 0 }
    for relation in graph.relations.values {
        invariant(graph[relation.source] != nil && graph[relation.target] != nil,
                  "edge \(relation.key) has an end that is not a node")
    }
    let dot = DOTWriter().string(for: graph)
    do {
        let back = try DOTReader().read(dot, name: "rewritten.dot")
        invariant(back.entities.count == graph.entities.count && back.relations.count == graph.relations.count,
                  "rewritten DOT reads back \(back.entities.count) nodes and \(back.relations.count) edges, "
                  + "not \(graph.entities.count) and \(graph.relations.count)")
    } catch {
        invariant(false, "DOT written by kgraph does not read back: \(error)")
    }
    return 0
}

