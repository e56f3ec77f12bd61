internal import CLibXML2
import Foundation

/// A forward-only XML reader on libxml2's `xmlTextReader`, safe for untrusted files.
///
/// It holds one node at a time, so memory stays flat however large the
/// document is. Hostile documents are refused rather than survived:
///
/// - network access is off (`XML_PARSE_NONET`), entities are never substituted
///   (no `XML_PARSE_NOENT`), no external DTD is loaded (no `XML_PARSE_DTDLOAD`)
///   and libxml2's size limits stay on (no `XML_PARSE_HUGE`);
/// - any `<!DOCTYPE>` is an error, which rules out entity declarations,
///   external entities and "billion laughs" before a single entity is used;
/// - element nesting deeper than `maxDepth` is an error.
///
/// libxml2 reports its diagnostics to a handler of this reader rather than to
/// standard error; the first error becomes the thrown `XMLError`, with file,
/// line and column.
///
/// ```swift
/// let reader = try XMLStreamReader(path: "graph.graphml")
/// while try reader.read() {
///     if reader.kind == .startElement, reader.localName == "node" {
///         print(reader.attribute("id") ?? "?")
///     }
/// }
/// ```
public final class XMLStreamReader {
    /// What the reader is positioned on.
    public enum NodeKind: Sendable, Equatable {
        case startElement
        case endElement
        /// Character data, including CDATA sections and whitespace.
        case text
        case comment
        case processingInstruction
        case other
    }

    private let reader: xmlTextReaderPtr
    private let diagnostics: Diagnostics
    /// Keeps the bytes of an in-memory document alive while libxml2 reads them.
    private let memory: UnsafeMutableRawBufferPointer?
    /// The file (or name) given at creation, used in errors.
    public let source: String
    /// The deepest element nesting accepted (the root element is at depth 0).
    public let maxDepth: Int

    /// The parser options: no network, no entity substitution, no DTD loading, limits on.
    private static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue
        | XML_PARSE_COMPACT.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// Opens a file for reading.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - maxDepth: the deepest element nesting accepted.
    /// - Throws: `XMLError` when the file cannot be opened.
    public init(path: String, maxDepth: Int = 100) throws {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw XMLError(file: path, message: "cannot open the file for reading")
        }
        guard let reader = xmlReaderForFile(path, nil, XMLStreamReader.options) else {
            throw XMLError.last(file: path, fallback: "cannot open the file for reading")
        }
        self.reader = reader
        self.memory = nil
        self.source = path
        self.maxDepth = maxDepth
        self.diagnostics = Diagnostics(source: path)
        installHandler()
    }

    /// Reads a document held in memory.
    ///
    /// - Parameters:
    ///   - data: the document's bytes.
    ///   - name: what to call the document in errors.
    ///   - maxDepth: the deepest element nesting accepted.
    public init(data: Data, name: String = "<memory>", maxDepth: Int = 100) throws {
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, data.count), alignment: 1)
        data.copyBytes(to: memory)
        let base = memory.baseAddress!.assumingMemoryBound(to: CChar.self)
        guard let reader = xmlReaderForMemory(base, Int32(clamping: data.count), name, nil, XMLStreamReader.options)
        else {
            memory.deallocate()
            throw XMLError.last(file: name, fallback: "cannot read the document")
        }
        self.reader = reader
        self.memory = memory
        self.source = name
        self.maxDepth = maxDepth
        self.diagnostics = Diagnostics(source: name)
        installHandler()
    }

    deinit {
        xmlFreeTextReader(reader)
        memory?.deallocate()
    }

    private func installHandler() {
        let context = Unmanaged.passUnretained(diagnostics).toOpaque()
        xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
            guard let context, let error else { return }
            let diagnostics = Unmanaged<Diagnostics>.fromOpaque(context).takeUnretainedValue()
            diagnostics.record(error.pointee)
        }, context)
    }

    // MARK: Reading

    /// Moves to the next node.
    ///
    /// - Returns: `false` at the end of the document.
    /// - Throws: `XMLError` for malformed XML, a DOCTYPE, or nesting deeper than `maxDepth`.
    public func read() throws -> Bool {
        let status = xmlTextReaderRead(reader)
        if let error = diagnostics.firstError { throw error }
        if status < 0 { throw self.error("the document is not well-formed") }
        if status == 0 { return false }
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue):
            kind = .startElement
            if xmlTextReaderDepth(reader) > maxDepth {
                throw self.error("elements nest deeper than \(maxDepth) levels")
            }
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue): kind = .endElement
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
            Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            kind = .text
        case Int32(XML_READER_TYPE_COMMENT.rawValue): kind = .comment
        case Int32(XML_READER_TYPE_PROCESSING_INSTRUCTION.rawValue): kind = .processingInstruction
        case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
            throw self.error("the document has a DOCTYPE; DTDs and entity declarations are refused")
        case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue), Int32(XML_READER_TYPE_ENTITY.rawValue):
            throw self.error("the document uses an entity; entities are refused")
        default: kind = .other
        }
        return true
    }

    /// What the reader is positioned on, after a successful `read()`.
    public private(set) var kind: NodeKind = .other

    /// The element's name without prefix (`node` for `<g:node>`).
    public var localName: String {
        xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
    }

    /// The element's namespace URI, if any.
    public var namespaceURI: String? {
        xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) }
    }

    /// The nesting depth of the current node; the root element is at 0.
    public var depth: Int { Int(xmlTextReaderDepth(reader)) }

    /// True for a start element written as `<name/>`, which gets no `.endElement`.
    public var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// The text of a `.text` or `.comment` node.
    public var value: String {
        xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
    }

    /// The value of an attribute of the current element, by qualified name (`id`, `attr.name`).
    public func attribute(_ name: String) -> String? {
        guard xmlTextReaderMoveToAttribute(reader, name) == 1 else { return nil }
        defer { xmlTextReaderMoveToElement(reader) }
        return xmlTextReaderConstValue(reader).map { String(cString: $0) }
    }

    /// The line of the current node (1-based).
    ///
    /// libxml2 parses ahead of the node the reader is on, so the parser's own
    /// position can be lines further on; the line recorded in the node wins
    /// when there is one (libxml2 caps it at 65,535, beyond which the parser's
    /// line is the best estimate).
    public var line: Int {
        let parserLine = Int(xmlTextReaderGetParserLineNumber(reader))
        guard let node = xmlTextReaderCurrentNode(reader) else { return parserLine }
        let nodeLine = Int(xmlGetLineNo(node))
        return nodeLine > 0 && nodeLine < 65535 ? nodeLine : parserLine
    }

    /// The column of the current position (1-based): the parser's column when
    /// it is still on the node's line, else 1.
    public var column: Int {
        let parserLine = Int(xmlTextReaderGetParserLineNumber(reader))
        return parserLine == line ? max(1, Int(xmlTextReaderGetParserColumnNumber(reader))) : 1
    }

    /// An error at the current position, for callers that find the content wrong.
    public func error(_ message: String) -> XMLError {
        XMLError(file: source, line: line, column: column, message: message)
    }
}

/// Collects libxml2's diagnostics for one reader; the first error wins.
private final class Diagnostics {
    let source: String
    var firstError: XMLError?

    init(source: String) { self.source = source }

    func record(_ error: xmlError) {
        // Warnings (unknown namespaces and the like) are not failures.
        guard firstError == nil, error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let message = error.message.map { String(cString: $0) } ?? "XML error \(error.code)"
        firstError = XMLError(
            file: source, line: error.line > 0 ? Int(error.line) : nil,
            column: error.int2 > 0 ? Int(error.int2) : nil,
            message: message.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
