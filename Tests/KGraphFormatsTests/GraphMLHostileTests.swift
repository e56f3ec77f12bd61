import Foundation
import KGraph
import KGraphFormats
import KGraphXML
import Testing

/// Malformed and hostile files: each must fail with file, line and column, quickly.
@Suite("GraphML: malformed and hostile input", .timeLimit(.minutes(1)))
struct GraphMLHostileTests {
    static let head = "<?xml version=\"1.0\"?>\n"
    static let open = "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph edgedefault=\"directed\">"
    static let close = "</graph></graphml>\n"

    /// Reads `text` and returns the error's description, which must carry `name:line:column:`.
    func failure(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        do {
            let graph = try GraphMLReader().read(Data(text.utf8), name: "hostile.graphml")
            Issue.record("read a graph of \(graph.entities.count) nodes instead of failing", sourceLocation: sourceLocation)
            return ""
        } catch {
            let description = String(describing: error)
            #expect(description.firstMatch(of: /^hostile\.graphml:\d+:\d+: ./) != nil,
                    "no line:column in \"\(description)\"", sourceLocation: sourceLocation)
            return description
        }
    }

    @Test("an external file entity (XXE) is refused and nothing is read from the file")
    func externalFileEntity() {
        let message = failure(Self.head + "<!DOCTYPE graphml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
            + Self.open + "<node id=\"&xxe;\"/>" + Self.close)
        // libxml2 parses ahead, so it may object to the entity before the reader sees the DOCTYPE.
        #expect(message.contains("DOCTYPE") || message.contains("entity"))
        #expect(!message.contains("root:"))
    }

    @Test("an external network entity is refused without a connection")
    func externalNetworkEntity() {
        let message = failure(Self.head + "<!DOCTYPE graphml [<!ENTITY net SYSTEM \"http://127.0.0.1:9/evil.xml\">]>\n"
            + Self.open + "<node id=\"a\"><data key=\"k\">&net;</data></node>" + Self.close)
        #expect(message.contains("DOCTYPE"))
    }

    @Test("an external parameter entity and an external DTD are refused")
    func externalParameterEntity() {
        _ = failure(Self.head + "<!DOCTYPE graphml [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>\n"
            + Self.open + Self.close)
        _ = failure(Self.head + "<!DOCTYPE graphml SYSTEM \"http://127.0.0.1:9/graphml.dtd\">\n"
            + Self.open + Self.close)
    }

    @Test("billion laughs is refused before any expansion")
    func billionLaughs() {
        var dtd = "<!DOCTYPE graphml [\n<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            dtd += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        dtd += "]>\n"
        _ = failure(Self.head + dtd + Self.open + "<node id=\"a\"><data key=\"k\">&lol9;</data></node>"
            + Self.close)
    }

    @Test("an undeclared entity reference is an error")
    func undeclaredEntity() {
        _ = failure(Self.head + Self.open + "<node id=\"&lol;\"/>" + Self.close)
    }

    @Test("deep nesting stops at the depth cap")
    func deepNesting() {
        let depth = 100_000
        let message = failure(Self.head + Self.open + "<node id=\"a\">"
            + String(repeating: "<x>", count: depth) + String(repeating: "</x>", count: depth) + "</node>"
            + Self.close)
        #expect(message.contains("deeper") || message.contains("depth"))
    }

    @Test("an edge to an unknown node names the edge's line")
    func unknownNode() {
        let message = failure(Self.head + Self.open + "\n<node id=\"a\"/>\n<edge source=\"a\" target=\"b\"/>\n"
            + Self.close)
        #expect(message.hasPrefix("hostile.graphml:4:"))
        #expect(message.contains("\"b\""))
    }

    @Test("a duplicate node id is an error")
    func duplicateID() {
        let message = failure(Self.head + Self.open + "\n<node id=\"a\"/>\n<node id=\"a\"/>\n" + Self.close)
        #expect(message.hasPrefix("hostile.graphml:4:"))
        #expect(message.contains("twice"))
    }

    @Test("a truncated file is an error")
    func truncated() throws {
        let data = try GraphMLWriter().data(for: Support.sampleGraph())
        for fraction in [0.1, 0.5, 0.9, 0.999] {
            _ = failure(String(decoding: data.prefix(Int(Double(data.count) * fraction)), as: UTF8.self))
        }
    }

    @Test("a document without a <graphml> root, or not XML at all, is an error")
    func notGraphML() {
        #expect(failure(Self.head + "<html><body/></html>").contains("<graphml>"))
        _ = failure("")
        _ = failure("this is not XML")
        _ = failure(Self.head + Self.open + "<node id=\"a\"><data key=\"undeclared\">x</data></node>" + Self.close)
    }

    @Test("malformed kgraph data is an error")
    func malformedKGraphData() throws {
        let text = try GraphMLWriter.string(for: Support.sampleGraph())
        let broken = text.replacingOccurrences(of: "<data key=\"e_mentions\">[[", with: "<data key=\"e_mentions\">[[[")
        #expect(failure(broken).contains("mentions"))
    }

    @Test("a missing file is an XMLError naming it")
    func missingFile() {
        #expect(throws: XMLError.self) { try GraphMLReader.read(from: "/nonexistent/graph.graphml") }
    }
}
