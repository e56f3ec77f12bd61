/// A graph file (GraphML or DOT) that kgraph cannot read: which file, where, and what was wrong.
///
/// `graph.graphml:12:7: edge "e3" points to unknown node "n9"`,
/// `graph.dot:12:7: expected '=' after the attribute name "color"`. Malformed
/// XML and refused DTDs are reported as `XMLError`, which has the same shape.
public struct GraphFileError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    /// 1-based; 0 when the error is about the whole file (it cannot be read).
    public var line: Int
    /// 1-based, in Unicode scalars.
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, or `file: message` for the whole file.
    public var description: String { line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)" }
}

/// A GraphML file that is well-formed XML but not a graph kgraph can read.
public typealias GraphMLError = GraphFileError

/// A DOT file that kgraph cannot read: a syntax error, or kgraph data that does not decode.
public typealias DOTError = GraphFileError
