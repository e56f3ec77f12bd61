import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `kgraph render`: a picture through Graphviz, or a clear message without it.
@Suite("kgraph render")
struct RenderTests {
    /// The root element's name and the texts of an SVG, read with a real XML parser.
    final class SVGReader: NSObject, XMLParserDelegate {
        var root: String?
        var nodeGroups = 0
        var texts: [String] = []
        private var inText = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if root == nil { root = name }
            if name == "g", attributes["class"] == "node" { nodeGroups += 1 }
            if name == "text" { inText = true; texts.append("") }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { texts[texts.count - 1] += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" { inText = false }
        }
    }

    static let hasDot = CLI.has("dot")

    func parseSVG(_ url: URL) throws -> SVGReader {
        let data = try Data(contentsOf: url)
        let parser = XMLParser(data: data)
        let reader = SVGReader()
        parser.delegate = reader
        #expect(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))")
        #expect(reader.root == "svg")
        return reader
    }

    @Test("GraphML → a valid SVG with every entity", .enabled(if: hasDot, "Graphviz `dot` is not installed (apt-get install graphviz)"))
    func svgFromGraphML() throws {
        try withTemporaryFolder { folder in
            let svg = folder.appending("examples.svg")
            let run = try CLI.run(["render", try Built.examplesGraph().path, "-o", svg.path])
            #expect(run.status == 0, "\(run)")
            #expect(run.error.isEmpty)
            let reader = try parseSVG(svg)
            #expect(reader.nodeGroups >= 20)
            #expect(reader.texts.contains("North Korea"))
            #expect(reader.texts.contains("Kim Jong Un"))
            if CLI.has("xmllint") {
                let lint = try CLI.runProgram(URL(fileURLWithPath: CLI.which("xmllint")!), ["--noout", "--nonet", svg.path])
                #expect(lint.status == 0, "\(lint)")
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["examples.svg"], "no temporary file left")
        }
    }

    @Test("DOT → SVG, and PNG", .enabled(if: hasDot, "Graphviz `dot` is not installed (apt-get install graphviz)"))
    func svgFromDOT() throws {
        let dot = try #require(Built.examples).dot
        try withTemporaryFolder { folder in
            let svg = folder.appending("examples.svg"), png = folder.appending("examples.png")
            let run = try CLI.run(["render", dot.path, "-o", svg.path])
            #expect(run.status == 0, "\(run)")
            #expect(try parseSVG(svg).texts.contains("North Korea"))
            let picture = try CLI.run(["render", dot.path, "-o", png.path])
            #expect(picture.status == 0, "\(picture)")
            #expect(png.bytes?.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        }
    }

    @Test("without Graphviz: one line with the install command, exit 2, the old picture kept")
    func graphvizMissing() throws {
        try withTemporaryFolder { folder in
            let emptyPath = folder.appending("bin")
            try FileManager.default.createDirectory(at: emptyPath, withIntermediateDirectories: true)
            let svg = folder.appending("old.svg")
            let old = Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n".utf8)
            try old.write(to: svg)
            let run = try CLI.run(["render", try Built.examplesGraph().path, "-o", svg.path], environment: ["PATH": emptyPath.path])
            #expect(run.status == 2, "\(run)")
            #expect(run.errorLines.count == 1)
            let line = try #require(run.errorLines.first)
            #expect(line.contains("Graphviz"))
            #expect(line.contains("apt-get install graphviz"))
            #expect(line.contains("brew install graphviz"))
            #expect(svg.bytes == old)
        }
    }

    @Test("a picture format Graphviz is not asked for is a usage error")
    func badExtension() throws {
        let run = try CLI.run(["render", try Built.examplesGraph().path, "-o", "/tmp/picture.gif"])
        #expect(run.status == 64, "\(run)")
        #expect(run.error.contains(".svg, .png or .pdf"))
    }

    @Test("broken DOT: Graphviz's complaint in one line, exit 2, no crash", .enabled(if: hasDot, "Graphviz `dot` is not installed"))
    func brokenDOT() throws {
        try withTemporaryFolder { folder in
            // Larger than a pipe's buffer, so kgraph is still writing when dot gives up.
            let source = folder.appending("broken.dot")
            try Data(("digraph { a -> [[[ ; " + String(repeating: "b -> c; ", count: 100_000) + "}\n").utf8).write(to: source)
            let run = try CLI.run(["render", source.path, "-o", folder.appending("broken.svg").path])
            #expect(run.status == 2, "\(run)")
            #expect(run.errorLines.count == 1)
            #expect(run.errorLines.first?.contains(source.path) == true)
            #expect(!folder.appending("broken.svg").exists)
        }
    }
}
