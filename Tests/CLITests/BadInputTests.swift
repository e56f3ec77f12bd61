import Foundation
import Testing

/// Bad input: one line naming the file (and where), a non-zero exit, and the rest still done.
///
/// kgraph's rule (documented in `kgraph build --help`): an input that cannot be read is
/// skipped with an error and the run exits with 1 if anything else was read, with 2 (and
/// nothing written) if nothing was; a bad option is a usage error (64) before any work.
@Suite("bad input")
struct BadInputTests {
    static let goodArticle = CLI.fixtures.appending("articles/pyongyang-visit.txt")

    /// Builds the good article together with `bad`, and checks the shared promises:
    /// exit 1, exactly one error line, which names `bad`, and a graph of the good article.
    @discardableResult
    func buildSkipping(
        _ bad: String, in folder: URL, expecting fragment: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Run {
        let output = folder.appending("out.graphml")
        let run = try CLI.run(["build", Self.goodArticle.path, bad, "-o", output.path], in: folder)
        #expect(run.status == 1, "\(run)", sourceLocation: sourceLocation)
        #expect(!run.timedOut, sourceLocation: sourceLocation)
        #expect(run.errorLines.count == 1, "\(run)", sourceLocation: sourceLocation)
        let line = run.errorLines.first ?? ""
        #expect(line.hasPrefix("kgraph: error: \(bad)"), "the error names the file: \(line)", sourceLocation: sourceLocation)
        #expect(line.contains(fragment), "\(line)", sourceLocation: sourceLocation)
        let graph = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        #expect(graph.contains("Sergei Lavrov"), "the good article is still in the graph", sourceLocation: sourceLocation)
        #expect(run.error.split(separator: "\n").last?.contains("1 skipped") == true, "the summary counts it: \(run.error)", sourceLocation: sourceLocation)
        return run
    }

    @Test("a missing file")
    func missingFile() throws {
        try withTemporaryFolder { folder in
            try buildSkipping("no-such-article.txt", in: folder, expecting: "no such file or folder")
        }
    }

    @Test("a folder with no articles")
    func emptyFolder() throws {
        try withTemporaryFolder { folder in
            try FileManager.default.createDirectory(at: folder.appending("nothing-here"), withIntermediateDirectories: true)
            try Data("not an article".utf8).write(to: folder.appending("nothing-here/notes.csv"))
            try buildSkipping("nothing-here", in: folder, expecting: "folder has no articles")
        }
    }

    @Test("an empty file")
    func emptyFile() throws {
        try withTemporaryFolder { folder in
            try Data().write(to: folder.appending("empty.txt"))
            try buildSkipping("empty.txt", in: folder, expecting: "empty")
        }
    }

    @Test("a binary file")
    func binaryFile() throws {
        try withTemporaryFolder { folder in
            var bytes = Data("GIF89a".utf8)
            bytes.append(contentsOf: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37) })
            try bytes.write(to: folder.appending("picture.txt"))
            try buildSkipping("picture.txt", in: folder, expecting: "binary")
        }
    }

    @Test("a file that is not UTF-8 names line and column")
    func notUTF8() throws {
        try withTemporaryFolder { folder in
            // Latin-1 "Café" on the third line.
            var bytes = Data("Headline\n\nA visit to the Caf".utf8)
            bytes.append(contentsOf: [0xE9, 0x20])
            bytes.append(contentsOf: Data("in Moscow.\n".utf8))
            try bytes.write(to: folder.appending("latin1.txt"))
            try buildSkipping("latin1.txt", in: folder, expecting: "latin1.txt:3:19: not valid UTF-8")
        }
    }

    @Test("--encoding latin1 reads what UTF-8 refuses, with offsets into the decoded text")
    func namedEncoding() throws {
        try withTemporaryFolder { folder in
            var bytes = Data("Headline\n\nVladimir Putin met Kim Jong Un at the Caf".utf8)
            bytes.append(contentsOf: [0xE9, 0x20])
            bytes.append(contentsOf: Data("in Moscow.\n".utf8))
            try bytes.write(to: folder.appending("latin1.txt"))
            let refused = try CLI.run(["extract", "latin1.txt"], in: folder)
            #expect(refused.status == 2, "\(refused)")
            let read = try CLI.run(["extract", "--encoding", "latin1", "latin1.txt"], in: folder)
            #expect(read.status == 0, "\(read)")
            let scalars = Array("Headline\n\nVladimir Putin met Kim Jong Un at the Café in Moscow.\n".unicodeScalars)
            var mentions = 0
            for line in read.stdout.split(separator: "\n") {
                let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                guard record["type"] as? String == "mention", let start = record["start"] as? Int, let end = record["end"] as? Int else { continue }
                #expect(String(String.UnicodeScalarView(scalars[start..<end])) == record["text"] as? String)
                mentions += 1
            }
            #expect(mentions >= 3)
            let unknown = try CLI.run(["extract", "--encoding", "klingon", "latin1.txt"], in: folder)
            #expect(unknown.status == 64)
        }
    }

    @Test("a bad JSON line names the line and the rest of the file is read")
    func badJSONLine() throws {
        try withTemporaryFolder { folder in
            let good = try String(contentsOf: CLI.fixtures.appending("articles/wire.jsonl"), encoding: .utf8)
            let lines = good.split(separator: "\n")
            try Data((lines[0] + "\n{\"id\": \"broken\", \"text\": \n" + lines[1] + "\n").utf8).write(to: folder.appending("wire.jsonl"))
            let output = folder.appending("out.graphml")
            let run = try CLI.run(["build", "wire.jsonl", "-o", output.path], in: folder)
            #expect(run.status == 1, "\(run)")
            #expect(run.errorLines.count == 1)
            #expect(run.errorLines.first?.hasPrefix("kgraph: error: wire.jsonl:2") == true, "\(run)")
            #expect(run.error.contains("kgraph: 2 articles"))
        }
    }

    @Test("a 50 MB single-line file: refused as one article, quickly, the rest still built")
    func hugeLine() throws {
        try withTemporaryFolder { folder in
            let sentence = "Vladimir Putin met Kim Jong Un in Moscow, and Russia supplies oil to North Korea. "
            let big = folder.appending("one-line.txt")
            _ = FileManager.default.createFile(atPath: big.path, contents: nil)
            let handle = try FileHandle(forWritingTo: big)
            let chunk = Data(String(repeating: sentence, count: 1 << 14).utf8)
            var written = 0
            while written < 50 << 20 {
                try handle.write(contentsOf: chunk)
                written += chunk.count
            }
            try handle.close()
            let run = try buildSkipping("one-line.txt", in: folder, expecting: "too large for one article")
            #expect(run.errorLines.first?.contains("split it into articles, or give it as JSON Lines") == true)
            #expect(run.seconds < 60, "took \(run.seconds) s")
        }
    }

    @Test("a 50 MB single line of JSON Lines: a bad JSON line, line 1")
    func hugeJSONLine() throws {
        try withTemporaryFolder { folder in
            let big = folder.appending("dump.jsonl")
            var text = Data("{\"id\": \"dump\", \"text\": \"".utf8)
            text.append(Data(repeating: UInt8(ascii: "y"), count: 50 << 20))
            try text.write(to: big)
            try buildSkipping("dump.jsonl", in: folder, expecting: "dump.jsonl:1")
        }
    }

    @Test("broken HTML is read as browsers read it")
    func brokenHTML() throws {
        try withTemporaryFolder { folder in
            let output = folder.appending("out.graphml")
            let run = try CLI.run(["build", CLI.fixtures.appending("articles/broken.html").path, "-o", output.path, "--quiet"])
            #expect(run.status == 0, "\(run)")
            let graph = try String(contentsOf: output, encoding: .utf8)
            #expect(graph.contains("Fumio Kishida"))
            #expect(graph.contains(">sanctions<"))
            #expect(!graph.contains("Home | World"), "navigation is left out")
        }
    }

    @Test("HTML with no article text is skipped with an error naming it")
    func emptyHTML() throws {
        try withTemporaryFolder { folder in
            try Data("<html><head><script>var a = 1;</script></head><body><nav>Home</nav></body>".utf8).write(to: folder.appending("blank.html"))
            let run = try CLI.run(["build", Self.goodArticle.path, "blank.html", "-o", "out.graphml"], in: folder)
            #expect(run.status == 1, "\(run)")
            #expect(run.errorLines.count == 1)
            #expect(run.errorLines.first?.hasPrefix("kgraph: error: blank.html") == true, "\(run)")
        }
    }

    @Test("nothing readable at all: exit 2, one line per input and nothing written")
    func nothingReadable() throws {
        try withTemporaryFolder { folder in
            try Data().write(to: folder.appending("empty.txt"))
            let run = try CLI.run(["build", "empty.txt", "missing.txt", "-o", "out.graphml"], in: folder)
            #expect(run.status == 2, "\(run)")
            #expect(run.errorLines.count == 3)
            #expect(run.errorLines.last == "kgraph: error: no article could be read; out.graphml was not written")
            #expect(!folder.appending("out.graphml").exists)
        }
    }

    @Test("an unknown --relations value: exit 64 before any work, listing the known ones")
    func unknownRelation() throws {
        try withTemporaryFolder { folder in
            let run = try CLI.run(["build", Self.goodArticle.path, "-o", "out.graphml", "--relations", "supplies,bribes"], in: folder)
            #expect(run.status == 64, "\(run)")
            #expect(run.errorLines.count == 1)
            let line = try #require(run.errorLines.first)
            #expect(line.contains("unknown relation \"bribes\""))
            for known in ["supplies", "funds", "meets", "sanctions", "attacks"] { #expect(line.contains(known)) }
            #expect(!folder.appending("out.graphml").exists)
            let merge = try CLI.run(["merge", try Built.examplesGraph().path, "-o", "out.graphml", "--relations", "bribes"], in: folder)
            #expect(merge.status == 64, "\(merge)")
            #expect(merge.errorLines.first?.contains("unknown relation \"bribes\" (known: ") == true)
        }
    }

    @Test("an unknown --kinds value and a bad date are usage errors")
    func badOptions() throws {
        let kinds = try CLI.run(["build", Self.goodArticle.path, "-o", "/tmp/unused.graphml", "--kinds", "person,robot"])
        #expect(kinds.status == 64)
        #expect(kinds.error.contains("unknown kind \"robot\""))
        let date = try CLI.run(["build", Self.goodArticle.path, "-o", "/tmp/unused.graphml", "--since", "March"])
        #expect(date.status == 64)
        #expect(date.error.contains("yyyy-mm-dd"))
    }

    /// An output whose parent is a regular file cannot be created, even by root.
    @Test("an unwritable output: exit 2 before any work, the error names the output", arguments: ["build", "merge", "extract", "render"])
    func unwritableOutput(command: String) throws {
        try withTemporaryFolder { folder in
            try Data("a file".utf8).write(to: folder.appending("plain-file"))
            let output = folder.appending("plain-file/out.graphml").path
            let arguments: [String]
            switch command {
            case "build": arguments = ["build", Self.goodArticle.path, "-o", output]
            case "merge": arguments = ["merge", try Built.examplesGraph().path, "-o", output]
            case "extract": arguments = ["extract", Self.goodArticle.path, "-o", output]
            default: arguments = ["render", try Built.examplesGraph().path, "-o", folder.appending("plain-file/out.svg").path]
            }
            let run = try CLI.run(arguments)
            #expect(run.status == 2, "\(run)")
            #expect(run.errorLines.count == 1, "\(run)")
            let line = try #require(run.errorLines.first)
            #expect(line.hasPrefix("kgraph: error: \(folder.appending("plain-file").path)/out."), "\(line)")
            #expect(line.contains("is a file, not a folder"))
            #expect(run.output.isEmpty)
        }
    }

    @Test("an output in a folder that does not exist, and an output that is a folder")
    func outputFolderProblems() throws {
        try withTemporaryFolder { folder in
            let missing = try CLI.run(["build", Self.goodArticle.path, "-o", "no/such/folder/out.graphml"], in: folder)
            #expect(missing.status == 2)
            #expect(missing.errorLines.first?.contains("does not exist") == true, "\(missing)")
            let isFolder = try CLI.run(["build", Self.goodArticle.path, "-o", folder.path, "--quiet"])
            #expect(isFolder.status == 2)
            #expect(isFolder.errorLines.first?.contains("is a folder") == true, "\(isFolder)")
        }
    }

    static let hostile = ["external-entity.graphml", "billion-laughs.graphml", "truncated.graphml"]

    @Test("broken or hostile GraphML given to merge: named with line:column, the others merged", arguments: hostile)
    func hostileMerge(name: String) throws {
        try withTemporaryFolder { folder in
            let bad = CLI.fixtures.appending("graphs/\(name)").path
            let output = folder.appending("merged.graphml")
            let run = try CLI.run(["merge", try Built.examplesGraph().path, bad, "-o", output.path], timeout: 60)
            #expect(run.status == 1, "\(run)")
            #expect(run.errorLines.count == 1)
            let line = try #require(run.errorLines.first)
            #expect(line.range(of: "^kgraph: error: \(NSRegularExpression.escapedPattern(for: bad)):\\d+:\\d+: ", options: .regularExpression) != nil, "\(line)")
            let merged = try String(contentsOf: output, encoding: .utf8)
            #expect(merged.contains("North Korea"))
            #expect(!merged.contains("root:"), "no file contents leak in through an entity")
            #expect(merged.utf8.count < 10 << 20, "no entity expansion")
        }
    }

    @Test("broken or hostile GraphML given to convert: exit 2, named with line:column", arguments: hostile)
    func hostileConvert(name: String) throws {
        try withTemporaryFolder { folder in
            let bad = CLI.fixtures.appending("graphs/\(name)").path
            let run = try CLI.run(["convert", bad, folder.appending("out.dot").path], timeout: 60)
            #expect(run.status == 2, "\(run)")
            #expect(run.errorLines.count == 1)
            #expect(run.errorLines.first?.range(of: "^kgraph: error: \(NSRegularExpression.escapedPattern(for: bad)):\\d+:\\d+: ", options: .regularExpression) != nil, "\(run)")
            #expect(!folder.appending("out.dot").exists)
        }
    }
}
