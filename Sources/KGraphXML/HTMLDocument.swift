internal import CLibXML2
import Foundation

/// An HTML page parsed by libxml2's forgiving HTML parser, to be read as a tree.
///
/// Parsing never touches the network (`HTML_PARSE_NONET`), recovers from the
/// broken markup real pages have, and reports nothing on the side: a page
/// libxml2 can make no tree of at all is the only error. Character and entity
/// references (`&amp;`, `&nbsp;`, `&#8217;`) are decoded in the text the
/// nodes give. The document owns libxml2's tree and frees it in `deinit`;
/// every ``HTMLNode`` keeps its document alive.
public final class HTMLDocument {
    private let document: UnsafeMutablePointer<xmlDoc>

    /// Parses a page.
    ///
    /// - Parameters:
    ///   - data: The page's bytes.
    ///   - encoding: The bytes' encoding (`"UTF-8"`), or `nil` to let libxml2
    ///     follow the page's own `<meta charset>` (and Latin-1 when it names none).
    ///   - sourceName: The file's name, for errors and libxml2's base URL.
    /// - Throws: ``XMLError`` when libxml2 builds no document (an empty page,
    ///   or one larger than 2 GB).
    public init(data: Data, encoding: String? = "UTF-8", sourceName: String? = nil) throws(XMLError) {
        guard !data.isEmpty, data.count < Int(Int32.max) else {
            throw XMLError(file: sourceName, message: data.isEmpty ? "empty document" : "document larger than 2 GB")
        }
        Self.initializeOnce
        let options = Int32(
            bitPattern: HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_RECOVER.rawValue)
        let parsed = data.withUnsafeBytes { bytes -> htmlDocPtr? in
            let buffer = bytes.baseAddress!.assumingMemoryBound(to: CChar.self)
            return htmlReadMemory(buffer, Int32(bytes.count), sourceName, encoding, options)
        }
        guard let parsed else { throw XMLError.last(file: sourceName, fallback: "not an HTML document") }
        document = parsed
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// libxml2 wants its parser set up once per process before threads use it.
    private static let initializeOnce: Void = xmlInitParser()

    /// The `<html>` element (libxml2 adds one when the page has none), or `nil` for a page with no element.
    public var root: HTMLNode? {
        xmlDocGetRootElement(document).map { HTMLNode(document: self, pointer: $0) }
    }

    /// Every element with this (lowercase) name, in document order.
    ///
    /// - Complexity: O(*n*) in the number of nodes.
    public func elements(named name: String) -> [HTMLNode] {
        var found: [HTMLNode] = []
        root?.walk { node in
            if node.kind == .element && node.name == name { found.append(node) }
            return true
        }
        return found
    }
}

/// One node of an ``HTMLDocument``: an element, a run of text, or something else (a comment).
///
/// A node is a view into its document, which it keeps alive; it is cheap to
/// copy and is not meant to outlive the reading of one page.
public struct HTMLNode {
    public enum Kind: Sendable, Equatable {
        case element, text, other
    }

    private let document: HTMLDocument
    private let pointer: UnsafeMutablePointer<xmlNode>

    fileprivate init(document: HTMLDocument, pointer: UnsafeMutablePointer<xmlNode>) {
        self.document = document
        self.pointer = pointer
    }

    public var kind: Kind {
        switch pointer.pointee.type {
        case XML_ELEMENT_NODE: return .element
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: return .text
        default: return .other
        }
    }

    /// The element's name, lowercase as the HTML parser gives it (`"p"`, `"meta"`); empty for other nodes.
    public var name: String {
        guard kind == .element, let name = pointer.pointee.name else { return "" }
        return String(cString: name)
    }

    /// A text node's text; for an element, all the text inside it, in order (like the DOM's `textContent`).
    public var text: String {
        if kind == .text { return pointer.pointee.content.map { String(cString: $0) } ?? "" }
        var pieces = ""
        walk { node in
            if node.kind == .text { pieces += node.text }
            return true
        }
        return pieces
    }

    /// The attributes in the order the page gives them, names lowercase.
    public var attributes: [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        var attribute = kind == .element ? pointer.pointee.properties : nil
        while let current = attribute {
            let name = current.pointee.name.map { String(cString: $0) } ?? ""
            result.append((name.lowercased(), Self.value(of: current)))
            attribute = current.pointee.next
        }
        return result
    }

    /// The value of the attribute with this name (case-insensitive), or `nil` when the element has none.
    public func attribute(_ name: String) -> String? {
        var attribute = kind == .element ? pointer.pointee.properties : nil
        while let current = attribute {
            if let attributeName = current.pointee.name,
                String(cString: attributeName).caseInsensitiveCompare(name) == .orderedSame
            {
                return Self.value(of: current)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    private static func value(of attribute: UnsafeMutablePointer<xmlAttr>) -> String {
        var value = ""
        var child = attribute.pointee.children
        while let current = child {
            if let content = current.pointee.content { value += String(cString: content) }
            child = current.pointee.next
        }
        return value
    }

    public var parent: HTMLNode? {
        guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return HTMLNode(document: document, pointer: parent)
    }

    public var firstChild: HTMLNode? {
        pointer.pointee.children.map { HTMLNode(document: document, pointer: $0) }
    }

    public var nextSibling: HTMLNode? {
        pointer.pointee.next.map { HTMLNode(document: document, pointer: $0) }
    }

    /// The child nodes, text and comments included, in order.
    public var children: [HTMLNode] {
        var result: [HTMLNode] = []
        var child = firstChild
        while let current = child {
            result.append(current)
            child = current.nextSibling
        }
        return result
    }

    /// Visits this node and its descendants in document order; returning
    /// `false` from `visit` skips the node's descendants.
    ///
    /// - Complexity: O(*n*) in the number of nodes visited; no recursion, so deep pages are safe.
    public func walk(_ visit: (HTMLNode) -> Bool) {
        let top = pointer
        var current: UnsafeMutablePointer<xmlNode>? = pointer
        while let node = current {
            if visit(HTMLNode(document: document, pointer: node)), let child = node.pointee.children {
                current = child
                continue
            }
            // Next in document order: a sibling, or an ancestor's sibling, never leaving `top`.
            var climb: UnsafeMutablePointer<xmlNode>? = node
            current = nil
            while let step = climb, step != top {
                if let next = step.pointee.next {
                    current = next
                    break
                }
                climb = step.pointee.parent
            }
        }
    }
}

extension HTMLNode: Equatable {
    /// Two nodes are equal when they are the same node of the same document.
    public static func == (lhs: HTMLNode, rhs: HTMLNode) -> Bool {
        lhs.pointer == rhs.pointer
    }
}
