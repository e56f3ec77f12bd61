import Foundation
import FuzzSupport
import KGraph
import KGraphFormats

/// The DOT writer fed random graphs (see `FuzzGraph`).
///
/// Its output must be DOT that Graphviz reads as the same graph. Running
/// `dot` per input would be far too slow, so this target checks what a DOT
/// lexer would see: every string closes, holds only the escapes `\\`, `\"`
/// and `\n` and no raw control character but tab, and only keywords and punctuation
/// stand between strings; then that each entity is exactly one distinct node
/// statement and each edge joins two of them, and `DOTReader` reads the
/// output back to as many nodes and edges. The real `dot` runs over the
/// kept corpus in `FuzzRegressionTests` (KGraphFormatsTests).
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let decoded = FuzzGraph.decode([UInt8](inputData(bytes, count)))
    let dot = DOTWriter(graphName: decoded.name).string(for: decoded.graph)
    let statements = DOTStatements(dot)
    invariant(statements.nodes.count == decoded.graph.entities.count && statements.nodeStatements == statements.nodes.count,
              "\(decoded.graph.entities.count) entities became \(statements.nodeStatements) DOT node statements "
              + "naming \(statements.nodes.count) distinct nodes")
    invariant(statements.edges == decoded.graph.relations.count,
              "\(decoded.graph.relations.count) relations became \(statements.edges) DOT edges")
    // kgraph reads its own DOT back (kg_ attributes): as many nodes and edges as were written.
    do {
        let back = try DOTReader().read(dot, name: "written.dot")
        invariant(back.entities.count == decoded.graph.entities.count
                  && back.relations.count == decoded.graph.relations.count,
                  "DOT read back \(back.entities.count) nodes and \(back.relations.count) edges, not "
                  + "\(decoded.graph.entities.count) and \(decoded.graph.relations.count)")
    } catch {
        invariant(false, "DOT written by kgraph does not read back: \(error)")
    }
    return 0
}

/// The top-level statements of the DOT that `DOTWriter` writes, read by a
/// small lexer that traps on anything Graphviz could read differently.
struct DOTStatements {
    /// The ids of top-level node statements (the legend's cluster is skipped).
    var nodes = Set<String>()
    var nodeStatements = 0
    var edges = 0

    enum Token: Equatable {
        case string(String)
        case word(String)
        case punctuation(Character)
    }

    init(_ dot: String) {
        let tokens = Self.tokens(dot)
        var depth = 0
        var statement: [Token] = []
        for token in tokens {
            switch token {
            case .punctuation("{"):
                depth += 1
                statement = []
            case .punctuation("}"):
                depth -= 1
                statement = []
            case .punctuation(";"):
                if depth == 1 { record(statement) }
                statement = []
            default:
                statement.append(token)
            }
        }
        invariant(depth == 0, "braces do not balance")
    }

    mutating func record(_ statement: [Token]) {
        guard case .string(let first)? = statement.first else { return }  // graph/node/edge defaults
        if statement.count > 3, statement[1] == .punctuation("-"), statement[2] == .punctuation(">"),
            case .string(let second) = statement[3]
        {
            invariant(nodes.contains(first) && nodes.contains(second), "an edge names an undeclared node")
            edges += 1
        } else {
            nodeStatements += 1
            nodes.insert(first)
        }
    }

    static func tokens(_ dot: String) -> [Token] {
        var tokens: [Token] = []
        var scalars = dot.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        var joinNext = false
        while let scalar = pending ?? scalars.next() {
            pending = nil
            switch scalar {
            case "\"":
                var text = ""
                var closed = false
                while let inner = scalars.next() {
                    if inner == "\"" {
                        closed = true
                        break
                    }
                    invariant(inner.value >= 0x20 || inner == "\t", "a raw control character U+\(String(inner.value, radix: 16)) in a string")
                    if inner == "\\" {
                        let escaped = scalars.next()
                        invariant(escaped == "\\" || escaped == "\"" || escaped == "n" || escaped == "r",
                                  "an unexpected escape \\\(escaped.map { String($0) } ?? "EOF")")
                        text.unicodeScalars.append("\\")
                        if let escaped { text.unicodeScalars.append(escaped) }
                    } else {
                        text.unicodeScalars.append(inner)
                    }
                }
                invariant(closed, "a string does not close")
                if joinNext, case .string(let previous)? = tokens.last {
                    tokens[tokens.count - 1] = .string(previous + text)
                } else {
                    tokens.append(.string(text))
                }
                joinNext = false
            case " ", "\n":
                continue
            case "+":
                invariant({ if case .string? = tokens.last { true } else { false } }(), "a + after a non-string")
                joinNext = true
            case "a"..."z", "A"..."Z", "_":
                var word = String(scalar)
                while let next = scalars.next() {
                    guard ("a"..."z").contains(next) || ("A"..."Z").contains(next) || next == "_" else {
                        pending = next
                        break
                    }
                    word.unicodeScalars.append(next)
                }
                tokens.append(.word(word))
            case "{", "}", "[", "]", "=", ",", ";", "-", ">":
                tokens.append(.punctuation(Character(scalar)))
            default:
                invariant(false, "unexpected U+\(String(scalar.value, radix: 16)) outside a string")
            }
        }
        return tokens
    }
}
