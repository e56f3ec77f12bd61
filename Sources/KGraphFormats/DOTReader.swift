import Foundation
import KGraph

/// Reads Graphviz DOT into a `KnowledgeGraph`: kgraph's own files losslessly,
/// and any other DOT that Graphviz accepts.
///
/// The parser follows Graphviz's grammar: `strict`, `graph`/`digraph`, IDs
/// as bare names, numerals, quoted strings (`\"` and line continuations,
/// joined with `+`) and HTML strings (`<...>`, kept as their text); node,
/// edge and attribute statements, `a=b` graph attributes, edge chains
/// (`a -> b -> c`) whose ends may be subgraphs (every node of the subgraph),
/// nested subgraphs, ports (ignored), and `//`, `/* */` and `#` line comments.
/// Keywords are case-insensitive; `node`, `edge` and the like are names only
/// when quoted. Default attributes (`node [...]`, `edge [...]`) apply, as in
/// Graphviz, to the nodes and edges created after them in the same subgraph
/// or below; a `strict` graph keeps one edge per pair of ends.
///
/// A node or edge that carries kgraph's `kg_` attributes (see `DOTWriter`)
/// is read back exactly. Any other:
///
/// - a node's id becomes its `EntityID`; its `label` (with `\\` and `\n`
///   decoded) is the name, else the id; `kind` gives the kind (read
///   leniently), else `other`;
/// - an edge's `label` is its relation type, else `related`; each edge gets
///   the tag `e0`, `e1`, ... in file order, so parallel edges stay apart;
/// - every other attribute, defaults included, is kept in `attributes`
///   with the value as Graphviz reads it.
///
/// Graph attributes are not kept, and the nodes and edges of a subgraph
/// named `cluster_legend` (`DOTWriter`'s legend) are skipped.
///
/// ```swift
/// let graph = try DOTReader().read(from: "graphs/seed.dot")
/// ```
public struct DOTReader: Sendable {
    /// The deepest subgraph nesting accepted; deeper files are refused, not read recursively.
    public var maxDepth: Int
    /// The most edges a file may create; edges between subgraphs multiply quickly.
    public var maxEdges: Int

    public init(maxDepth: Int = 100, maxEdges: Int = 50_000_000) {
        self.maxDepth = maxDepth
        self.maxEdges = maxEdges
    }

    /// Reads the DOT file at `path`.
    ///
    /// - Throws: `DOTError` when the file cannot be read, is not DOT, or holds
    ///   kgraph data that does not decode.
    /// - Complexity: O(n) in the size of the file, plus the edges that chains
    ///   between subgraphs create.
    public func read(from path: String) throws -> KnowledgeGraph {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? error.localizedDescription
            throw DOTError(file: path, line: 0, column: 0, message: "cannot read the file: \(reason)")
        }
        return try read(data, name: path)
    }

    /// Reads DOT held in memory; `name` stands for the file in errors.
    public func read(_ data: Data, name: String = "<memory>") throws -> KnowledgeGraph {
        try data.withUnsafeBytes { raw in
            var parser = Parser(
                lexer: Lexer(bytes: raw.bindMemory(to: UInt8.self), file: name), maxDepth: maxDepth,
                maxEdges: maxEdges)
            try parser.parseFile()
            return try parser.buildGraph()
        }
    }

    /// Reads DOT text; `name` stands for the file in errors.
    public func read(_ text: String, name: String = "<memory>") throws -> KnowledgeGraph {
        try read(Data(text.utf8), name: name)
    }

    /// Reads the DOT file at `path` with the default limits.
    public static func read(from path: String) throws -> KnowledgeGraph {
        try DOTReader().read(from: path)
    }
}

// MARK: - Tokens

/// Where a token starts: enough to give its line and column when an error needs them.
private struct Position {
    var offset: Int
    var line: Int
    var lineStart: Int
}

private enum TokenKind: Equatable {
    /// A bare name or a numeral; also the keywords, told apart by `Token.keyword`.
    case name
    case quoted
    case html
    case leftBrace, rightBrace, leftBracket, rightBracket
    case semicolon, comma, equals, colon
    case edgeOperator(directed: Bool)
    case end
}

private enum Keyword {
    case strict, graph, digraph, node, edge, subgraph
}

private struct Token {
    var kind: TokenKind
    var text: String
    var position: Position

    /// The keyword a bare name spells, in any case.
    var keyword: Keyword? {
        guard kind == .name, (4...8).contains(text.utf8.count) else { return nil }
        switch text.lowercased() {
        case "strict": return .strict
        case "graph": return .graph
        case "digraph": return .digraph
        case "node": return .node
        case "edge": return .edge
        case "subgraph": return .subgraph
        default: return nil
        }
    }

    /// True for a token that can be an ID: a name that is not a keyword, a numeral, a string.
    var isID: Bool {
        switch kind {
        case .quoted, .html: true
        case .name: keyword == nil
        default: false
        }
    }

    var display: String {
        switch kind {
        case .name: keyword != nil ? "the keyword '\(text)'" : "'\(text)'"
        case .quoted: "a quoted string"
        case .html: "an HTML string"
        case .leftBrace: "'{'"
        case .rightBrace: "'}'"
        case .leftBracket: "'['"
        case .rightBracket: "']'"
        case .semicolon: "';'"
        case .comma: "','"
        case .equals: "'='"
        case .colon: "':'"
        case .edgeOperator(let directed): directed ? "'->'" : "'--'"
        case .end: "the end of the file"
        }
    }
}

private enum ASCII {
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let slash = UInt8(ascii: "/")
    static let star = UInt8(ascii: "*")
    static let hash = UInt8(ascii: "#")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let dot = UInt8(ascii: ".")
    static let less = UInt8(ascii: "<")
    static let greater = UInt8(ascii: ">")
    static let underscore = UInt8(ascii: "_")

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }
    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    /// Graphviz counts every byte above 127 as a letter, so any UTF-8 name is bare.
    static func isNameStart(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == underscore || byte >= 0x80
    }
}

// MARK: - Lexer

private struct Lexer {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    var position = 0
    var line = 1
    var lineStart = 0

    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3; lineStart = 3 }
    }

    var here: Position { Position(offset: position, line: line, lineStart: lineStart) }

    /// The 1-based column of `position`, in Unicode scalars.
    func column(of position: Position) -> Int {
        var column = 1
        var index = position.lineStart
        while index < position.offset, index < bytes.count {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return column
    }

    func error(_ message: String, at position: Position) -> DOTError {
        DOTError(file: file, line: position.line, column: column(of: position), message: message)
    }

    mutating func newline(at index: Int) {
        line += 1
        lineStart = index + 1
    }

    /// Skips white space and comments.
    mutating func skipTrivia() throws {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == ASCII.newline {
                newline(at: position)
                position += 1
            } else if ASCII.isSpace(byte) {
                position += 1
            } else if byte == ASCII.slash, position + 1 < bytes.count, bytes[position + 1] == ASCII.slash {
                skipLine()
            } else if byte == ASCII.slash, position + 1 < bytes.count, bytes[position + 1] == ASCII.star {
                let start = here
                position += 2
                while true {
                    guard position + 1 < bytes.count else {
                        throw error("a /* comment is never closed with */", at: start)
                    }
                    if bytes[position] == ASCII.star, bytes[position + 1] == ASCII.slash {
                        position += 2
                        break
                    }
                    if bytes[position] == ASCII.newline { newline(at: position) }
                    position += 1
                }
            } else if byte == ASCII.hash, atLineStart {
                skipLine()  // C preprocessor output, which Graphviz discards
            } else {
                return
            }
        }
    }

    /// True when only blanks come before `position` on its line.
    var atLineStart: Bool {
        (lineStart..<position).allSatisfy { bytes[$0] == 0x20 || bytes[$0] == 0x09 || bytes[$0] == 0x0D }
    }

    mutating func skipLine() {
        while position < bytes.count, bytes[position] != ASCII.newline { position += 1 }
    }

    mutating func next() throws -> Token {
        try skipTrivia()
        let start = here
        guard position < bytes.count else { return Token(kind: .end, text: "", position: start) }
        let byte = bytes[position]
        func single(_ kind: TokenKind) -> Token {
            position += 1
            return Token(kind: kind, text: "", position: start)
        }
        switch byte {
        case UInt8(ascii: "{"): return single(.leftBrace)
        case UInt8(ascii: "}"): return single(.rightBrace)
        case UInt8(ascii: "["): return single(.leftBracket)
        case UInt8(ascii: "]"): return single(.rightBracket)
        case UInt8(ascii: ";"): return single(.semicolon)
        case UInt8(ascii: ","): return single(.comma)
        case UInt8(ascii: "="): return single(.equals)
        case UInt8(ascii: ":"): return single(.colon)
        case ASCII.quote: return Token(kind: .quoted, text: try quotedString(), position: start)
        case ASCII.less: return Token(kind: .html, text: try htmlString(), position: start)
        case ASCII.minus:
            if position + 1 < bytes.count {
                let following = bytes[position + 1]
                if following == ASCII.greater || following == ASCII.minus {
                    position += 2
                    return Token(kind: .edgeOperator(directed: following == ASCII.greater), text: "", position: start)
                }
                if ASCII.isDigit(following) || following == ASCII.dot { return numeral(start) }
            }
            throw error("a '-' that starts neither '->', '--' nor a number", at: start)
        case _ where ASCII.isDigit(byte) || byte == ASCII.dot:
            return numeral(start)
        case _ where ASCII.isNameStart(byte):
            position += 1
            while position < bytes.count, ASCII.isNameStart(bytes[position]) || ASCII.isDigit(bytes[position]) {
                position += 1
            }
            return Token(kind: .name, text: text(start.offset..<position), position: start)
        default:
            let shown = byte < 0x20 ? String(format: "0x%02X", byte) : "'\(Character(Unicode.Scalar(byte)))'"
            throw error("unexpected character \(shown); quote names that hold it", at: start)
        }
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// `-?(.[0-9]+ | [0-9]+(.[0-9]*)?)`; like Graphviz, a number stops where a name starts.
    mutating func numeral(_ start: Position) -> Token {
        if bytes[position] == ASCII.minus { position += 1 }
        var sawDot = false
        while position < bytes.count {
            let byte = bytes[position]
            if ASCII.isDigit(byte) {
                position += 1
            } else if byte == ASCII.dot, !sawDot {
                sawDot = true
                position += 1
            } else {
                break
            }
        }
        return Token(kind: .name, text: text(start.offset..<position), position: start)
    }

    /// A quoted string and any `+ "..."` after it, as Graphviz reads them.
    ///
    /// Only `\"` and a backslash before a line break are escapes at this level;
    /// every other backslash stays for the attribute to interpret (see `decodeEscapes`).
    mutating func quotedString() throws -> String {
        var result = try onePiece()
        while true {
            let saved = (position, line, lineStart)
            try skipTrivia()
            guard position < bytes.count, bytes[position] == ASCII.plus else {
                (position, line, lineStart) = saved
                return result
            }
            let plus = here
            position += 1
            try skipTrivia()
            guard position < bytes.count, bytes[position] == ASCII.quote else {
                throw error("'+' must be followed by a quoted string", at: plus)
            }
            result += try onePiece()
        }
    }

    private mutating func onePiece() throws -> String {
        let start = here
        position += 1  // the opening quote
        let first = position
        // Fast path: no backslash.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == ASCII.quote {
                position += 1
                return text(first..<(position - 1))
            }
            if byte == ASCII.backslash { break }
            if byte == ASCII.newline { newline(at: position) }
            position += 1
        }
        var buffer = Array(UnsafeBufferPointer(rebasing: bytes[first..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            if byte == ASCII.quote {
                position += 1
                return String(decoding: buffer, as: UTF8.self)
            }
            if byte == ASCII.backslash, position + 1 < bytes.count {
                let escaped = bytes[position + 1]
                if escaped == ASCII.quote {
                    buffer.append(ASCII.quote)
                    position += 2
                    continue
                }
                if escaped == ASCII.backslash {
                    buffer.append(ASCII.backslash)
                    buffer.append(ASCII.backslash)
                    position += 2
                    continue
                }
                if escaped == ASCII.newline {
                    newline(at: position + 1)
                    position += 2
                    continue
                }
                if escaped == ASCII.carriageReturn, position + 2 < bytes.count, bytes[position + 2] == ASCII.newline {
                    newline(at: position + 2)
                    position += 3
                    continue
                }
            }
            if byte == ASCII.newline { newline(at: position) }
            buffer.append(byte)
            position += 1
        }
        throw error("a quoted string is never closed", at: start)
    }

    /// An HTML string: the text between the outer `<` and `>`, which nest.
    mutating func htmlString() throws -> String {
        let start = here
        position += 1
        let first = position
        var depth = 1
        while position < bytes.count {
            let byte = bytes[position]
            if byte == ASCII.less {
                depth += 1
            } else if byte == ASCII.greater {
                depth -= 1
                if depth == 0 {
                    position += 1
                    return text(first..<(position - 1))
                }
            } else if byte == ASCII.newline {
                newline(at: position)
            }
            position += 1
        }
        throw error("an HTML string <...> is never closed with '>'", at: start)
    }
}

// MARK: - Parser

/// A node as the file describes it.
private struct NodeRecord {
    var id: String
    var attributes: [String: String]
    /// The last statement that set an attribute, for errors in its data.
    var position: Position
}

private struct EdgeRecord {
    var tail: Int
    var head: Int
    var attributes: [String: String]
    var position: Position
}

/// The innermost graph or subgraph being read.
private struct Scope {
    var nodeDefaults: [String: String]
    var edgeDefaults: [String: String]
    /// Whether the statements are read but not kept (the legend).
    var skipping: Bool
    /// The nodes of a subgraph, for edges that end at it; the root graph does not track its own.
    var members: [Int] = []
    var memberSet: Set<Int> = []
    var isRoot: Bool

    mutating func add(_ node: Int) {
        if !isRoot, memberSet.insert(node).inserted { members.append(node) }
    }
}

private struct EdgePair: Hashable {
    var tail: Int
    var head: Int
}

private struct Parser {
    var lexer: Lexer
    let maxDepth: Int
    let maxEdges: Int
    var token: Token
    var directed = true
    var strict = false

    var nodeIndex: [String: Int] = [:]
    var nodes: [NodeRecord] = []
    var edges: [EdgeRecord] = []
    var strictEdges: [EdgePair: Int] = [:]
    var scopes: [Scope] = []

    init(lexer: Lexer, maxDepth: Int, maxEdges: Int) {
        self.lexer = lexer
        self.maxDepth = maxDepth
        self.maxEdges = maxEdges
        token = Token(kind: .end, text: "", position: lexer.here)
    }

    func error(_ message: String, at position: Position? = nil) -> DOTError {
        lexer.error(message, at: position ?? token.position)
    }

    mutating func advance() throws { token = try lexer.next() }

    mutating func expect(_ kind: TokenKind, _ what: String) throws {
        guard token.kind == kind else { throw error("expected \(what), found \(token.display)") }
        try advance()
    }

    // MARK: Statements

    mutating func parseFile() throws {
        try advance()
        if token.kind == .end { throw error("the file is empty; expected 'graph' or 'digraph'") }
        if token.keyword == .strict {
            strict = true
            try advance()
        }
        switch token.keyword {
        case .graph: directed = false
        case .digraph: directed = true
        default: throw error("expected 'graph' or 'digraph', found \(token.display); this is not a DOT file")
        }
        try advance()
        if token.isID { try advance() }  // the graph's name
        let open = token.position
        try expect(.leftBrace, "'{' to open the graph")
        scopes = [Scope(nodeDefaults: [:], edgeDefaults: [:], skipping: false, isRoot: true)]
        try parseStatements(depth: 0, opened: open)
        try advance()  // the closing brace
        if token.kind != .end {
            throw error("\(token.display) after the graph's closing '}'; kgraph reads one graph per file")
        }
    }

    /// Reads statements up to the `}` that closes the current graph or subgraph, leaving it as `token`.
    mutating func parseStatements(depth: Int, opened: Position) throws {
        while true {
            switch token.kind {
            case .rightBrace: return
            case .end: throw error("the file ends before the '{' here is closed", at: opened)
            case .semicolon: try advance()
            default: try parseStatement(depth: depth)
            }
        }
    }

    mutating func parseStatement(depth: Int) throws {
        let start = token.position
        switch token.keyword {
        case .graph, .node, .edge:
            let keyword = token.keyword!
            try advance()
            guard token.kind == .leftBracket else {
                throw error("expected '[' after '\(keyword)', found \(token.display)")
            }
            let attributes = try parseAttributeLists()
            guard !scopes[scopes.count - 1].skipping else { return }
            switch keyword {
            case .node: scopes[scopes.count - 1].nodeDefaults.merge(attributes) { $1 }
            case .edge: scopes[scopes.count - 1].edgeDefaults.merge(attributes) { $1 }
            default: break  // graph attributes have no place in a KnowledgeGraph
            }
            return
        case .strict, .digraph:
            throw error("\(token.display) cannot start a statement; quote it to use it as a name")
        case .subgraph:
            break
        case nil:
            if token.kind == .leftBrace { break }
            guard token.isID else { throw error("expected a statement, found \(token.display)") }
        }

        var ends: [[Int]] = []
        if token.kind == .leftBrace || token.keyword == .subgraph {
            ends.append(try parseSubgraph(depth: depth))
        } else {
            let name = token.text
            try advance()
            if token.kind == .equals {
                try advance()
                guard token.isID else { throw error("expected a value after '=', found \(token.display)") }
                try advance()
                return
            }
            try skipPort()
            let node = createNode(name, at: start)
            if token.kind != .edgeOperator(directed: true), token.kind != .edgeOperator(directed: false) {
                let attributes = token.kind == .leftBracket ? try parseAttributeLists() : [:]
                if let node, !attributes.isEmpty {
                    nodes[node].attributes.merge(attributes) { $1 }
                    nodes[node].position = start
                }
                return
            }
            ends.append(node.map { [$0] } ?? [])
        }

        while case .edgeOperator(let isDirected) = token.kind {
            guard isDirected == directed else {
                throw error(directed ? "'--' in a digraph; use '->'" : "'->' in an undirected graph; use '--'")
            }
            try advance()
            if token.kind == .leftBrace || token.keyword == .subgraph {
                ends.append(try parseSubgraph(depth: depth))
            } else {
                guard token.isID else { throw error("expected a node or a subgraph after the edge, found \(token.display)") }
                let position = token.position
                let name = token.text
                try advance()
                try skipPort()
                ends.append(createNode(name, at: position).map { [$0] } ?? [])
            }
        }
        let attributes = token.kind == .leftBracket ? try parseAttributeLists() : [:]
        guard ends.count > 1, !scopes[scopes.count - 1].skipping else { return }
        var edgeAttributes = scopes[scopes.count - 1].edgeDefaults
        edgeAttributes.merge(attributes) { $1 }
        for index in 1..<ends.count {
            let (tails, heads) = (ends[index - 1], ends[index])
            guard edges.count + tails.count * heads.count <= maxEdges else {
                throw error("the file makes more than \(maxEdges) edges", at: start)
            }
            for tail in tails {
                for head in heads { addEdge(tail, head, edgeAttributes, at: start) }
            }
        }
    }

    /// Skips `:port` or `:port:compass` after a node id.
    mutating func skipPort() throws {
        for _ in 0..<2 where token.kind == .colon {
            try advance()
            guard token.isID else { throw error("expected a port name after ':', found \(token.display)") }
            try advance()
        }
    }

    /// Reads `subgraph name { ... }`, `subgraph { ... }` or `{ ... }` and returns its nodes.
    mutating func parseSubgraph(depth: Int) throws -> [Int] {
        var name: String?
        if token.keyword == .subgraph {
            try advance()
            if token.isID {
                name = token.text
                try advance()
            }
        }
        let open = token.position
        guard token.kind == .leftBrace else { throw error("expected '{' to open the subgraph, found \(token.display)") }
        guard depth < maxDepth else { throw error("subgraphs nest more than \(maxDepth) deep") }
        let parent = scopes[scopes.count - 1]
        scopes.append(Scope(
            nodeDefaults: parent.nodeDefaults, edgeDefaults: parent.edgeDefaults,
            skipping: parent.skipping || name == "cluster_legend", isRoot: false))
        try advance()
        try parseStatements(depth: depth + 1, opened: open)
        try advance()  // the closing brace
        let members = scopes.removeLast().members
        for member in members { scopes[scopes.count - 1].add(member) }
        return members
    }

    /// Reads one or more `[a=b, c=d; ...]` lists.
    mutating func parseAttributeLists() throws -> [String: String] {
        var attributes: [String: String] = [:]
        while token.kind == .leftBracket {
            try advance()
            while token.kind != .rightBracket {
                guard token.isID else { throw error("expected an attribute name or ']', found \(token.display)") }
                let name = token.text
                try advance()
                guard token.kind == .equals else {
                    throw error("expected '=' after the attribute name \"\(name)\", found \(token.display)")
                }
                try advance()
                guard token.isID else {
                    throw error("expected a value for the attribute \"\(name)\", found \(token.display)")
                }
                attributes[name] = token.text
                try advance()
                if token.kind == .comma || token.kind == .semicolon { try advance() }
            }
            try advance()
        }
        return attributes
    }

    // MARK: Nodes and edges

    /// The node called `name`, created with the current defaults when new; `nil` in the legend.
    mutating func createNode(_ name: String, at position: Position) -> Int? {
        guard !scopes[scopes.count - 1].skipping else { return nil }
        let index: Int
        if let existing = nodeIndex[name] {
            index = existing
        } else {
            index = nodes.count
            nodeIndex[name] = index
            nodes.append(NodeRecord(id: name, attributes: scopes[scopes.count - 1].nodeDefaults, position: position))
        }
        scopes[scopes.count - 1].add(index)
        return index
    }

    mutating func addEdge(_ tail: Int, _ head: Int, _ attributes: [String: String], at position: Position) {
        if strict {
            let pair = directed || tail <= head ? EdgePair(tail: tail, head: head) : EdgePair(tail: head, head: tail)
            if let existing = strictEdges[pair] {
                edges[existing].attributes.merge(attributes) { $1 }
                return
            }
            strictEdges[pair] = edges.count
        }
        edges.append(EdgeRecord(tail: tail, head: head, attributes: attributes, position: position))
    }

    // MARK: The graph

    mutating func buildGraph() throws -> KnowledgeGraph {
        var graph = KnowledgeGraph()
        graph.reserveCapacity(entities: nodes.count, relations: edges.count)
        var ids: [EntityID] = []
        ids.reserveCapacity(nodes.count)
        for node in nodes {
            let entity = try entity(from: node)
            guard graph[entity.id] == nil else {
                throw error("node \"\(node.id)\" repeats entity \"\(entity.id.rawValue)\"", at: node.position)
            }
            graph.add(entity)
            ids.append(entity.id)
        }
        nodes = []
        for (index, edge) in edges.enumerated() {
            graph.add(try relation(from: edge, index: index, ids: ids))
        }
        edges = []
        return graph
    }

    func entity(from node: NodeRecord) throws -> Entity {
        var attributes = node.attributes
        guard let id = attributes["kg_id"] else {
            let label = attributes.removeValue(forKey: "label").map(decodeEscapes)
            let kind = attributes.removeValue(forKey: "kind").map { EntityKind(lenient: $0) } ?? .other
            let name = label == nil || label == "\\N" ? node.id : label!
            return Entity(id: EntityID(rawValue: node.id), name: name, kind: kind, attributes: attributes)
        }
        let fail = { (message: String) in error(message, at: node.position) }
        let kindText = decodeEscapes(attributes["kg_kind"] ?? "other")
        guard let kind = EntityKind(rawValue: kindText) else { throw fail("kg_kind \"\(kindText)\" is not a kind") }
        let name = attributes["kg_name"].map(decodeEscapes) ?? attributes["label"].map(decodeEscapes) ?? node.id
        let aliases = try attributes["kg_aliases"].map { try KGraphData.strings(decodeEscapes($0), "kg_aliases", fail) }
        let counts = try attributes["kg_mentions_by_article"].map {
            try KGraphData.counts(decodeEscapes($0), "kg_mentions_by_article", fail)
        }
        let free = try attributes["kg_attributes"].map {
            try KGraphData.stringObject(decodeEscapes($0), "kg_attributes", fail)
        }
        // An id with control characters comes back from its JSON form.
        let exactID = try attributes["kg_id_json"].map { try KGraphData.strings("[" + decodeEscapes($0) + "]", "kg_id_json", fail) }?.first
        return Entity(
            id: EntityID(rawValue: exactID ?? decodeEscapes(id)), name: name, kind: kind, aliases: Set(aliases ?? []),
            attributes: free ?? [:], mentionsByArticle: counts ?? [:])
    }

    func relation(from edge: EdgeRecord, index: Int, ids: [EntityID]) throws -> Relation {
        var attributes = edge.attributes
        let (source, target) = (ids[edge.tail], ids[edge.head])
        guard let type = attributes["kg_relation"] else {
            let label = attributes.removeValue(forKey: "label").map(decodeEscapes)
            let type = label.flatMap { $0.isEmpty ? nil : RelationType(rawValue: $0) } ?? .related
            return Relation(
                key: RelationKey(source: source, type: type, target: target, tag: "e\(index)"),
                attributes: attributes)
        }
        let fail = { (message: String) in error(message, at: edge.position) }
        let mentions = try attributes["kg_mentions"].map { try KGraphData.mentions(decodeEscapes($0), "kg_mentions", fail) }
        let evidence = try attributes["kg_evidence"].map { try KGraphData.evidence(decodeEscapes($0), "kg_evidence", fail) }
        let free = try attributes["kg_attributes"].map {
            try KGraphData.stringObject(decodeEscapes($0), "kg_attributes", fail)
        }
        let key = RelationKey(
            source: source, type: RelationType(rawValue: decodeEscapes(type)), target: target,
            tag: attributes["kg_tag"].map(decodeEscapes) ?? "")
        return Relation(key: key, mentions: mentions ?? [], evidence: evidence ?? [], attributes: free ?? [:])
    }
}

/// Decodes the escapes Graphviz gives meaning to in labels, and kgraph's `\r`:
/// `\\` is a backslash, `\n` a line break, `\r` a carriage return; any other
/// backslash stays as written (`\N`, `\l`, ...).
///
/// This inverts `DOTWriter`'s quoting once the lexer has undone `\"`.
private func decodeEscapes(_ text: String) -> String {
    guard text.utf8.contains(ASCII.backslash) else { return text }
    var out = String.UnicodeScalarView()
    var scalars = text.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
        guard scalar == "\\" else {
            out.append(scalar)
            continue
        }
        guard let next = scalars.next() else {
            out.append(scalar)
            break
        }
        switch next {
        case "\\": out.append("\\")
        case "n": out.append("\n")
        case "r": out.append("\r")
        default:
            out.append(scalar)
            out.append(next)
        }
    }
    return String(out)
}
