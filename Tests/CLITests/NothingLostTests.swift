import Foundation
import Testing

/// A failed or interrupted run leaves what was there; `merge` keeps what it does not know.
@Suite("nothing lost")
struct NothingLostTests {
    /// Copies the examples' GraphML and DOT into `folder` as the "previous" outputs.
    func previousOutputs(in folder: URL) throws -> (graphml: URL, dot: URL, bytes: (Data, Data)) {
        let built = try #require(Built.examples)
        let graphml = folder.appending("graph.graphml"), dot = folder.appending("graph.dot")
        try FileManager.default.copyItem(at: built.graphml, to: graphml)
        try FileManager.default.copyItem(at: built.dot, to: dot)
        return (graphml, dot, (try Data(contentsOf: graphml), try Data(contentsOf: dot)))
    }

    func expectUnchanged(_ previous: (graphml: URL, dot: URL, bytes: (Data, Data)), in folder: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(previous.graphml.bytes == previous.bytes.0, "the GraphML changed", sourceLocation: sourceLocation)
        #expect(previous.dot.bytes == previous.bytes.1, "the DOT changed", sourceLocation: sourceLocation)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(left.isEmpty, "temporary files left behind: \(left)", sourceLocation: sourceLocation)
    }

    @Test("build with nothing readable leaves the GraphML and DOT byte-identical")
    func failedBuild() throws {
        try withTemporaryFolder { folder in
            let previous = try previousOutputs(in: folder)
            try Data().write(to: folder.appending("empty.txt"))
            let run = try CLI.run(["build", "empty.txt", "missing.txt", "-o", "graph.graphml", "--dot", "graph.dot"], in: folder)
            #expect(run.status == 2, "\(run)")
            try expectUnchanged(previous, in: folder)
        }
    }

    @Test("build with an unwritable --dot changes neither output")
    func unwritableSecondOutput() throws {
        try withTemporaryFolder { folder in
            let previous = try previousOutputs(in: folder)
            try Data("x".utf8).write(to: folder.appending("plain-file"))
            let run = try CLI.run(["build", CLI.fixtures.appending("articles").path, "-o", "graph.graphml", "--dot", "plain-file/graph.dot"], in: folder)
            #expect(run.status == 2, "\(run)")
            try expectUnchanged(previous, in: folder)
        }
    }

    @Test("build with a bad --relations value changes nothing")
    func usageErrorBuild() throws {
        try withTemporaryFolder { folder in
            let previous = try previousOutputs(in: folder)
            let run = try CLI.run(["build", CLI.fixtures.appending("articles").path, "-o", "graph.graphml", "--dot", "graph.dot", "--relations", "bribes"], in: folder)
            #expect(run.status == 64, "\(run)")
            try expectUnchanged(previous, in: folder)
        }
    }

    @Test("merge of hostile graphs only leaves the outputs byte-identical")
    func failedMerge() throws {
        try withTemporaryFolder { folder in
            let previous = try previousOutputs(in: folder)
            let hostile = ["external-entity", "billion-laughs", "truncated"].map { CLI.fixtures.appending("graphs/\($0).graphml").path }
            let run = try CLI.run(["merge"] + hostile + ["-o", "graph.graphml", "--dot", "graph.dot"], in: folder)
            #expect(run.status == 2, "\(run)")
            #expect(run.errorLines.count == 4)
            try expectUnchanged(previous, in: folder)
        }
    }

    @Test("convert from broken GraphML leaves the DOT and GraphML byte-identical", arguments: ["graph.dot", "graph.graphml"])
    func failedConvert(output: String) throws {
        try withTemporaryFolder { folder in
            let previous = try previousOutputs(in: folder)
            let run = try CLI.run(["convert", CLI.fixtures.appending("graphs/truncated.graphml").path, output], in: folder)
            #expect(run.status == 2, "\(run)")
            try expectUnchanged(previous, in: folder)
        }
    }

    @Test("an interrupted build leaves the previous outputs byte-identical")
    func interruptedBuild() throws {
        let executable = try #require(CLI.executable)
        try withTemporaryFolder { folder in
            let previous = try previousOutputs(in: folder)
            let process = Process()
            process.executableURL = executable
            process.arguments = ["build", Built.manyArticles.path, "-o", "graph.graphml", "--dot", "graph.dot", "--threads", "1", "--quiet"]
            process.currentDirectoryURL = folder
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(700_000)
            let stillRunning = process.isRunning
            // SIGKILL, the harshest interruption: a child started by Process from a test's
            // worker thread inherits that thread's mask, which blocks SIGINT and SIGTERM.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try expectUnchanged(previous, in: folder)
            #expect(stillRunning, "the build ended before it could be interrupted; give it more work")
            #expect(process.terminationReason == .uncaughtSignal)
        }
    }

    @Test("merge keeps attributes kgraph does not know (a networkx file)")
    func mergeKeepsForeignAttributes() throws {
        let foreign = CLI.root.appending("Tests/KGraphFormatsTests/Fixtures/networkx_multidigraph.graphml")
        try #require(foreign.exists, "networkx fixture missing")
        try withTemporaryFolder { folder in
            let merged = folder.appending("merged.graphml")
            let run = try CLI.run(["merge", foreign.path, try Built.examplesGraph().path, "-o", merged.path, "--quiet"])
            #expect(run.status == 0, "\(run)")
            #expect(run.error.isEmpty)
            let text = try String(contentsOf: merged, encoding: .utf8)
            for name in ["capital", "population", "region", "note"] {
                #expect(text.contains("attr.name=\"\(name)\""), "key \(name) kept")
            }
            #expect(text.contains(">Moscow<"))
            #expect(text.contains("Sergei Lavrov"), "and kgraph's own graph is there")
            // Merging is idempotent: merging the result with itself gives the same bytes.
            let again = folder.appending("again.graphml")
            let twice = try CLI.run(["merge", merged.path, merged.path, "-o", again.path, "--quiet"])
            #expect(twice.status == 0, "\(twice)")
            #expect(again.bytes == merged.bytes)
            // And the attributes survive a round through convert.
            let converted = folder.appending("converted.graphml")
            #expect(try CLI.run(["convert", merged.path, converted.path]).status == 0)
            #expect(try String(contentsOf: converted, encoding: .utf8).contains(">Moscow<"))
        }
    }
}
