import ArgumentParser
import Foundation
import KGraph
import KGraphFormats

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a graph as SVG, PNG or PDF with Graphviz.",
        discussion: """
            Uses Graphviz's `dot` for graphs up to a few hundred nodes and `sfdp` past \
            that (dot cannot lay those out in reasonable time); --engine chooses. Needs \
            Graphviz: apt-get install graphviz (Debian/Ubuntu), brew install graphviz (macOS).

              kgraph render graphs/seed.graphml -o graphs/seed.svg
              kgraph render big.graphml -o big.png --engine sfdp
            """
    )

    @Argument(help: ArgumentHelp("A GraphML or DOT file.", valueName: "graph"))
    var input: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The picture to write (.svg, .png or .pdf).", valueName: "file"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("Graphviz layout program (dot, sfdp, neato, fdp, circo).", valueName: "name"))
    var engine: String?

    static let sfdpThreshold = 300

    var outputFormat: String? {
        let ext = (output as NSString).pathExtension.lowercased()
        return ["svg", "png", "pdf"].contains(ext) ? ext : nil
    }

    func validate() throws {
        if outputFormat == nil { throw ValidationError("\(output): the picture must end in .svg, .png or .pdf") }
        if let engine, !["dot", "sfdp", "neato", "fdp", "circo", "twopi"].contains(engine) {
            throw ValidationError("--engine \(engine): use dot, sfdp, neato, fdp, circo or twopi")
        }
    }

    func run() throws {
        let dotSource: String
        var nodeCount = 0
        do {
            try AtomicWrite.checkWritable(output)
            if ["dot", "gv"].contains((input as NSString).pathExtension.lowercased()) {
                guard let text = try? String(contentsOfFile: input, encoding: .utf8) else {
                    throw CLIError("\(input): cannot read the file")
                }
                dotSource = text
                nodeCount = text.components(separatedBy: "\n").count / 2
            } else {
                let graph = try GraphMLReader().read(from: input)
                nodeCount = graph.entities.count
                dotSource = DOTWriter().string(for: graph)
            }
        } catch {
            Terminal.error("\(error)")
            throw Exit.failure
        }
        let program = engine ?? (nodeCount > Self.sfdpThreshold ? "sfdp" : "dot")
        guard let executable = Self.find(program) else {
            Terminal.error("Graphviz's `\(program)` is not installed; install it with: apt-get install graphviz (or brew install graphviz)")
            throw Exit.failure
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-T\(outputFormat!)"]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do { try process.run() } catch {
            Terminal.error("cannot run \(executable): \(error)")
            throw Exit.failure
        }
        // A layout program that stops early (bad DOT) closes the pipe: that must be
        // an error message, not SIGPIPE killing kgraph or a trap in FileHandle.write.
        signal(SIGPIPE, SIG_IGN)
        let writer = Thread {
            try? stdin.fileHandleForWriting.write(contentsOf: Data(dotSource.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let errorData = ErrorCollector(stderr.fileHandleForReading)
        let picture = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let messages = errorData.text
        guard process.terminationStatus == 0, !picture.isEmpty else {
            Terminal.error("\(program) failed on \(input): \(messages.split(separator: "\n").first ?? "exit \(process.terminationStatus)")")
            throw Exit.failure
        }
        do { try AtomicWrite.write(picture, to: output) } catch {
            Terminal.error("\(error)")
            throw Exit.failure
        }
    }

    static func find(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// Reads a pipe on its own thread so a chatty child never blocks.
final class ErrorCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }.start()
    }

    var text: String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
