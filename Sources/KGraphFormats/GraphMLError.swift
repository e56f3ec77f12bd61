/// A GraphML file that is well-formed XML but not a graph kgraph can read.
///
/// Says which file, where, and what was wrong: `graph.graphml:12:7: edge
/// "e3" points to unknown node "n9"`. Malformed XML and refused DTDs are
/// reported as `XMLError`, which has the same shape.
public struct GraphMLError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`.
    public var description: String { "\(file):\(line):\(column): \(message)" }
}
